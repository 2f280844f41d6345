package dev.guildhall.people;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Handing over something that lost its owner (a guild its last lead, a working group its owner): its candidates are
 * asked one at a time, longest-standing first, with a button to take it on and one to pass; a pass, or no answer by
 * {@link #DEADLINE}, moves on to the next. The capability owning the thing says who the candidates are, how to ask,
 * what taking it on means and what happens when nobody does ({@link Handover}); this keeps who was asked.
 */
public final class Succession {
    public static final Duration DEADLINE = Duration.ofDays(3);
    public static final PersonalData PERSONAL_DATA = PersonalData.table("succession_ask")
            .person("person_id", OnForget.DELETE_ROW)
            .notPersonal("id", "scope", "subject", "asked_at", "due_at", "outcome", "answered_at").build();

    /** What one capability hands over, and how. */
    public interface Handover {
        /** Names the buttons and the deadline task, like {@code guild.lead}. */
        String scope();

        /** A person is being forgotten: start a handover ({@link #askNext}) for what they leave without owner. */
        void forgetting(PersonId person, UnitOfWork work);

        /** Who may take it on, longest-standing first; empty when it no longer needs anyone (gone, or taken). */
        Optional<List<PersonId>> candidates(UnitOfWork work, long subject);

        /** The question to a candidate; the buttons and the deadline are added to it. */
        Message question(UnitOfWork work, long subject);

        /** Every candidate passed or did not answer, or there were none. */
        void nobodyTookItOn(UnitOfWork work, long subject, int candidatesAsked);

        /** The presser takes it on; throws a {@link UsageException} when they no longer can. */
        Reply takeOn(UnitOfWork work, long subject, Person presser);
    }

    private enum Outcome { ACCEPTED, DECLINED, EXPIRED, ENDED }

    private record Ask(long id, long subject, PersonId person, boolean open) {
    }

    private Succession() {
    }

    /** Registers the buttons, the deadline and the personal data of asks (once, whoever registers first). */
    public static void register(Registry registry, Handover handover) {
        if (registry.personalData().stream().noneMatch(table -> table.table().equals(PERSONAL_DATA.table()))) {
            registry.personalData(PERSONAL_DATA);
        }
        String scope = handover.scope();
        registry.action(scope + ".take", request -> {
            Ask ask = openAskOf(request, scope);
            close(request.work(), ask.id(), Outcome.ACCEPTED);
            new DueTasks(request.work()).cancel(scope + ".ask-deadline", ask.id());
            return handover.takeOn(request.work(), ask.subject(), request.presser());
        });
        registry.action(scope + ".pass", request -> {
            Ask ask = openAskOf(request, scope);
            close(request.work(), ask.id(), Outcome.DECLINED);
            new DueTasks(request.work()).cancel(scope + ".ask-deadline", ask.id());
            askNext(request.work(), handover, ask.subject());
            return Reply.of("No problem — I'll ask someone else.");
        });
        registry.task(scope + ".ask-deadline", (askId, work) -> ask(work, scope, askId).filter(Ask::open)
                .ifPresent(ask -> {
                    close(work, ask.id(), Outcome.EXPIRED);
                    askNext(work, handover, ask.subject());
                }));
        registry.whenForgetting(handover::forgetting);
        // An ask still waiting for someone who is being forgotten ends with them: the next candidate is asked.
        registry.whenForgetting((person, work) -> work.handle().createQuery("""
                        SELECT id FROM succession_ask WHERE scope = :scope AND person_id = :person AND outcome IS NULL""")
                .bind("scope", scope).bind("person", person.value()).mapTo(Long.class).list()
                .forEach(askId -> ask(work, scope, askId).ifPresent(ask -> {
                    close(work, ask.id(), Outcome.ENDED);
                    askNext(work, handover, ask.subject(), person);
                })));
    }

    /** Asks the first candidate not asked yet about this subject, or says nobody took it on. */
    public static void askNext(UnitOfWork work, Handover handover, long subject) {
        askNext(work, handover, subject, null);
    }

    private static void askNext(UnitOfWork work, Handover handover, long subject, PersonId leaving) {
        Optional<List<PersonId>> candidates = handover.candidates(work, subject);
        if (candidates.isEmpty()) {
            return;
        }
        List<String> asked = work.handle().createQuery(
                        "SELECT person_id FROM succession_ask WHERE scope = :scope AND subject = :subject")
                .bind("scope", handover.scope()).bind("subject", subject).mapTo(String.class).list();
        Optional<PersonId> next = candidates.get().stream()
                .filter(c -> !asked.contains(c.value()) && !c.equals(leaving)).findFirst();
        if (next.isEmpty()) {
            handover.nobodyTookItOn(work, subject, asked.size());
            return;
        }
        Instant due = work.now().plus(DEADLINE);
        long id = work.handle().createQuery("""
                        INSERT INTO succession_ask (scope, subject, person_id, asked_at, due_at)
                        VALUES (:scope, :subject, :person, :now, :due) RETURNING id""")
                .bind("scope", handover.scope()).bind("subject", subject).bind("person", next.get().value())
                .bind("now", work.now()).bind("due", due).mapTo(Long.class).one();
        new Outbox(work).sendDirect(next.get(), handover.question(work, subject)
                .withButton(Message.Button.primary(handover.scope() + ".take:" + id, "I'll take it on"))
                .withButton(Message.Button.of(handover.scope() + ".pass:" + id, "Not me"))
                .withContext("If you don't answer within " + DEADLINE.toDays() + " days, I'll ask the next person."));
        new DueTasks(work).schedule(handover.scope() + ".ask-deadline", id, due);
    }

    private static Optional<Ask> ask(UnitOfWork work, String scope, long id) {
        return work.handle().createQuery("SELECT * FROM succession_ask WHERE id = :id AND scope = :scope")
                .bind("id", id).bind("scope", scope)
                .map((rs, ctx) -> new Ask(rs.getLong("id"), rs.getLong("subject"),
                        new PersonId(rs.getString("person_id")), rs.getString("outcome") == null))
                .findOne();
    }

    private static void close(UnitOfWork work, long id, Outcome outcome) {
        work.handle().createUpdate("""
                        UPDATE succession_ask SET outcome = :outcome, answered_at = :now
                        WHERE id = :id AND outcome IS NULL""")
                .bind("outcome", outcome.name()).bind("now", work.now()).bind("id", id).execute();
    }

    private static Ask openAskOf(ActionRequest request, String scope) {
        Ask ask = ask(request.work(), scope, request.idArgument())
                .filter(a -> a.person().equals(request.presser().id()))
                .orElseThrow(() -> new UsageException("That button is not one I recognise any more."));
        if (!ask.open()) {
            throw new UsageException("That question is already settled — thanks anyway.");
        }
        return ask;
    }
}
