package dev.guildhall.admin;

import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.MessageJson;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.store.UnitOfWork;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Erases a person. Rows that count towards anonymous figures (matches, tickets, offers, RSVPs, sessions they gave)
 * stay, naming a fresh tombstone person ({@code forgotten:<random>}, one per erasure) instead of them; rows that are
 * only about them (memberships, module ownership, their Teams contact details, messages still waiting for them) go.
 * Then every text column of every table is scrubbed: an id column equal to their id becomes the tombstone, and free
 * text (message payloads, stored replies, titles) loses their id, their platform user id and their display name.
 * Shared files still in the outbox (exports) that contain them are emptied.
 */
final class Forgetting {
    static final String TOMBSTONE_PLATFORM = "forgotten";
    static final String SOMEONE = "someone";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Handle handle;
    private final Instant now;

    Forgetting(Handle handle, Instant now) {
        this.handle = handle;
        this.now = now;
    }

    record Result(PersonId tombstone, int rowsChanged) {
    }

    Result forget(PersonId person) {
        Optional<String> displayName = handle.createQuery("SELECT display_name FROM person WHERE id = :id")
                .bind("id", person.value()).mapTo(String.class).findOne();
        PersonId tombstone = PersonId.of(TOMBSTONE_PLATFORM, HexFormat.of().formatHex(randomBytes()));
        handle.createUpdate("""
                        INSERT INTO person (id, display_name, time_zone, first_seen_at, last_seen_at)
                        VALUES (:id, :name, NULL, :now, :now)""")
                .bind("id", tombstone.value()).bind("name", "someone who asked to be forgotten").bind("now", now)
                .execute();
        List<String> needles = needles(person, displayName);
        // Their Teams user id ("29:…") appears in stored conversation references of group chats and channels.
        handle.createQuery("SELECT teams_user_id FROM teams_person WHERE person_id = :id").bind("id", person.value())
                .mapTo(String.class).forEach(needles::add);
        int changed = dropWhatIsOnlyAboutThem(person);
        changed += closeWhatWouldStillReachThem(person);
        changed += scrubFiles(needles);
        changed += replaceEverywhere(person, tombstone, needles);
        changed += handle.createUpdate("DELETE FROM person WHERE id = :id").bind("id", person.value()).execute();
        return new Result(tombstone, changed);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** What free text may name them by: their whole id, their id on the platform (mentions), their display name. */
    private static List<String> needles(PersonId person, Optional<String> displayName) {
        List<String> needles = new ArrayList<>();
        needles.add(person.value());
        String local = person.value().substring(person.value().lastIndexOf(':') + 1);
        if (local.length() >= 3) {
            needles.add(local);
        }
        displayName.map(String::strip).filter(name -> name.length() >= 3 && !needles.contains(name))
                .ifPresent(needles::add);
        return needles;
    }

    private int dropWhatIsOnlyAboutThem(PersonId person) {
        int changed = 0;
        List<String> conversations = handle.createQuery(
                        "SELECT personal_conversation_id FROM teams_person WHERE person_id = :id")
                .bind("id", person.value()).mapTo(String.class).list();
        changed += handle.createUpdate("DELETE FROM teams_person WHERE person_id = :id")
                .bind("id", person.value()).execute();
        for (String conversation : conversations) {
            if (conversation != null) {
                changed += handle.createUpdate("DELETE FROM teams_conversation WHERE conversation_id = :id")
                        .bind("id", conversation).execute();
            }
        }
        for (String table : List.of("guild_member", "module_owner", "wg_member", "wg_checkin_ask")) {
            changed += handle.createUpdate("DELETE FROM " + table + " WHERE person_id = :id")
                    .bind("id", person.value()).execute();
        }
        return changed;
    }

    /** A tombstone must never be proposed, reminded or messaged: open requests and offers end, waiting DMs drop. */
    private int closeWhatWouldStillReachThem(PersonId person) {
        String id = person.value();
        int changed = requeueLearnersTheyWereProposedTo(person);
        changed += handle.createUpdate("""
                        UPDATE ticket SET status = 'CANCELLED', closed_at = :now
                        WHERE learner_id = :id AND status IN ('WAITING', 'PROPOSED')""")
                .bind("id", id).bind("now", now).execute();
        changed += handle.createUpdate("""
                        UPDATE mentorship_match SET status = 'CANCELLED', ended_at = :now
                        WHERE (learner_id = :id OR teacher_id = :id) AND status = 'PROPOSED'""")
                .bind("id", id).bind("now", now).execute();
        changed += handle.createUpdate("""
                        UPDATE teaching_offer SET stopped_at = :now WHERE teacher_id = :id AND stopped_at IS NULL""")
                .bind("id", id).bind("now", now).execute();
        changed += handle.createUpdate("""
                        UPDATE outbox SET status = 'SUPERSEDED'
                        WHERE recipient = :id AND status IN ('PENDING', 'SENDING')""")
                .bind("id", id).execute();
        return changed;
    }

    private record Proposal(long ticketId, String learnerId, String topic) {
    }

    /** Learners waiting on their answer go back in the queue, and are told so (without naming who left). */
    private int requeueLearnersTheyWereProposedTo(PersonId teacher) {
        List<Proposal> proposals = handle.createQuery("""
                        SELECT ticket_id, learner_id, topic FROM mentorship_match
                        WHERE teacher_id = :id AND status = 'PROPOSED'""")
                .bind("id", teacher.value())
                .map((rs, ctx) -> new Proposal(rs.getLong("ticket_id"), rs.getString("learner_id"), rs.getString("topic")))
                .list();
        Outbox outbox = new Outbox(new UnitOfWork(handle, now));
        int changed = 0;
        for (Proposal proposal : proposals) {
            changed += handle.createUpdate("UPDATE ticket SET status = 'WAITING' WHERE id = :id AND status = 'PROPOSED'")
                    .bind("id", proposal.ticketId()).execute();
            outbox.sendDirect(new PersonId(proposal.learnerId()), Message.text("The teacher I had asked about *"
                    + proposal.topic() + "* is no longer available. Your request (ticket #" + proposal.ticketId()
                    + ") is back in the queue: I'll introduce you as soon as someone else can teach it."));
        }
        return changed;
    }

    /** File payloads are base64 inside JSON: a text search cannot see into them, so each is opened. */
    private int scrubFiles(List<String> needles) {
        List<Map<String, Object>> files = handle.createQuery(
                        "SELECT id, status, payload FROM outbox WHERE kind LIKE 'FILE_%'").mapToMap().list();
        int changed = 0;
        for (Map<String, Object> row : files) {
            FileUpload file = MessageJson.readFile(String.valueOf(row.get("payload")));
            String content = new String(file.content(), StandardCharsets.UTF_8);
            // Compressed content (a zip of CSVs) hides names from a text search: treat it as naming them.
            boolean names = file.mediaType().contains("zip") || needles.stream().anyMatch(needle ->
                    content.contains(needle) || file.title().contains(needle) || file.summary().contains(needle));
            if (names) {
                FileUpload erased = new FileUpload("erased.txt", "text/plain",
                        "This file was erased when someone asked to be forgotten.".getBytes(StandardCharsets.UTF_8),
                        "erased", "");
                boolean waiting = List.of("PENDING", "SENDING").contains(String.valueOf(row.get("status")));
                changed += handle.createUpdate("UPDATE outbox SET payload = :payload, status = :status WHERE id = :id")
                        .bind("payload", MessageJson.writeFile(erased))
                        .bind("status", waiting ? "SUPERSEDED" : String.valueOf(row.get("status")))
                        .bind("id", ((Number) row.get("id")).longValue()).execute();
            }
        }
        return changed;
    }

    private int replaceEverywhere(PersonId person, PersonId tombstone, List<String> needles) {
        int changed = 0;
        for (Map.Entry<String, List<StoreTables.Column>> table : StoreTables.read(handle).entrySet()) {
            if (table.getKey().equals("person")) {
                continue;
            }
            for (StoreTables.Column column : table.getValue()) {
                if (!column.text()) {
                    continue;
                }
                String name = column.name();
                changed += handle.createUpdate("UPDATE " + table.getKey() + " SET " + name + " = :tombstone WHERE "
                                + name + " = :id")
                        .bind("tombstone", tombstone.value()).bind("id", person.value()).execute();
                if (column.identifier()) {
                    continue;
                }
                for (String needle : needles) {
                    String replacement = needle.equals(person.value()) ? tombstone.value() : SOMEONE;
                    changed += handle.createUpdate("UPDATE " + table.getKey() + " SET " + name + " = replace(" + name
                                    + ", :needle, :replacement) WHERE " + name + " <> replace(" + name + ", :needle, :replacement)")
                            .bind("needle", needle).bind("replacement", replacement).execute();
                }
            }
        }
        return changed;
    }
}
