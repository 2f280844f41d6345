package dev.guildhall.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.interactive_components.payload.GlobalShortcutPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.BlockSuggestionResponse;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.View;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.bot.Handled;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Form;
import dev.guildhall.core.FormSubmission;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.guildhall.slack.AfterAck.deliver;

/**
 * Forms on Slack: opening a modal (for a command typed with too few words, a shortcut, a Home button), its
 * submission ({@code view_submission}) into the core like any command — problems answered on their fields with
 * {@code response_action: errors}, a preview pushed over the form — and the topic suggestions of its external selects
 * ({@code block_suggestion}).
 */
final class SlackFormRequests {
    static final String LEARN_SHORTCUT = "guildhall.learn";
    static final String TEACH_SHORTCUT = "guildhall.teach";
    private static final Logger log = LoggerFactory.getLogger(SlackFormRequests.class);
    /** A topic in a message: the first bold word or words, as the bot writes them ("wants to learn *kafka*"). */
    private static final Pattern BOLD = Pattern.compile("\\*([^*\\n]{1,50})\\*");

    private final Guildhall bot;
    private final SlackChatPort port;
    private final SlackPeople people;
    private final AfterAck afterAck;

    SlackFormRequests(Guildhall bot, SlackChatPort port, SlackPeople people, AfterAck afterAck) {
        this.bot = bot;
        this.port = port;
        this.people = people;
        this.afterAck = afterAck;
    }

    void register(App app) {
        app.viewSubmission(SlackForms.CALLBACK, (request, context) -> submitted(request.getPayload()));
        app.blockSuggestion(Pattern.compile("^.+$"), (request, context) -> context.ack(
                suggestions(request.getPayload())));
        app.globalShortcut(LEARN_SHORTCUT, (request, context) -> {
            GlobalShortcutPayload payload = request.getPayload();
            String organization = SlackIds.organization(payload.getEnterprise() == null ? null
                    : payload.getEnterprise().getId(), payload.getTeam().getId());
            Person person = people.caller(SlackIds.person(organization, payload.getUser().getId()),
                    payload.getUser().getUsername());
            bot.form("learn", person, Map.of()).ifPresent(form -> {
                Opening opening = open(payload.getTriggerId(), form, Optional.empty(), person);
                if (opening != Opening.OPENED) {
                    Message notice = notOpened(form, opening);
                    afterAck.later(() -> deliver(() -> port.sendDirect(person.id(), notice, true)));
                }
            });
            return context.ack();
        });
        app.messageShortcut(TEACH_SHORTCUT, (request, context) -> {
            MessageShortcutPayload payload = request.getPayload();
            String organization = SlackIds.organization(payload.getEnterprise() == null ? null
                    : payload.getEnterprise().getId(), payload.getTeam().getId());
            Person person = people.caller(SlackIds.person(organization, payload.getUser().getId()),
                    payload.getUser().getName());
            String text = payload.getMessage() == null || payload.getMessage().getText() == null ? ""
                    : payload.getMessage().getText();
            Optional<ChannelId> channel = payload.getChannel() == null ? Optional.empty()
                    : SlackIds.channel(organization, payload.getChannel().getId(), payload.getChannel().getName());
            bot.form("teach", person, topicIn(text).map(topic -> Map.of("topic", topic)).orElse(Map.of()))
                    .ifPresent(form -> {
                        Opening opening = open(payload.getTriggerId(), form, Optional.empty(), person);
                        if (opening != Opening.OPENED) {
                            Message notice = notOpened(form, opening);
                            afterAck.later(() -> deliver(() -> {
                                if (channel.isPresent()) {
                                    port.postEphemeral(channel.get(), person.id(), notice);
                                } else {
                                    port.sendDirect(person.id(), notice, true);
                                }
                            }));
                        }
                    });
            return context.ack();
        });
    }

    /** How opening a form went: shown, refused (an expired or used trigger), or Slack too slow or unreachable. */
    enum Opening {
        OPENED, REFUSED, SLOW
    }

    /**
     * Opens the form as a modal with the trigger Slack just gave, giving up before Slack's ack window closes (see
     * {@link SlackAdapter#ACK_PATH_TIMEOUT}). When Slack refuses, the caller falls back to the usage text; when it is
     * slow, the person gets {@link #notOpened}.
     */
    Opening open(String triggerId, Form form, Optional<ChannelId> channel, Person person) {
        if (triggerId == null || triggerId.isBlank()) {
            return Opening.REFUSED;
        }
        try {
            port.openView(triggerId, SlackForms.modal(form, SlackForms.channelIdOf(channel), person.timeZone()));
            return Opening.OPENED;
        } catch (DeliveryException e) {
            log.warn("could not open the form {} ({}); telling what to type instead", form.id(), e.getMessage());
            return e.retryable() ? Opening.SLOW : Opening.REFUSED;
        }
    }

