package dev.guildhall.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import java.util.Properties;

/**
 * Quartz wakes the due-task runner every second. What is due lives in the database (scheduled_task), not in
 * Quartz, so a restart loses nothing and the bot's adjustable clock decides what "due" means.
 */
public final class Ticker implements AutoCloseable {
    private final Scheduler scheduler;

    public Ticker(Runnable tick) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "guildhall");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            Job job = new TickJob(tick);
            scheduler.setJobFactory((bundle, ignored) -> job);
            JobDetail detail = JobBuilder.newJob(TickJob.class).withIdentity("due-tasks").build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("every-second").startNow()
                    .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not be set up: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
    }

    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @DisallowConcurrentExecution
    static final class TickJob implements Job {
        private final Runnable tick;

        TickJob(Runnable tick) {
            this.tick = tick;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            tick.run();
        }
    }
}
