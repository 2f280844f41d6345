package dev.guildhall.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * What the bot does with what Slack sends. A slash command runs in the core and its effect commits before the ack,
 * which carries the caller's reply; everything slower (looking the caller up, more replies, the home tab) runs after
 * the ack. Each delivery is handled once, keyed by Slack's trigger or event id, however often Slack retries it.
 * Anonymous commands and buttons leave no trace here: no look-up, no cache entry, no log line naming the caller.
 */
final class SlackHandlers {
    private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);
    private static final Pattern ANY = Pattern.compile("^.+$");

    private final Guildhall bot;
    private final SlackChatPort port;
    private final SlackPeople people;
    private final Executor afterAck;

    SlackHandlers(Guildhall bot, SlackChatPort port, SlackPeople people, Executor afterAck) {
        this.bot = bot;
        this.port = port;
        this.people = people;
        this.afterAck = afterAck;
    }

    void register(App app) {
        // Every command goes to the core, whose router knows them all and answers an unknown one helpfully.
        app.command(ANY, this::command);
        app.blockAction(ANY, this::blockAction);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
    }

    private Response command(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        String organization = SlackIds.organization(payload.getEnterpriseId(), payload.getTeamId());
        PersonId id = SlackIds.person(organization, payload.getUserId());
        Optional<ChannelId> channel = SlackIds.channel(organization, payload.getChannelId(), payload.getChannelName());
        // Slack sends no text at all for a command typed alone; the core's Command reads that as "".
        Command typed = new Command(Person.of(id, payload.getUserName()), channel, payload.getCommand(),
                payload.getText());
        boolean anonymous = bot.router().isAnonymous(typed);
        Command command = anonymous ? typed : new Command(people.caller(id, payload.getUserName()), channel,
                payload.getCommand(), payload.getText());
        Reply reply = payload.getTriggerId() == null ? bot.handle(command)
                : bot.handleOnce("slack:trigger:" + payload.getTriggerId(), command);
        if (!anonymous) {
            later(() -> people.refresh(id));
        }
        List<List<LayoutBlock>> chunks = BlockKit.chunks(reply.messages(), BlockKit.MESSAGE_BLOCKS);
        if (chunks.isEmpty()) {
            return context.ack();
        }
        if (chunks.size() > 1) {
            // Too much for one Slack message (a long board): the rest follows through the response_url, in order.
            List<List<LayoutBlock>> rest = chunks.subList(1, chunks.size());
            later(() -> rest.forEach(more -> respond(() -> context.respond(SlashCommandResponse.builder()
                    .responseType("ephemeral").text("(continued)").blocks(more).build()))));
        }
        return context.ack(SlashCommandResponse.builder().responseType("ephemeral")
                .text(BlockKit.fallback(reply.messages().get(0))).blocks(chunks.get(0)).build());
    }

    private Response blockAction(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String organization = SlackIds.organization(
                payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
                payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId());
        PersonId id = SlackIds.person(organization, payload.getUser().getId());
        String name = payload.getUser().getName() != null ? payload.getUser().getName() : payload.getUser().getUsername();
        Optional<ChannelId> channel = payload.getChannel() == null ? Optional.empty()
                : SlackIds.channel(organization, payload.getChannel().getId(), payload.getChannel().getName());
        boolean fromHome = payload.getView() != null && "home".equals(payload.getView().getType());
        boolean anyoneNamed = false;
        List<Message> replies = new ArrayList<>();
        for (BlockActionPayload.Action action : payload.getActions()) {
            ActionPress pressed = new ActionPress(Person.of(id, name), channel, action.getActionId());
            boolean anonymous = bot.router().isAnonymous(pressed);
            ActionPress press = anonymous ? pressed
                    : new ActionPress(people.caller(id, name), channel, action.getActionId());
            Reply reply = payload.getTriggerId() == null ? bot.press(press)
                    : bot.pressOnce("slack:trigger:" + payload.getTriggerId() + ":" + action.getActionId(), press);
            replies.addAll(reply.messages());
            anyoneNamed |= !anonymous;
        }
        boolean refresh = anyoneNamed;
        String responseUrl = payload.getResponseUrl();
        later(() -> {
            if (refresh) {
                people.refresh(id);
            }
            if (!replies.isEmpty() && responseUrl != null) {
                for (List<LayoutBlock> blocks : BlockKit.chunks(replies, BlockKit.MESSAGE_BLOCKS)) {
                    respond(() -> context.respond(ActionResponse.builder().responseType("ephemeral")
                            .replaceOriginal(false).text(BlockKit.fallback(replies.get(0))).blocks(blocks).build()));
                }
            } else if (!replies.isEmpty()) {
                // A press in the home tab has no message to answer under: the reply goes to the presser's DM.
                for (Message reply : replies) {
                    deliver(() -> port.sendDirect(id, reply));
                }
            }
            if (fromHome) {
                publishHome(id);
            }
        });
        return context.ack();
    }

    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event == null || !"home".equals(event.getTab()) || event.getUser() == null) {
            return context.ack();
        }
        PersonId viewer = SlackIds.person(SlackIds.organization(payload.getEnterpriseId(), payload.getTeamId()),
                event.getUser());
        String eventId = payload.getEventId();
        later(() -> {
            if (eventId == null || bot.firstTime("slack:event:" + eventId)) {
                publishHome(viewer);
            }
        });
        return context.ack();
    }

    /** Runs after the ack; a failure there is logged (without naming anyone), never lost silently. */
    private void later(Runnable work) {
        afterAck.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("work after a Slack ack failed", e);
            }
        });
    }

    void publishHome(PersonId viewer) {
        List<Message> page = new ArrayList<>();
        page.add(Message.text("*Guildhall* — learn from each other, teach what you know.")
                .withContext("Type /learn help or /teach help for everything you can do."));
        page.addAll(bot.home(viewer));
        List<LayoutBlock> blocks = BlockKit.blocks(page);
        deliver(() -> port.publishHome(viewer, blocks.size() <= BlockKit.HOME_BLOCKS ? blocks
                : blocks.subList(0, BlockKit.HOME_BLOCKS)));
    }

    @FunctionalInterface
    private interface Delivery {
        void run() throws DeliveryException;
    }

    private static void deliver(Delivery delivery) {
        try {
            delivery.run();
        } catch (DeliveryException e) {
            log.warn("Slack delivery after the ack failed: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Responding {
        void run() throws IOException;
    }

    private static void respond(Responding responding) {
        try {
            responding.run();
        } catch (IOException e) {
            log.warn("answering through Slack's response_url failed: {}", e.getMessage());
        }
    }
}
