package dev.guildhall.bot;

import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandRouter;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.command.FormSpec;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.Command;
import dev.guildhall.core.Form;
import dev.guildhall.core.Inbound;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bot without any platform: adapters hand it commands and button presses and get the caller's reply back.
 * Each call runs in one transaction that commits the effect and its outbox messages together, before the reply
 * returns; bad input rolls everything back.
 */
public final class Guildhall implements AutoCloseable {

    private final Database database;
    private final AdjustableClock clock;
    private final CommandRouter router = new CommandRouter();
    private final OutboxDispatcher dispatcher;
    private final DueTaskRunner tasks;
    private final List<Capability> capabilities;
    private final ObserveRequests metrics = new ObserveRequests();
    private final InboundChain chain;
    /** How long handled request keys, delivered messages and finished tasks are kept unless configured. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private final Duration retention;
    private volatile Instant purgedAt;

    public Guildhall(Database database, AdjustableClock clock, ChatPort port, List<Capability> capabilities) {
        this(database, clock, port, capabilities, SendPace.defaults());
    }

    public Guildhall(Database database, AdjustableClock clock, ChatPort port, List<Capability> capabilities,
                     SendPace pace) {
        this(database, clock, port, capabilities, pace, DEFAULT_RETENTION);
    }

    /**
     * @param retention how long handled request keys, delivered outbox messages and finished scheduled tasks are
     *                  kept before the tick purges them (what a feature still refers to stays)
     */
    public Guildhall(Database database, AdjustableClock clock, ChatPort port, List<Capability> capabilities,
                     SendPace pace, Duration retention) {
        this.database = database;
        this.retention = retention;
        this.clock = clock;
        this.capabilities = List.copyOf(capabilities);
        capabilities.forEach(capability -> capability.register(router));
        // The order of the middleware, in one place: metrics see everything, failures become replies after the
        // rollback, the adapter's contact is stored outside the transaction, the rest runs inside it.
        this.chain = new InboundChain(List.of(metrics, new ReplyOnFailure(), new RememberContact(),
                new InUnitOfWork(database, clock), new DeduplicateRetries(router::claimAnonymous), new RememberCaller()), this::route);
        this.dispatcher = new OutboxDispatcher(database, port, clock, pace);
        this.tasks = new DueTaskRunner(database, clock, router::task);
    }

    /**
     * The one way in for commands and presses: retries answered from the first time, the caller remembered unless
     * anonymous, metrics, and failures turned into the caller's reply, around the router.
     */
    public Handled handle(Inbound inbound) {
        Handled handled = chain.handle(new Exchange(inbound, observedName(inbound), isAnonymous(inbound),
                Optional.empty()));
        if (handled.outcome() == RequestObserver.Outcome.OK) {
            dispatcher.wake();
        }
        return handled;
    }

    private Handled route(Exchange exchange) {
        Inbound inbound = exchange.inbound();
        if (inbound instanceof Inbound.Submitted sent) {
            CommandRouter.Submitted submitted = router.submit(sent.submission(), exchange.work());
            return exchange.answer(submitted.reply(), RequestObserver.Outcome.OK, Map.of(), submitted.preview());
        }
        Reply reply = inbound instanceof Inbound.Typed typed
                ? router.route(typed.command(), exchange.work())
                : router.press(((Inbound.Pressed) inbound).press(), exchange.work());
        return exchange.answer(reply, RequestObserver.Outcome.OK);
    }

    private String observedName(Inbound inbound) {
        if (inbound instanceof Inbound.Submitted sent) {
            return router.observedName(sent.submission());
        }
        return inbound instanceof Inbound.Typed typed ? router.observedName(typed.command())
                : router.observedName(((Inbound.Pressed) inbound).press());
    }

    private boolean isAnonymous(Inbound inbound) {
        if (inbound instanceof Inbound.Submitted) {
            return false; // no form is anonymous: its values are the sender's own words
        }
        return inbound instanceof Inbound.Typed typed ? router.isAnonymous(typed.command())
                : router.isAnonymous(((Inbound.Pressed) inbound).press());
    }

    /**
     * The form to show instead of running a command typed with too few words, built for its caller (the guilds they
     * lead…), or empty when the command should simply run. Only reads.
     */
    public Optional<Form> formFor(Command command) {
        return router.formFor(command).flatMap(spec -> buildForm(spec, command.caller(), Map.of()));
    }

    /**
     * A form by its id (a shortcut's, a Home button's, a Teams dialog's), prefilled with some values; empty when
     * there is no such form or it has nothing to offer this person (a lead's form for someone who leads nothing).
     */
    public Optional<Form> form(String formId, Person filler, Map<String, String> prefill) {
        return router.form(formId).flatMap(spec -> buildForm(spec, filler, prefill));
    }

