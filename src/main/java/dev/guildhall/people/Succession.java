package dev.guildhall.people;

import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Handing something over that lost its owner (a guild its last lead, a working group its owner): candidates are asked
 * one at a time, longest-standing first; a decline or no answer by the deadline moves on to the next. The capability
 * owning the thing says who the candidates are, how to ask and what taking it on means; this keeps who was asked.
 */
public final class Succession {
    public static final PersonalData PERSONAL_DATA = PersonalData.table("succession_ask")
            .person("person_id", OnForget.DELETE_ROW)
            .notPersonal("id", "scope", "subject", "asked_at", "due_at", "outcome", "answered_at").build();

    public enum Outcome { ACCEPTED, DECLINED, EXPIRED, ENDED }

    public record Ask(long id, long subject, PersonId person, Instant dueAt, boolean open) {
    }

    private final UnitOfWork work;
    private final String scope;

    public Succession(UnitOfWork work, String scope) {
        this.work = work;
        this.scope = scope;
    }

    /** The first candidate not asked yet about this subject, recorded as asked until {@code now + deadline}. */
    public Optional<Ask> askNext(long subject, List<PersonId> candidatesInOrder, Duration deadline) {
        List<String> asked = work.handle().createQuery(
                        "SELECT person_id FROM succession_ask WHERE scope = :scope AND subject = :subject")
                .bind("scope", scope).bind("subject", subject).mapTo(String.class).list();
        Optional<PersonId> next = candidatesInOrder.stream().filter(c -> !asked.contains(c.value())).findFirst();
        return next.map(person -> {
            Instant due = work.now().plus(deadline);
            long id = work.handle().createQuery("""
                            INSERT INTO succession_ask (scope, subject, person_id, asked_at, due_at)
                            VALUES (:scope, :subject, :person, :now, :due) RETURNING id""")
                    .bind("scope", scope).bind("subject", subject).bind("person", person.value())
                    .bind("now", work.now()).bind("due", due).mapTo(Long.class).one();
            return new Ask(id, subject, person, due, true);
        });
    }

    public Optional<Ask> ask(long id) {
        return work.handle().createQuery("SELECT * FROM succession_ask WHERE id = :id AND scope = :scope")
                .bind("id", id).bind("scope", scope)
                .map((rs, ctx) -> new Ask(rs.getLong("id"), rs.getLong("subject"),
                        new PersonId(rs.getString("person_id")), Instant.ofEpochMilli(rs.getLong("due_at")),
                        rs.getString("outcome") == null))
                .findOne();
    }

    /** Closes an open ask; false when it was already closed (a second press, or the deadline first). */
    public boolean close(long id, Outcome outcome) {
        return work.handle().createUpdate("""
                        UPDATE succession_ask SET outcome = :outcome, answered_at = :now
                        WHERE id = :id AND outcome IS NULL""")
                .bind("outcome", outcome.name()).bind("now", work.now()).bind("id", id).execute() == 1;
    }
}
