package dev.guildhall.teams;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.bot.Handled;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.Command;
import dev.guildhall.core.Form;
import dev.guildhall.core.FormSubmission;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.Reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One Bot Framework turn: remember where the person and conversation can be reached, turn the activity into a
 * command or button press for the core, and send the core's reply back into the conversation as Adaptive Cards.
 */
final class TeamsBot implements Bot {
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
    private final Guildhall guildhall;
    private final TeamsStore store;
    private final Clock clock;
    private final PersonalChatWait personalWait;

    TeamsBot(Guildhall guildhall, TeamsStore store, Clock clock, TeamsRoster roster) {
        this.guildhall = guildhall;
        this.personalWait = new PersonalChatWait(guildhall, roster);
        this.store = store;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext context) {
        Activity activity = context.getActivity();
        if (activity.getFrom() == null || activity.getConversation() == null) {
            return CompletableFuture.completedFuture(null);
        }
        switch (activity.getType()) {
            case ActivityTypes.MESSAGE -> onMessage(context, activity);
            case ActivityTypes.INVOKE -> onInvoke(context, activity);
            case ActivityTypes.CONVERSATION_UPDATE -> {
                rememberWhere(activity);
                if (botWasAdded(activity)) {
                    send(context, List.of(welcome()));
                }
            }
            case ActivityTypes.INSTALLATION_UPDATE -> {
                rememberWhere(activity);
                if (!"remove".equalsIgnoreCase(activity.getAction())) {
                    send(context, List.of(welcome()));
                }
            }
            default -> { }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void onMessage(TurnContext context, Activity activity) {
        if (PersonalChatWait.isChoice(activity)) {
            sendCards(context, personalWait.chosen(context, activity));
            return;
        }
        var action = TeamsInbound.actionId(activity);
        if (action.isPresent()) {
            deliverReply(context, activity, handle(activity, Inbound.of(new ActionPress(TeamsInbound.person(activity),
                    TeamsInbound.channel(activity), action.get(), TeamsInbound.input(activity)))
                    .withContact(() -> rememberPerson(activity))));
            return;
        }
        var typed = TeamsInbound.command(activity, store::personWithTeamsId);
        if (typed.isEmpty() || TeamsInbound.isGreeting(typed.get())) {
            rememberWhere(activity);
            send(context, List.of(welcome()));
            return;
        }
        if (PersonalChatWait.isWait(activity, typed.get())) {
            sendCards(context, personalWait.typed(context, activity, typed.get().text()));
            return;
        }
        Command command = new Command(TeamsInbound.person(activity), TeamsInbound.channel(activity),
                typed.get().name(), typed.get().text());
        // A bot opens a dialog only from a card's button, never in answer to typed text: a command with too few
        // words for one that has a form answers with a card whose button opens it.
        Optional<Form> form = guildhall.formFor(command);
        if (form.isPresent()) {
            rememberWhere(activity);
            send(context, List.of(Message.text(form.get().title() + ": fill it in, or type the command with what it"
                    + " needs (add help to see what that is).").withButton(Message.Button.opensForm(form.get().id(),
                    form.get().title()))));
            return;
        }
        deliverReply(context, activity, handle(activity,
                Inbound.of(command).withContact(() -> rememberPerson(activity))));
    }

    /** Action.Execute (Universal Actions) and dialogs arrive as invokes and want their answer in the HTTP response. */
    private void onInvoke(TurnContext context, Activity activity) {
        switch (activity.getName() == null ? "" : activity.getName()) {
            case "task/fetch" -> answer(context, openDialog(activity));
            case "task/submit" -> answer(context, submitDialog(context, activity));
            case "application/search" -> answer(context, suggestions(activity));
            default -> onCardAction(context, activity);
        }
    }

    /** The form a button opens, in a dialog; a form with nothing to offer this person says what to type instead. */
    private Object openDialog(Activity activity) {
        // A dialog's fetch carries the button's data under value.data, not under value.action.data.
        String actionId = TeamsForms.data(activity).path(AdaptiveCards.ACTION_KEY).asText("");
        Optional<String> formId = Message.Button.of(actionId, "").formToOpen();
        Optional<Form> form = formId.flatMap(id -> guildhall.form(id, TeamsInbound.person(activity), Map.of()));
        if (form.isEmpty()) {
            Reply reply = handle(activity, Inbound.of(new ActionPress(TeamsInbound.person(activity),
                    TeamsInbound.channel(activity), actionId))).reply();
            return Map.of("task", Map.of("type", "message", "value", reply.isEmpty() ? "That form is not available."
                    : AdaptiveCards.markdown(reply.messages().get(0).text())));
        }
        return TeamsForms.dialog(form.get().title(), TeamsForms.card(form.get(), Map.of(), Map.of()));
    }

    /**
     * A dialog's submit, through the same path as the command: problems shown on the card again, a preview shown
     * before sending, and on success the dialog closes and the reply goes into the conversation.
     */
    private Object submitDialog(TurnContext context, Activity activity) {
        var data = TeamsForms.data(activity);
        Person filler = TeamsInbound.person(activity);
        String formId = data.path(TeamsForms.FORM_KEY).asText("");
        Optional<Form> form = guildhall.form(formId, filler, Map.of());
        if (form.isEmpty()) {
            return Map.of("task", Map.of("type", "message", "value", "That form is not available any more."));
        }
        Map<String, String> values = TeamsForms.values(data, form.get());
        Handled handled = handle(activity, Inbound.of(new FormSubmission(filler, TeamsInbound.channel(activity),
                formId, values, data.path(TeamsForms.CONFIRMED_KEY).asBoolean(false)))
                .withContact(() -> rememberPerson(activity)));
        if (!handled.problems().isEmpty()) {
            return TeamsForms.dialog(form.get().title(), TeamsForms.card(form.get(), values, handled.problems()));
        }
        if (handled.preview() && !handled.reply().isEmpty()) {
            return TeamsForms.dialog("Preview", TeamsForms.preview(formId, values, handled.reply().messages().get(0)));
        }
        deliverReply(context, activity, handled);
        return null;
    }

    /** A type-ahead's choices as the person types (Data.Query), from the same suggestions as Slack's selects. */
    private Object suggestions(Activity activity) {
        var value = com.microsoft.bot.schema.Serialization.objectToTree(activity.getValue());
        List<Map<String, String>> results = TeamsForms.dataset(value).map(dataset -> guildhall.suggest(dataset[0],
                        dataset[1], value.path("queryText").asText("")).stream()
                .map(choice -> Map.of("title", choice.label(), "value", choice.value())).toList()).orElse(List.of());
        return Map.of("type", "application/vnd.microsoft.search.searchResponse", "value", Map.of("results", results));
    }

    private static void answer(TurnContext context, Object body) {
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(HttpURLConnection.HTTP_OK, body));
        context.sendActivity(response).join();
    }

    private void onCardAction(TurnContext context, Activity activity) {
        var action = TeamsInbound.actionId(activity);
        if (!"adaptiveCard/action".equals(activity.getName()) || action.isEmpty()) {
            return;
        }
        Reply reply = handle(activity, Inbound.of(new ActionPress(TeamsInbound.person(activity),
                TeamsInbound.channel(activity), action.get(), TeamsInbound.input(activity)))
                .withContact(() -> rememberPerson(activity))).reply();
        Message answer = reply.isEmpty() ? Message.text("Done.") : reply.messages().get(0);
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(HttpURLConnection.HTTP_OK, Map.of(
                "statusCode", 200, "type", AdaptiveCards.CONTENT_TYPE, "value", AdaptiveCards.card(answer))));
        context.sendActivity(response).join();
    }

