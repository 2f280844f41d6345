package dev.guildhall.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.guildhall.bot.Guildhall;
import dev.guildhall.bot.Handled;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.Command;
import dev.guildhall.core.Form;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.util.List;
import java.util.Optional;

import static dev.guildhall.slack.AfterAck.respond;

/**
 * Every slash command, into the core. Its effect commits before the ack, which carries the caller's reply; the
 * caller's look-up (unless the command is anonymous) and any reply too long for one message follow the ack. A command
 * typed with too few words for one that has a form opens the form as a modal instead.
 */
final class SlashCommands implements SlashCommandHandler {
    private final Guildhall bot;
    private final SlackPeople people;
    private final AfterAck afterAck;
    private final SlackFormRequests forms;

    SlashCommands(Guildhall bot, SlackPeople people, AfterAck afterAck, SlackFormRequests forms) {
        this.bot = bot;
        this.people = people;
        this.afterAck = afterAck;
        this.forms = forms;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        String organization = SlackIds.organization(payload.getEnterpriseId(), payload.getTeamId());
        PersonId id = SlackIds.person(organization, payload.getUserId());
        Optional<ChannelId> channel = SlackIds.channel(organization, payload.getChannelId(), payload.getChannelName());
        // Slack sends no text at all for a command typed alone; the core's Command reads that as "".
        Command typed = new Command(people.caller(id, payload.getUserName()), channel, payload.getCommand(),
                SlackMentions.tokens(organization, payload.getText()));
        // Too few words for a command that has a form: the form opens, right here on the ack path, because the
        // trigger is single-use and dies after 3 s. If Slack won't open it, the command runs and says its usage.
        Optional<Form> form = bot.formFor(typed);
        SlackFormRequests.Opening opening = form.map(f -> forms.open(payload.getTriggerId(), f, channel,
                typed.caller())).orElse(SlackFormRequests.Opening.REFUSED);
        if (opening != SlackFormRequests.Opening.REFUSED) {
            afterAck.later(() -> people.refresh(id));
            return opening == SlackFormRequests.Opening.OPENED ? context.ack() : context.ack(ephemeral(
                    List.of(forms.notOpened(form.get()))));
        }
        Inbound.Typed command = Inbound.of(typed);
        Handled handled = bot.handle(payload.getTriggerId() == null ? command
                : command.withRequestId("slack:trigger:" + payload.getTriggerId()));
        Reply reply = handled.reply();
        if (handled.callerMayBeIdentified()) {
            afterAck.later(() -> people.refresh(id));
        }
        List<List<LayoutBlock>> chunks = BlockKit.chunks(reply.messages(), BlockKit.MESSAGE_BLOCKS);
        if (chunks.isEmpty()) {
            return context.ack();
        }
        if (chunks.size() > 1) {
            // Too much for one Slack message (a long board): the rest follows through the response_url, in order.
            List<List<LayoutBlock>> rest = chunks.subList(1, chunks.size());
            afterAck.later(() -> rest.forEach(more -> respond(() -> context.respond(SlashCommandResponse.builder()
                    .responseType("ephemeral").text("(continued)").blocks(more).build()))));
        }
        return context.ack(SlashCommandResponse.builder().responseType("ephemeral")
                .text(BlockKit.fallback(reply.messages().get(0))).blocks(chunks.get(0)).build());
    }

    private static SlashCommandResponse ephemeral(List<Message> messages) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallback(messages.get(0)))
                .blocks(BlockKit.chunks(messages, BlockKit.MESSAGE_BLOCKS).get(0)).build();
    }
}
