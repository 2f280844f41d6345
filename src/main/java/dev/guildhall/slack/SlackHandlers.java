package dev.guildhall.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.guildhall.bot.Guildhall;

import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The one place the Slack handlers are registered. Each delivery is handled once, keyed by Slack's trigger or event
 * id, however often Slack retries it. Anonymous commands and buttons leave no trace in the adapter: no look-up, no
 * cache entry, no log line naming the caller.
 */
final class SlackHandlers {
    private static final Pattern ANY = Pattern.compile("^.+$");

    private SlackHandlers() {
    }

    static void register(App app, Guildhall bot, SlackChatPort port, SlackPeople people, Executor executor) {
        AfterAck afterAck = new AfterAck(executor);
        AppHome home = new AppHome(bot, port, afterAck);
        SlackFormRequests forms = new SlackFormRequests(bot, port, people, afterAck);
        // Every command goes to the core, whose router knows them all and answers an unknown one helpfully.
        app.command(ANY, new SlashCommands(bot, people, afterAck, forms));
        app.blockAction(ANY, new ButtonPresses(bot, port, people, home, afterAck, forms));
        forms.register(app);
        app.event(AppHomeOpenedEvent.class, home);
    }
}
