package dev.guildhall.workinggroup;

import dev.guildhall.core.Message;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.store.UnitOfWork;

import java.util.List;

/**
 * What happens once the platform has answered a channel operation the outbox carried out for a group: a created
 * channel makes the group ACTIVE (a split then moves the waitlist in); a refused one takes the group back, so
 * nothing is left half-made, and the owner hears why in the platform's own words (which scope an admin must add).
 */
final class ChannelSteps {
    static final String CHANNEL_SETTLED = "wg.channel";
    static final String ARCHIVE_SETTLED = "wg.archive";

    private ChannelSteps() {
    }

    static void channelSettled(long groupId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        WorkingGroup group = flow.store.byId(groupId).orElse(null);
        if (group == null || group.status() != WorkingGroup.Status.PENDING || group.channelRequestId().isEmpty()) {
            return;
        }
        Outbox.ChannelOutcome outcome = flow.outbox.channelOutcome(group.channelRequestId().get());
        GuildRef guild = flow.store.guild(group.guildId());
        if (outcome.done() && outcome.channel().isPresent()) {
            flow.store.activate(group.id(), outcome.channel().get());
            WorkingGroup ready = flow.store.byId(groupId).orElseThrow();
            String where = WgFlow.channel(outcome.channel().get());
            group.splitFrom().flatMap(flow.store::byId).ifPresent(parent -> {
                moveWaitlist(flow, parent, ready);
                Checkins.inherit(flow, parent, ready);
            });
            flow.outbox.sendDirect(group.owner(), Message.text("✅ Working group " + group.title() + " is ready: it"
                            + " talks in " + where + ", and you're in it.")
                    .withContext("People join with /wg join " + group.slug() + ". A weekly check-in: /wg checkin "
                            + group.slug() + " help."));
            announce(flow, ready, guild);
        } else if (outcome.failed()) {
            flow.store.delete(group.id());
            flow.tasks.cancel(EndDates.NUDGE, group.id());
            String why = outcome.error().orElse("the platform gave no reason");
            String text = group.splitFrom().isPresent()
                    ? "⚠️ I couldn't create a channel for " + group.title() + ", so the split didn't happen: the"
                    + " waitlist is as it was.\nWhy: " + why
                    : "⚠️ I couldn't create a channel for working group " + group.title() + ", so I didn't keep the"
                    + " group — nothing is half-made.\nWhy: " + why;
            flow.outbox.sendDirect(group.owner(), Message.text(text).withContext("Once that's fixed, try again. Or"
                    + " link a channel that exists: /wg create " + group.slug() + " --guild " + guild.slug()
                    + " \"" + group.charter() + "\" --channel #name (or --channel here, typed in that channel)."));
        }
    }

    /** Tells the new group's channel what it is for, and the guild's channel that it exists. */
    static void announce(WgFlow flow, WorkingGroup group, GuildRef guild) {
        group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("🧩 This is working group "
                        + group.title() + " of " + guild.title() + ": " + group.charter())
                .withContext("Owner: " + flow.people.nameOf(group.owner()) + " · /wg share " + group.slug()
                        + " \"<result>\" posts a result to the guild.")));
        guild.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("🧩 New working group "
                + group.title() + ": " + group.charter() + "\nJoin with /wg join " + group.slug() + " ("
                + group.size() + " places).")));
    }

    /** A split's new group is ready: the first on the old group's waitlist move in, as many as there are places. */
    private static void moveWaitlist(WgFlow flow, WorkingGroup parent, WorkingGroup split) {
        List<WgStore.Person> waiting = flow.store.people(parent.id(), WgStore.WAITING);
        int places = split.size() - flow.store.joined(split);
        for (WgStore.Person person : waiting.subList(0, Math.min(places, waiting.size()))) {
            flow.store.remove(parent.id(), person.id());
            flow.store.add(split.id(), person.id(), WgStore.MEMBER, flow.now());
            flow.outbox.sendDirect(person.id(), Message.text("🎉 " + parent.title() + " was full, so "
                    + flow.people.nameOf(parent.owner()) + " started " + split.title() + " with the same charter —"
                    + " you're in! " + split.charter() + split.channel().map(c -> "\nIt talks in " + WgFlow.channel(c)
                    + ".").orElse("")));
        }
    }

    static void archiveSettled(long groupId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        flow.store.byId(groupId).ifPresent(group -> {
            long request = work.handle().createQuery("""
                            SELECT id FROM outbox WHERE kind = 'ARCHIVE' AND follow_up_task = :task
                            AND follow_up_subject = :group ORDER BY id DESC LIMIT 1""")
                    .bind("task", ARCHIVE_SETTLED).bind("group", groupId).mapTo(Long.class).one();
            Outbox.ChannelOutcome outcome = flow.outbox.channelOutcome(request);
            if (outcome.failed()) {
                flow.outbox.sendDirect(group.owner(), Message.text("⚠️ " + group.title() + " is closed, but I couldn't"
                        + " archive its channel " + group.channel().map(WgFlow::channel).orElse("") + ".\nWhy: "
                        + outcome.error().orElse("the platform gave no reason")
                        + "\nYou can archive it yourself from the channel's settings."));
            }
        });
    }
}
