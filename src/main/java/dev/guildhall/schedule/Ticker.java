package dev.guildhall.schedule;

import dev.guildhall.store.Database;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * Quartz wakes the due-task runner every second. What is due lives in the database (scheduled_task), not in
 * Quartz, so a restart loses nothing and the bot's adjustable clock decides what "due" means.
 *
 * <p>One replica (SQLite): Quartz keeps its trigger in memory. Several replicas (PostgreSQL): Quartz's clustered JDBC
 * JobStore keeps it in the shared database ({@code qrtz_*} tables), so each tick fires on one replica, ticks spread
 * over the replicas that are alive, and a tick cut short by a dying replica is recovered by another. Quartz only
 * wakes the runners; the runners claim each task with {@code FOR UPDATE SKIP LOCKED} (see {@link DueTaskRunner}),
 * which is what makes every task run exactly once even when two ticks overlap.
 */
public final class Ticker implements AutoCloseable {
    static final String SCHEDULER = "guildhall";
    private static final String JOB = "due-tasks";

    private final Scheduler scheduler;

    /** Quartz in memory: one replica. */
    public Ticker(Runnable tick) {
        Properties properties = common();
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        this.scheduler = schedule(properties, tick, false);
    }

    private Ticker(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Quartz clustered on the shared PostgreSQL database: several replicas. */
    public static Ticker clustered(Runnable tick, Database database) {
        String dataSource = "guildhall-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PooledConnections(database));
        Properties properties = common();
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        // How soon a dead replica is noticed (its in-flight tick recovered): a few check-ins missed.
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return new Ticker(schedule(properties, tick, true));
    }

    private static Properties common() {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        return properties;
    }

    private static Scheduler schedule(Properties properties, Runnable tick, boolean clustered) {
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            // Quartz keeps one scheduler per name in a JVM; replicas in one JVM (tests) each need their own.
            SchedulerRepository.getInstance().remove(SCHEDULER);
            Job job = clustered ? new ClusteredTickJob(tick) : new TickJob(tick);
            scheduler.setJobFactory((bundle, ignored) -> job);
            JobDetail detail = JobBuilder.newJob(clustered ? ClusteredTickJob.class : TickJob.class)
                    .withIdentity(JOB).storeDurably().requestRecovery(clustered).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("every-second").forJob(detail).startNow()
                    .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            if (!scheduler.checkExists(detail.getKey())) {
                try {
                    scheduler.scheduleJob(detail, trigger);
                } catch (ObjectAlreadyExistsException e) {
                    // another replica, starting at the same moment, stored the shared trigger first
                }
            }
            return scheduler;
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

    /** The scheduler's id in the cluster (the same name for every replica in memory). */
    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
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

    /** One replica: ticks never overlap. */
    @DisallowConcurrentExecution
    static final class TickJob extends ClusteredTickJob {
        TickJob(Runnable tick) {
            super(tick);
        }
    }

    /**
     * Several replicas: ticks may overlap on different replicas, so a long batch of due tasks is shared among them
     * (each replica runs one tick at a time: one Quartz thread).
     */
    static class ClusteredTickJob implements Job {
        private final Runnable tick;

        ClusteredTickJob(Runnable tick) {
            this.tick = tick;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            tick.run();
        }
    }

    /** Quartz borrows connections from the bot's own pool: no second pool per replica. */
    private static final class PooledConnections implements ConnectionProvider {
        private final Database database;

        PooledConnections(Database database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return database.dataSource().getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the bot, which closes it
        }

        @Override
        public void initialize() {
            // the pool is already open
        }
    }
}