    /** For the person whose form Slack was too slow to open: what to type instead. */
    Message notOpened(Form form) {
        return notOpened(form, Opening.SLOW);
    }

    /** For the person whose form did not open, saying why: what to type instead. */
    Message notOpened(Form form, Opening opening) {
        String why = opening == Opening.SLOW ? "Slack was slow to open the form, so it didn't open. "
                : "Slack didn't open the form. ";
        return Message.text(why + bot.typedInstead(form.id()).orElse("Type the command with what it needs instead."));
    }

    /**
     * The message's topic for "Teach this": its first bold words, else its text when short enough to be one; in plain
     * words, without Slack's markup.
     */
    static Optional<String> topicIn(String slackText) {
        String text = SlackMentions.plainWords(slackText);
        Matcher bold = BOLD.matcher(text);
        if (bold.find()) {
            return Optional.of(bold.group(1).strip());
        }
        String plain = text.strip();
        return plain.isEmpty() || plain.length() > 50 ? Optional.empty() : Optional.of(plain);
    }

    private Response submitted(ViewSubmissionPayload payload) {
        View view = payload.getView();
        SlackForms.Metadata metadata = SlackForms.Metadata.read(view.getPrivateMetadata());
        String organization = SlackIds.organization(payload.getEnterprise() == null ? null
                : payload.getEnterprise().getId(), payload.getTeam() != null ? payload.getTeam().getId()
                : payload.getUser().getTeamId());
        PersonId id = SlackIds.person(organization, payload.getUser().getId());
        Person known = people.caller(id, payload.getUser().getName());
        Person filler = new Person(id, known.displayName(), SlackForms.pickedZone(view).or(known::timeZone));
        Optional<ChannelId> channel = metadata.channelId().flatMap(c -> SlackIds.channel(organization, c, null));
        Map<String, String> values = metadata.confirmed() ? metadata.values() : SlackForms.values(view);
        Inbound.Submitted submission = Inbound.of(new FormSubmission(filler, channel, metadata.formId(), values,
                metadata.confirmed()));
        Handled handled = bot.handle(payload.getTriggerId() == null ? submission
                : submission.withRequestId("slack:trigger:" + payload.getTriggerId()));
        afterAck.later(() -> people.refresh(id));
        if (!handled.problems().isEmpty() && metadata.confirmed()) {
            // A preview has no fields to show errors on (Slack would answer its generic error): say it in their DM
            Message notSent = Message.text("Nothing was sent: " + String.join(" ", handled.problems().values()));
            afterAck.later(() -> deliver(() -> port.sendDirect(id, notSent, true)));
            return json(ViewSubmissionResponse.builder().responseAction("clear").build());
        }
        if (!handled.problems().isEmpty()) {
            return json(ViewSubmissionResponse.builder().responseAction("errors")
                    .errors(onFields(handled.problems(), values, view)).build());
        }
        if (handled.preview() && !handled.reply().isEmpty()) {
            return json(ViewSubmissionResponse.builder().responseAction("push").view(SlackForms.preview(
                    metadata.formId(), metadata.channelId(), values, handled.reply().messages().get(0))).build());
        }
        List<Message> reply = handled.reply().messages();
        afterAck.later(() -> reply.forEach(message -> deliver(() -> port.sendDirect(id, message, true))));
        return json(ViewSubmissionResponse.builder().responseAction("clear").build());
    }

    /** Problems by block; one about the form as a whole goes on its first field (Slack shows errors on blocks). */
    private static Map<String, String> onFields(Map<String, String> problems, Map<String, String> values, View view) {
        Map<String, String> errors = new LinkedHashMap<>();
        String first = view.getState() != null && view.getState().getValues() != null
                ? view.getState().getValues().keySet().stream().findFirst().orElse("")
                : values.keySet().stream().findFirst().orElse("");
        problems.forEach((field, problem) -> errors.merge(field.isEmpty() ? first : field, problem,
                (a, b) -> a + " " + b));
        return errors;
    }

    private BlockSuggestionResponse suggestions(BlockSuggestionPayload payload) {
        String formId = payload.getView() == null ? ""
                : SlackForms.Metadata.read(payload.getView().getPrivateMetadata()).formId();
        List<Option> options = bot.suggest(formId, payload.getActionId(), payload.getValue()).stream()
                .map(choice -> Option.builder().value(choice.value())
                        .text(PlainTextObject.builder().text(SlackForms.option(choice).getText().getText()).build())
                        .build())
                .toList();
        return BlockSuggestionResponse.builder().options(options).build();
    }

    private static Response json(ViewSubmissionResponse body) {
        return Response.json(200, body);
    }
}
