package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.Outbox;

import java.util.List;

/**
 * {@code /guild announce <slug> <text>}: posts in the guild's channel and DMs every member who wants DMs, as one
 * outbox batch, so the lead sees the fan-out's progress in place and a restart neither skips nor repeats anyone.
 */
final class AnnounceCommand {
    static final String USAGE = "/guild announce <slug> <text> — leads only: post in the guild's channel and DM every"
            + " member who wants DMs";

    private AnnounceCommand() {
    }

    static Subcommand subcommand() {
        return new Subcommand("announce", USAGE, AnnounceCommand::announce);
    }

    private static Reply announce(GuildFlow flow, CommandRequest request, Args args) {
        if (args.isEmpty()) {
            throw new UsageException("Which guild, and what to say? " + USAGE + ", like /guild announce k8s Meetup"
                    + " moved to room 4.");
        }
        Guild guild = flow.guild(args.get(0));
        PersonId author = request.caller().id();
        flow.requireLead(guild, author, "announce");
        String text = args.restFrom(1);
        if (text.isBlank()) {
            throw new UsageException("What should the announcement say? /guild announce " + guild.slug()
                    + " <text>, like /guild announce " + guild.slug() + " Slides from today are in the wiki.");
        }
        List<PersonId> recipients = flow.store.notified(guild.id()).stream().filter(p -> !p.equals(author)).toList();
        if (recipients.isEmpty() && guild.channel().isEmpty()) {
            throw new UsageException("Nobody would get that: " + guild.title() + " has no channel linked and no other"
                    + " member who wants DMs. Nothing was sent.");
        }
        String from = flow.people.nameOf(author);
        Message message = Message.text("📣 *" + guild.name() + "* — from " + from + ":\n" + text)
                .withContext("You get this as a member of " + guild.slug() + ". /guild notify " + guild.slug()
                        + " off stops these DMs.");
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("📣 *" + guild.name()
                + "* — from " + from + ":\n" + text)));
        Long batchId = null;
        if (!recipients.isEmpty()) {
            Outbox.Batch batch = flow.outbox.batch("Announcement to *" + guild.name() + "*", author, recipients.size());
            recipients.forEach(member -> batch.sendDirect(member, message));
            batch.seal();
            batchId = batch.id();
        }
        flow.store.insertAnnouncement(guild.id(), author, text, batchId, flow.now());
        String where = guild.channel().map(c -> "posting in " + GuildMessages.channel(c)
                + (recipients.isEmpty() ? "" : " and ")).orElse("");
        String dms = recipients.isEmpty() ? "" : "DMing " + recipients.size() + " member"
                + (recipients.size() == 1 ? "" : "s") + " (I'll keep a progress message up to date for you)";
        return Reply.of("📣 On its way: " + where + dms + ".");
    }
}
