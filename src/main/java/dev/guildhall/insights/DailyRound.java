package dev.guildhall.insights;

import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;

/**
 * Once a day, whether or not anyone looks at insights: every learner whose ticket has waited over a week without a
 * teacher is told (once per ticket) that they are not forgotten, and every guild lead not yet signed up gets the
 * weekly digest. A chain of due tasks, each link scheduling the next; the first insights anyone asks for (a lead's or
 * an admin's) starts it, and every later ask restarts it should it ever have broken.
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

    /** Starts the chain, or restarts it if it broke (a link that failed for good): called whenever insights are asked. */
    static void ensureRunning(UnitOfWork work) {
        int pending = work.handle().createQuery(
                        "SELECT COUNT(*) FROM scheduled_task WHERE kind = :kind AND done_at IS NULL")
                .bind("kind", TASK).mapTo(Integer.class).one();
        if (pending == 0) {
            new DueTasks(work).schedule(TASK, 0, work.now().plus(EVERY));
        }
    }
}