    /**
     * A channel's conversation names nobody, so it is kept for every request; the person's own way in is the
     * request's contact, which the bot runs only for a caller it may identify.
     */
    private Handled handle(Activity activity, Inbound inbound) {
        rememberChannel(activity);
        return guildhall.handle(inbound);
    }

    /**
     * The caller's reply goes back into the conversation. An anonymous command typed in a channel gets its
     * confirmation in the person's personal chat if one is known, never in the channel where everyone would see it.
     */
    private void deliverReply(TurnContext context, Activity activity, Handled handled) {
        if (handled.reply().isEmpty()) {
            return;
        }
        if (!handled.callerMayBeIdentified() && !TeamsInbound.isPersonal(activity)) {
            return;
        }
        send(context, handled.reply().messages());
    }

    /**
     * The effect is already committed when replies go out; a failed reply is logged rather than failing the turn,
     * because a failed turn makes Teams send the activity again and the command would run twice.
     */
    private static void send(TurnContext context, List<Message> messages) {
        sendCards(context, messages.stream().flatMap(message -> AdaptiveCards.attachments(message).stream()).toList());
    }

    private static void sendCards(TurnContext context, List<Attachment> cards) {
        try {
            for (Attachment card : cards) {
                context.sendActivity(MessageFactory.attachment(card)).join();
            }
        } catch (RuntimeException e) {
            log.warn("a reply could not be sent to Teams: {}", TeamsChatPort.translate(e).getMessage());
        }
    }

    private boolean botWasAdded(Activity activity) {
        List<ChannelAccount> added = activity.getMembersAdded();
        return added != null && activity.getRecipient() != null
                && added.stream().anyMatch(member -> activity.getRecipient().getId().equals(member.getId()));
    }

    /** Keeps the conversation and the person's way in, so later messages (DMs, reminders) can reach them. */
    private void rememberWhere(Activity activity) {
        rememberChannel(activity);
        rememberPerson(activity);
    }

    private void rememberChannel(Activity activity) {
        if (!TeamsInbound.isPersonal(activity)) {
            rememberConversation(activity);
        }
    }

    /** The person's way in, with their personal chat when that is where they wrote. */
    private void rememberPerson(Activity activity) {
        String personalChat = TeamsInbound.isPersonal(activity) ? rememberConversation(activity) : null;
        store.rememberPerson(TeamsInbound.personId(activity), activity.getFrom().getId(), activity.getServiceUrl(),
                personalChat, clock.instant());
    }

    private String rememberConversation(Activity activity) {
        ConversationReference reference = activity.getConversationReference();
        String conversation = TeamsInbound.conversationId(activity);
        reference.getConversation().setId(conversation);
        // A stored reference starts new messages; with an activity id they would become replies to an old one.
        reference.setActivityId(null);
        if (!TeamsInbound.isPersonal(activity)) {
            // Posting in a channel needs no sender, and keeping it would tie whoever spoke last to the channel.
            reference.setUser(null);
        }
        String kind = activity.getConversation().getConversationType() == null ? "personal"
                : activity.getConversation().getConversationType();
        store.rememberConversation(conversation, kind, reference, TeamsInbound.team(activity), clock.instant());
        return conversation;
    }

    private Message welcome() {
        String commands = guildhall.router().commands().stream()
                .map(spec -> spec.name() + " — " + spec.summary())
                .collect(Collectors.joining("\n"));
        return Message.text("👋 Hi, I'm *Guildhall*: I help people here learn from each other. Type a command in this"
                        + " chat (in a channel, @mention me first):")
                .withField("Commands", commands)
                .withContext("Try: teach kubernetes, or learn kubernetes. Add help to any command, like learn help.");
    }
}