    private Optional<Form> buildForm(FormSpec spec, Person filler, Map<String, String> prefill) {
        Form form = database.read(handle -> spec.form(filler, new UnitOfWork(handle, clock.instant())));
        // Nothing to choose (no guild led): the command itself then says what is missing, as it would typed.
        return form.fillable() ? Optional.of(form.prefilled(prefill)) : Optional.empty();
    }

    /** What to type instead of a form that could not be shown ("Type /guild meetup with what it needs; …"). */
    public Optional<String> typedInstead(String formId) {
        return router.typedInstead(formId);
    }

    /** Each form's command and fields, as help lists them ({@code /learn: topic (…), goal (…)}), for a viewer. */
    public List<String> describeForms(Person viewer) {
        return database.read(handle -> router.forms().stream().map(spec -> spec.commandLine() + ": "
                + spec.form(viewer, new UnitOfWork(handle, clock.instant())).fields().stream()
                .map(Form.Field::describe).collect(Collectors.joining(", "))).toList());
    }

    /** Choices for a form's suggested select as the person types; reads only, for Slack's 3-second budget. */
    public List<Form.Choice> suggest(String formId, String field, String typed) {
        return database.read(handle -> router.suggest(formId, field, typed, new UnitOfWork(handle, clock.instant())));
    }

    /**
     * Runs every capability's start-up work (recurring rounds), once per start of the bot — serve, socket, console —
     * in one transaction. Each hook is idempotent, so a restart or a second replica schedules nothing twice.
     */
    public void start() {
        database.inTransaction(handle -> {
            UnitOfWork work = new UnitOfWork(handle, clock.instant());
            capabilities.forEach(capability -> capability.onStart(work));
            return null;
        });
        dispatcher.wake();
    }

    /** Records a delivery whose effect lies outside the store; false if it was recorded before (a retry). */
    public boolean firstTime(String requestKey) {
        return database.inTransaction(handle -> new HandledRequests(handle).record(requestKey, null, clock.instant()));
    }

    /**
     * Stores what a platform reports about someone the bot has already met (name, time zone), with the next write
     * that commits: the caller does not wait for it (on SQLite it joins the writer's next group).
     */
    public void remember(Person person) {
        Instant now = clock.instant();
        database.writeSoon(handle -> {
            People people = new People(handle);
            // Only someone already met: a late platform lookup must not bring back a person who was just forgotten.
            if (people.find(person.id()).isPresent()) {
                people.remember(person, now);
            }
        });
    }

    /** What a person's home page shows, from every capability, read in one transaction. */
    public List<Message> home(PersonId viewer) {
        return database.read(handle -> router.home(viewer, new UnitOfWork(handle, clock.instant())));
    }

    /** Metrics and the like: told about each command and press after it is answered. */
    public void observe(RequestObserver observer) {
        metrics.observe(observer);
    }

    /** Runs the timed tasks that are due, then delivers the outbox; returns how much work was done. */
    public int runDue() {
        purgeExpired();
        int done = tasks.runDue() + dispatcher.deliverDue();
        // Channel operations the outbox just settled make follow-up tasks due now: run them and send what they say.
        int followUps = tasks.runDue();
        return followUps == 0 ? done : done + followUps + dispatcher.deliverDue();
    }

    /**
     * Lets time pass as if the bot had been running all along (the console's {@code !advance}): the clock stops at
     * each task's due time on the way and runs what is due then, so a reminder goes out at its own time rather than
     * all at the end of the jump as if the bot had been down. Returns how much work was done.
     */
    public int advance(Duration by) {
        Instant target = clock.instant().plus(by);
        int done = 0;
        Optional<Instant> previous = Optional.empty();
        for (Optional<Instant> next = tasks.nextDueAt(); next.isPresent() && !next.get().isAfter(target);
             next = tasks.nextDueAt()) {
            if (previous.equals(next) && !next.get().isAfter(clock.instant())) {
                break; // a task that cannot even record its failure: leave it to the end of the jump
            }
            previous = next;
            moveTo(next.get());
            done += runDue();
        }
        moveTo(target);
        return done + runDue();
    }

    private void moveTo(Instant at) {
        Instant now = clock.instant();
        if (at.isAfter(now)) {
            clock.advance(Duration.between(now, at));
        }
    }

    public int runDueTasks() {
        purgeExpired();
        return tasks.runDue();
    }

    /**
     * Past the retention, request keys, delivered messages and finished tasks go, at most once a minute, on the tick
     * (no command's transaction pays for it), in small transactions so commands slip in between.
     */
    private void purgeExpired() {
        Instant now = clock.instant();
        Instant last = purgedAt;
        if (last != null && now.isBefore(last.plus(PURGE_EVERY))) {
            return;
        }
        purgedAt = now;
        Instant cutoff = now.minus(retention);
        database.inTransaction(handle -> new HandledRequests(handle).forgetHandledBefore(cutoff));
        dispatcher.purgeSettled(cutoff);
        tasks.purgeFinished(cutoff);
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
