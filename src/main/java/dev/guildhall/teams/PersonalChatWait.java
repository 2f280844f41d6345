package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Message;
import dev.guildhall.livesession.api.RunningSessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code wait …} typed in a personal chat with the bot. A channel is where everyone sees who wrote, so a Teams user
 * asks from here: the command goes to the live session running in a channel they belong to (the connector's roster
 * says who does), or, when there are several, they pick one. Anonymous like {@code /wait} itself: nothing about the
 * asker is stored or logged, and only their own personal chat hears back.
 */
final class PersonalChatWait {
    /** The action value of the buttons that pick a session; the card's data also carries the channel and the text. */
    static final String CHOICE = "teams.wait-in";
    private static final String CHANNEL_KEY = "channel";
    private static final String WAIT_KEY = "wait";

    private final Guildhall guildhall;
    private final TeamsRoster roster;

    PersonalChatWait(Guildhall guildhall, TeamsRoster roster) {
        this.guildhall = guildhall;
        this.roster = roster;
    }

    /** {@code wait}, {@code wait ok}, {@code wait <question>} in a personal chat; {@code wait help} is the core's. */
    static boolean isWait(Activity activity, TeamsInbound.TypedCommand typed) {
        return TeamsInbound.isPersonal(activity) && typed.name().equalsIgnoreCase("wait")
                && !typed.text().strip().toLowerCase(Locale.ROOT).equals("help");
    }

    static boolean isChoice(Activity activity) {
        return TeamsInbound.isPersonal(activity)
                && CHOICE.equals(TeamsInbound.data(activity).path(AdaptiveCards.ACTION_KEY).asText());
    }

    /** The typed command: run in the one session the person is in, or the question which one. */
    List<Attachment> typed(TurnContext context, Activity activity, String text) {
        Sessions found = sessionsOf(context, activity);
        List<RunningSessions.Running> theirs = found.theirs();
        if (theirs.isEmpty()) {
            return AdaptiveCards.attachments(found.someUnknown() ? rosterUnavailable() : noSession());
        }
        if (theirs.size() == 1) {
            return runIn(activity, theirs.get(0).channel(), text);
        }
        return List.of(choice(theirs, text));
    }

    /** A session picked on the choice card: checked again, since card data comes back from the client. */
    List<Attachment> chosen(TurnContext context, Activity activity) {
        JsonNode data = TeamsInbound.data(activity);
        String conversation = data.path(CHANNEL_KEY).asText("");
        return sessionsOf(context, activity).theirs().stream()
                .filter(session -> TeamsChatPort.conversationOf(session.channel()).equals(conversation))
                .findFirst()
                .map(session -> runIn(activity, session.channel(), Mentions.inert(data.path(WAIT_KEY).asText(""))))
                .orElseGet(() -> AdaptiveCards.attachments(Message.text("That live session has ended, or you are no"
                        + " longer in its team, so nothing was sent.")));
    }

    private List<Attachment> runIn(Activity activity, ChannelId channel, String text) {
        Command command = new Command(TeamsInbound.person(activity), Optional.of(channel), "wait", text);
        List<Attachment> cards = new ArrayList<>();
        guildhall.handle(Inbound.of(command)).reply().messages()
                .forEach(message -> cards.addAll(AdaptiveCards.attachments(message)));
        return cards;
    }

    /** The running sessions whose roster has the person; {@code someUnknown}: a roster that could not be read. */
    private record Sessions(List<RunningSessions.Running> theirs, boolean someUnknown) {
    }

    /** Running sessions in this tenant whose channel's roster has the person (each roster asked briefly). */
    private Sessions sessionsOf(TurnContext context, Activity activity) {
        String tenantChannels = ChannelId.of(TeamsInbound.PLATFORM, TeamsInbound.tenant(activity), "").value();
        ConnectorClient connector = context.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        List<RunningSessions.Running> theirs = new ArrayList<>();
        boolean someUnknown = false;
        // One budget for all the rosters, so many running sessions can't stretch the turn past Teams' patience
        long deadline = System.nanoTime() + TeamsRoster.TIMEOUT.toNanos();
        for (RunningSessions.Running session : RunningSessions.in(guildhall.database(), tenantChannels)) {
            TeamsRoster.Answer answer = roster.askOnce(connector, TeamsChatPort.conversationOf(session.channel()),
                    activity.getFrom().getId(), Duration.ofNanos(deadline - System.nanoTime()));
            if (answer instanceof TeamsRoster.Member) {
                theirs.add(session);
            }
            someUnknown |= answer instanceof TeamsRoster.Unknown;
        }
        return new Sessions(theirs, someUnknown);
    }

    private static Message rosterUnavailable() {
        return Message.text("Teams didn't tell me in time which teams you're in, so I couldn't find your live session."
                        + " Nothing was sent.")
                .withContext("Try wait again in a moment, or use the *Ask anonymously* box on the session's card in"
                        + " its channel — both without your name.");
    }

    private static Message noSession() {
        return Message.text("There's no live session running right now in a team you're in, so there's nobody to"
                        + " tell. Nothing was sent.")
                .withContext("When a presenter starts one, type wait here again (wait <question> to ask), or use"
                        + " the *Ask anonymously* box on the session's card in its channel — both without your name.");
    }

    private static Attachment choice(List<RunningSessions.Running> sessions, String text) {
        Message message = Message.text("You're in more than one live session right now: which one is this for?")
                .withContext("Nothing is sent until you pick one, and nobody sees who picked.");
        if (!text.isBlank()) {
            message = message.withField("You typed", "wait " + text);
        }
        for (RunningSessions.Running session : sessions) {
            message = message.withButton(Message.Button.of(CHOICE, "🎤 " + session.title()));
        }
        ObjectNode card = AdaptiveCards.card(message);
        int index = 0;
        for (JsonNode action : card.path("actions")) {
            ((ObjectNode) action.path("data")).put(CHANNEL_KEY,
                    TeamsChatPort.conversationOf(sessions.get(index++).channel())).put(WAIT_KEY, text);
        }
        return AdaptiveCards.attachment(card);
    }
}
