package dev.guildhall.insights;

import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;

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

    static void run(GuildDirectory guilds, UnitOfWork work) {
        InsightsStore store = new InsightsStore(work.handle());
        InsightsView.tellLeftOut(work, store, store.leftOutUntold(work.now(), Insights.LEFT_OUT_AFTER));
        guilds.all(work).forEach(guild -> WeeklyDigest.enrolLeads(work, guild));
        new DueTasks(work).schedule(TASK, 0, work.now().plus(EVERY));
    }

    /** Starts the chain unless a link already waits, and signs up the leads of every guild for the digest. */
    static void start(GuildDirectory guilds, UnitOfWork work) {
        new DueTasks(work).scheduleUnlessWaiting(TASK, 0, work.now().plus(EVERY));
        guilds.all(work).forEach(guild -> WeeklyDigest.enrolLeads(work, guild));
    }
}
