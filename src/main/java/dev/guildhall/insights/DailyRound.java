package dev.guildhall.insights;

import dev.guildhall.core.ChannelId;
import dev.guildhall.guild.Guild;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Once a day, whether or not anyone looks at insights: every learner whose ticket has waited over a week without a
 * teacher is told (once per ticket) that they are not forgotten, and every guild lead not yet signed up gets the
 * weekly digest. A chain of due tasks, each link scheduling the next; the bot starts it when it starts (and restarts
 * it then, should it ever have broken), never twice: one link waits at a time, which a unique index guarantees.
 */
final class DailyRound {
    static final String TASK = "insights.daily";
    static final Duration EVERY = Duration.ofDays(1);

    private DailyRound() {
    }

    static void run(long subject, UnitOfWork work) {
        InsightsStore store = new InsightsStore(work.handle());
        InsightsView.tellLeftOut(work, store, store.leftOutUntold(work.now(), Insights.LEFT_OUT_AFTER));
        guilds(work).forEach(guild -> WeeklyDigest.enrolLeads(work, guild));
        new DueTasks(work).schedule(TASK, 0, work.now().plus(EVERY));
    }

    /** Starts the chain unless a link already waits, and signs up the leads of every guild for the digest. */
    static void start(UnitOfWork work) {
        new DueTasks(work).scheduleUnlessWaiting(TASK, 0, work.now().plus(EVERY));
        guilds(work).forEach(guild -> WeeklyDigest.enrolLeads(work, guild));
    }

    static List<Guild> guilds(UnitOfWork work) {
        return work.handle().createQuery("SELECT id, slug, name, channel_id, time_zone FROM guild ORDER BY id")
                .map((rs, ctx) -> new Guild(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        Optional.ofNullable(rs.getString("channel_id")).map(ChannelId::new),
                        People.zone(rs.getString("time_zone"))))
                .list();
    }

    static Optional<Guild> guild(UnitOfWork work, long id) {
        return guilds(work).stream().filter(g -> g.id() == id).findFirst();
    }
}
