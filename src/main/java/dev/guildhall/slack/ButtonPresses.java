package dev.guildhall.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.bot.Handled;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Form;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.guildhall.slack.AfterAck.deliver;
import static dev.guildhall.slack.AfterAck.respond;

/**
 * Button presses ({@code block_actions}) into the core, whose action id each button carries. The press commits,
 * Slack gets its ack, then the presser's reply goes under the message they pressed (through the response_url), or
 * to their DM for a press in the Home tab, which is then shown again.
 */
final class ButtonPresses implements BlockActionHandler {
    private final Guildhall bot;
    private final SlackChatPort port;
    private final SlackPeople people;
    private final AppHome home;
    private final AfterAck afterAck;
    private final SlackFormRequests forms;

    ButtonPresses(Guildhall bot, SlackChatPort port, SlackPeople people, AppHome home, AfterAck afterAck,
                  SlackFormRequests forms) {
        this.bot = bot;
        this.port = port;
        this.people = people;
        this.home = home;
        this.afterAck = afterAck;
        this.forms = forms;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext context) {
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
            Person presser = people.caller(id, name);
            Optional<Form> form = Message.Button.of(action.getActionId(), "").formToOpen()
                    .flatMap(formId -> bot.form(formId, presser, Map.of()));
            SlackFormRequests.Opening opening = form.map(f -> forms.open(payload.getTriggerId(), f, channel, presser))
                    .orElse(SlackFormRequests.Opening.REFUSED);
            if (opening == SlackFormRequests.Opening.OPENED) {
                continue; // a button that opens a form (the Home tab's): the modal is the answer
            }
            if (opening == SlackFormRequests.Opening.SLOW) {
                replies.add(forms.notOpened(form.get()));
                continue;
            }
            Inbound.Pressed press = Inbound.of(new ActionPress(presser, channel, action.getActionId()));
            Handled handled = bot.handle(payload.getTriggerId() == null ? press
                    : press.withRequestId("slack:trigger:" + payload.getTriggerId() + ":" + action.getActionId()));
            Reply reply = handled.reply();
            replies.addAll(reply.messages());
            anyoneNamed |= handled.callerMayBeIdentified();
        }
        boolean named = anyoneNamed;
        String responseUrl = payload.getResponseUrl();
        afterAck.later(() -> {
            if (named) {
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
                    deliver(() -> port.sendDirect(id, reply, named));
                }
            }
            if (fromHome) {
                home.publish(id);
            }
        });
        return context.ack();
    }
}
