package dev.guildhall.workinggroup;

import dev.guildhall.command.Args;
import dev.guildhall.command.CommandRequest;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.store.UnitOfWork;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * What a group hands back to its guild: results ({@code share}) and its closing summary ({@code close}), each posted
 * in the guild's channel at once and gathered into the guild's weekly digest, a DM on Monday morning (in the guild's
 * time zone) to every guild member whose guild notifications are on.
 */
final class Results {
    static final String DIGEST = "wg.digest";
    static final String SHARE = "/wg share <slug> \"<result>\" — members: post a result to the guild's channel,"
            + " attributed to the group; it goes into the guild's weekly digest too";
    static final String CLOSE = "/wg close <slug> \"<summary>\" — owner: close the group, archive the channel I made"
            + " for it, post the summary to the guild and tell the members";
    private static final LocalTime DIGEST_TIME = LocalTime.of(9, 0);
    private static final int MAX_TEXT = 2_000;

    private Results() {
    }

    static List<Subcommand> subcommands() {
        return List.of(new Subcommand("share", SHARE, Results::share), new Subcommand("close", CLOSE, Results::close));
    }

    private static String text(Args args, String usage, String what, String example) {
        if (args.size() < 2) {
            throw new UsageException("Which group, and what " + what + "? " + usage + ", like " + example + ".");
        }
        String text = args.size() == 2 ? args.get(1).strip() : args.restFrom(1);
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new UsageException("The " + what + " needs 1 to " + MAX_TEXT + " characters, like " + example + ".");
        }
        return text;
    }

    private static Reply share(WgFlow flow, CommandRequest request, Args args) {
        String result = text(args, SHARE, "result", "/wg share vpc \"Peering across regions: notes in the wiki\"");
        WorkingGroup group = flow.activeGroup(args.get(0));
        PersonId caller = request.caller().id();
        flow.requireMember(group, caller, "share its results");
        GuildRef guild = flow.store.guild(group.guildId());
        String name = flow.people.nameOf(caller);
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("📦 From working group "
                        + group.title() + ": " + result)
                .withContext("Shared by " + name + " · " + group.charter() + " · /wg info " + group.slug())));
        group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("📦 " + name + " shared with "
                + guild.title() + ": " + result)));
        Instant digest = remember(flow, group, caller, "RESULT", result);
        return Reply.of(Message.text("📦 Shared with " + guild.title() + (guild.channel().isPresent()
                        ? ": posted in " + WgFlow.channel(guild.channel().get()) + "."
                        : ". The guild has no channel linked, so it travels in the weekly digest only."))
                .withContext("It's in the guild's weekly digest too (" + digest.atZone(zone(guild)).toLocalDate()
                        + "), for members who take the guild's DMs."));
    }

    private static Reply close(WgFlow flow, CommandRequest request, Args args) {
        String summary = text(args, CLOSE, "summary", "/wg close vpc \"We all set up peering; runbook in the wiki\"");
        WorkingGroup group = flow.activeGroup(args.get(0));
        PersonId caller = request.caller().id();
        flow.requireOwner(group, caller, "close it");
        GuildRef guild = flow.store.guild(group.guildId());
        flow.store.close(group.id(), summary, flow.now());
        flow.tasks.cancel(EndDates.NUDGE, group.id());
        Checkins.stop(flow, group);
        Message closed = Message.text("🏁 Working group " + group.title() + " of " + guild.title() + " has closed. "
                + "Summary: " + summary);
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, closed.withContext("Charter: "
                + group.charter())));
        for (WgStore.Person member : flow.store.people(group.id(), WgStore.MEMBER)) {
            if (!member.id().equals(caller)) {
                flow.outbox.sendDirect(member.id(), closed.withContext("Thanks for taking part!"));
            }
        }
        for (WgStore.Person waiting : flow.store.people(group.id(), WgStore.WAITING)) {
            flow.outbox.sendDirect(waiting.id(), closed.withContext("You were on its waitlist: /wg list shows the"
                    + " groups still open."));
        }
        if (group.channel().isPresent() && group.channelCreated()) {
            flow.outbox.post(group.channel().get(), Message.text("🏁 This group has closed; I'm archiving its channel"
                    + " (the history stays readable). Summary: " + summary));
            flow.outbox.archiveChannel(group.channel().get(), ChannelSteps.ARCHIVE_SETTLED, group.id());
        }
        remember(flow, group, caller, "SUMMARY", summary);
        String archived = group.channelCreated() ? " I'm archiving " + group.channel().map(WgFlow::channel).orElse("its"
                + " channel") + "." : "";
        return Reply.of("🏁 Closed " + group.title() + ": the summary goes to " + guild.title() + " and the members"
                + " hear it." + archived);
    }

    /** Keeps a result for the guild's digest, planning the digest if it is the first waiting; returns when it is. */
    private static Instant remember(WgFlow flow, WorkingGroup group, PersonId author, String kind, String text) {
        GuildRef guild = flow.store.guild(group.guildId());
        Instant next = nextDigest(flow.now(), zone(guild));
        if (flow.store.insertResult(group, author, kind, text, flow.now())) {
            flow.tasks.schedule(DIGEST, guild.id(), next);
        }
        return next;
    }

    static Instant nextDigest(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime monday = local.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
                .atTime(DIGEST_TIME).atZone(zone);
        return (monday.isAfter(local) ? monday : monday.plusWeeks(1)).toInstant();
    }

    private static ZoneId zone(GuildRef guild) {
        return guild.zone().orElse(ZoneOffset.UTC);
    }

    static void digest(long guildId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        List<WgStore.Result> results = flow.store.undigested(guildId);
        if (results.isEmpty()) {
            return;
        }
        GuildRef guild = flow.store.guild(guildId);
        StringBuilder text = new StringBuilder("🗞 This week from the working groups of " + guild.title() + ":");
        for (WgStore.Result result : results) {
            text.append("\n• *").append(result.groupSlug()).append("* ")
                    .append(result.kind().equals("SUMMARY") ? "closed: " : "— ").append(result.text())
                    .append(" (").append(result.author()).append(')');
        }
        Message digest = Message.text(text.toString()).withContext("You get this as a member of " + guild.slug()
                + ". /guild notify " + guild.slug() + " off stops these DMs; /wg list --guild " + guild.slug()
                + " shows its groups.");
        flow.store.notifiedInGuild(guildId).forEach(member -> flow.outbox.sendDirect(member, digest));
        flow.store.markDigested(guildId, flow.now());
    }
}
