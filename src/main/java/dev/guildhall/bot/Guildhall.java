package dev.guildhall.bot;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandRouter;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Person;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.OutboxDispatcher;
import dev.guildhall.outbox.SendPace;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTaskRunner;
import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The bot without any platform: adapters hand it commands and button presses and get the caller's reply back.
 * Each call runs in one transaction that commits the effect and its outbox messages together, before the reply
 * returns; bad input rolls everything back.
 */
public final class Guildhall implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Guildhall.class);

    private final Database database;
    private final AdjustableClock clock;
    private final CommandRouter router = new CommandRouter();
    private final OutboxDispatcher dispatcher;
    private final DueTaskRunner tasks;

    public Guildhall(Database database, AdjustableClock clock, ChatPort port, List<Capability> capabilities) {
        this(database, clock, port, capabilities, SendPace.defaults());
    }

    public Guildhall(Database database, AdjustableClock clock, ChatPort port, List<Capability> capabilities,
                     SendPace pace) {
        this.database = database;
        this.clock = clock;
        capabilities.forEach(capability -> capability.register(router));
        this.dispatcher = new OutboxDispatcher(database, port, clock, pace);
        this.tasks = new DueTaskRunner(database, clock, router::task);
    }

    public Reply handle(Command command) {
        return inTransaction(command.caller(), router.isAnonymous(command), work -> router.route(command, work));
    }

    public Reply press(ActionPress press) {
        return inTransaction(press.presser(), router.isAnonymous(press), work -> router.press(press, work));
    }

    private Reply inTransaction(Person who, boolean anonymous, Function<UnitOfWork, Reply> action) {
        try {
            Reply reply = database.inTransaction(handle -> {
                UnitOfWork work = new UnitOfWork(handle, clock.instant());
                if (!anonymous) {
                    new People(handle).remember(who, work.now());
                }
                return action.apply(work);
            });
            dispatcher.wake();
            return reply;
        } catch (UsageException e) {
            return Reply.of(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("request failed, reference {}", reference, e);
            return Reply.of("Sorry — something went wrong on my side and nothing was changed. Please try again in a"
                    + " moment; if it keeps happening, tell your Guildhall admin (reference " + reference + ").");
        }
    }

    /** Runs the timed tasks that are due, then delivers the outbox; returns how much work was done. */
    public int runDue() {
        return tasks.runDue() + dispatcher.deliverDue();
    }

    public int runDueTasks() {
        return tasks.runDue();
    }

    /** Starts the outbox's background delivery, for long-running modes. */
    public void startDelivery() {
        dispatcher.start();
    }

    public AdjustableClock clock() {
        return clock;
    }

    public CommandRouter router() {
        return router;
    }

    public Database database() {
        return database;
    }

    /** Stops delivery and closes the database this bot was given. */
    @Override
    public void close() {
        dispatcher.close();
        database.close();
    }
}
