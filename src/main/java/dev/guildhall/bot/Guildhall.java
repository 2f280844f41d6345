package dev.guildhall.bot;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandRouter;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.ActionPress;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.OutboxDispatcher;
import dev.guildhall.outbox.SendPace;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTaskRunner;
import dev.guildhall.store.Database;
import dev.guildhall.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    private volatile RequestObserver observer = RequestObserver.NONE;

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
        return inTransaction(router.observedName(command), command.caller(), router.isAnonymous(command),
                Optional.empty(), work -> router.route(command, work));
    }

    public Reply press(ActionPress press) {
        return inTransaction(router.observedName(press), press.presser(), router.isAnonymous(press), Optional.empty(),
                work -> router.press(press, work));
    }

    /**
     * Like {@link #handle}, for a delivery the platform may repeat: {@code requestKey} is the platform's id for it
     * (Slack's trigger_id), recorded in the same transaction as the effect. A repeat changes nothing and gets the
     * first reply again.
     */
    public Reply handleOnce(String requestKey, Command command) {
        return inTransaction(router.observedName(command), command.caller(), router.isAnonymous(command),
                Optional.of(requestKey),
                work -> router.route(command, work));
    }

    /** Like {@link #press}, at most once per {@code requestKey}; see {@link #handleOnce}. */
    public Reply pressOnce(String requestKey, ActionPress press) {
        return inTransaction(router.observedName(press), press.presser(), router.isAnonymous(press),
                Optional.of(requestKey),
                work -> router.press(press, work));
    }

    /** Records a delivery whose effect lies outside the store; false if it was recorded before (a retry). */
    public boolean firstTime(String requestKey) {
        return database.inTransaction(handle -> new HandledRequests(handle).record(requestKey, null, clock.instant()));
    }

    /** Stores what a platform reports about someone the bot has already met (name, time zone). */
    public void remember(Person person) {
        database.inTransaction(handle -> {
            People people = new People(handle);
            // Only someone already met: a late platform lookup must not bring back a person who was just forgotten.
            if (people.find(person.id()).isPresent()) {
                people.remember(person, clock.instant());
            }
            return null;
        });
    }

    /** What a person's home page shows, from every capability, read in one transaction. */
    public List<Message> home(PersonId viewer) {
        return database.read(handle -> router.home(viewer, new UnitOfWork(handle, clock.instant())));
    }

    /** Metrics and the like: told about each command and press after it is answered. */
    public void observe(RequestObserver observer) {
        this.observer = observer;
    }

    private Reply inTransaction(String name, Person who, boolean anonymous, Optional<String> requestKey,
                                Function<UnitOfWork, Reply> action) {
        long started = System.nanoTime();
        RequestObserver.Outcome outcome = RequestObserver.Outcome.FAILED;
        try {
            Reply reply = database.inTransaction(handle -> {
                HandledRequests handled = new HandledRequests(handle);
                UnitOfWork work = new UnitOfWork(handle, clock.instant());
                if (requestKey.isPresent() && !handled.claim(requestKey.get(), work.now())) {
                    return handled.replyTo(requestKey.get()).orElse(Reply.none());
                }
                if (!anonymous) {
                    new People(handle).remember(who, work.now());
                }
                Reply result = action.apply(work);
                requestKey.ifPresent(key -> handled.answer(key, result));
                return result;
            });
            dispatcher.wake();
            outcome = RequestObserver.Outcome.OK;
            return reply;
        } catch (UsageException e) {
            outcome = RequestObserver.Outcome.REFUSED;
            return Reply.of(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            if (anonymous) {
                // Exception messages can quote bound SQL arguments, the caller's id among them: keep only the kind.
                log.error("an anonymous request failed, reference {}: {} (details withheld)", reference,
                        e.getClass().getName());
            } else {
                log.error("request failed, reference {}", reference, e);
            }
            return Reply.of("Sorry — something went wrong on my side and nothing was changed. Please try again in a"
                    + " moment; if it keeps happening, tell your Guildhall admin (reference " + reference + ").");
        } finally {
            observer.handled(name, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Runs the timed tasks that are due, then delivers the outbox; returns how much work was done. */
    public int runDue() {
        int done = tasks.runDue() + dispatcher.deliverDue();
        // Channel operations the outbox just settled make follow-up tasks due now: run them and send what they say.
        int followUps = tasks.runDue();
        return followUps == 0 ? done : done + followUps + dispatcher.deliverDue();
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
