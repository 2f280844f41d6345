package dev.guildhall.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.guildhall.slack.AfterAck.deliver;

/**
 * The Home tab: when someone opens it ({@code app_home_opened}), Slack gets its ack and the person's page (what
 * every capability shows them, with buttons) is published with views.publish, once per event however often Slack
 * retries it.
 */
final class AppHome implements BoltEventHandler<AppHomeOpenedEvent> {
    /** The forms the page's first buttons open, by form id, with their labels. */
    private static final Map<String, String> FORM_BUTTONS = new LinkedHashMap<>();

    static {
        FORM_BUTTONS.put("learn", "Ask to learn something");
        FORM_BUTTONS.put("teach", "Offer to teach");
        FORM_BUTTONS.put("wg.create", "Start a working group");
        FORM_BUTTONS.put("session.start", "Start a live session");
    }

    private final Guildhall bot;
    private final SlackChatPort port;
    private final AfterAck afterAck;

    AppHome(Guildhall bot, SlackChatPort port, AfterAck afterAck) {
        this.bot = bot;
        this.port = port;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event == null || !"home".equals(event.getTab()) || event.getUser() == null) {
            return context.ack();
        }
        PersonId viewer = SlackIds.person(SlackIds.organization(payload.getEnterpriseId(), payload.getTeamId()),
                event.getUser());
        String eventId = payload.getEventId();
        afterAck.later(() -> {
            if (eventId == null || bot.firstTime("slack:event:" + eventId)) {
                publish(viewer);
            }
        });
        return context.ack();
    }

    /** Shows a person their page (again). */
    void publish(PersonId viewer) {
        List<Message> page = new ArrayList<>();
        Message welcome = Message.text("*Guildhall* — learn from each other, teach what you know.")
                .withContext("Type /learn help or /teach help for everything you can do.");
        Person person = Person.of(viewer, "");
        for (Map.Entry<String, String> form : FORM_BUTTONS.entrySet()) {
            // Only the forms this person can fill (a working group needs a guild they're in).
            if (bot.form(form.getKey(), person, Map.of()).isPresent()) {
                welcome = welcome.withButton(Message.Button.opensForm(form.getKey(), form.getValue()));
            }
        }
        page.add(welcome);
        page.addAll(bot.home(viewer));
        List<LayoutBlock> blocks = BlockKit.blocks(page);
        deliver(() -> port.publishHome(viewer, blocks.size() <= BlockKit.HOME_BLOCKS ? blocks
                : blocks.subList(0, BlockKit.HOME_BLOCKS)));
    }
}
