package dev.guildhall.admin;

import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.outbox.MessageJson;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.store.UnitOfWork;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The personal data of the tables every capability shares (people, the outbox, timed work, handled requests) and
 * of the Teams adapter's contact details, which no capability owns; and what forgetting does first with them.
 */
final class CorePersonalData {
    static final String ERASED = MessageJson.write(Message.text("(erased: this message was to someone who asked"
            + " to be forgotten)"));

    private static final String ERASED_FILE = MessageJson.writeFile(new FileUpload("erased.txt", "text/plain",
            "This file was erased when someone asked to be forgotten.".getBytes(StandardCharsets.UTF_8), "erased", ""));

    private CorePersonalData() {
    }

    static void register(Registry registry) {
        registry.personalData(PersonalData.table("person")
                .person("id", OnForget.DELETE_ROW)
                .writtenBy("display_name", "id", "")
                .writtenBy("time_zone", "id", null)
                .notPersonal("first_seen_at", "last_seen_at").build());
        // A message to them is about them; the recipient column also holds channel ids, which never equal a person's.
        registry.personalData(PersonalData.table("outbox")
                .person("recipient", OnForget.TOMBSTONE)
                .jsonOf("payload", "recipient", ERASED)
                .sharedText("last_error")
                .notPersonal("id", "kind", "updates_id", "status", "attempts", "next_attempt_at", "created_at",
                        "delivered_at", "message_ref", "batch_id", "claimed_by", "claimed_at", "follow_up_task",
                        "follow_up_subject").build());
        registry.personalData(PersonalData.table("outbox_batch")
                .sharedText("label", "shown_text")
                .notPersonal("id", "progress_id", "total", "shown_at", "finished_at", "created_at").build());
        registry.personalData(PersonalData.table("scheduled_task")
                .sharedText("last_error")
                .notPersonal("id", "kind", "subject", "due_at", "attempts", "done_at", "created_at").build());
        registry.personalData(PersonalData.table("send_pace")
                .notPersonal("bucket", "tokens", "refilled_at", "stopped_until").build());
        registry.personalData(PersonalData.table("handled_request")
                .sharedJson("reply")
                .notPersonal("request_key", "handled_at").build());
        registry.personalData(PersonalData.table("teams_person")
                .person("person_id", OnForget.DELETE_ROW, "teams_user_id", "user_principal_name")
                .alias("teams_user_id")
                .alias("user_principal_name")
                .notPersonal("service_url", "personal_conversation_id", "updated_at").build());
        registry.personalData(PersonalData.table("teams_conversation")
                .sharedJson("reference")
                .notPersonal("conversation_id", "kind", "team_id", "team_group_id", "updated_at").build());
        registry.whenForgetting(CorePersonalData::endWhatWouldStillReachThem);
    }

    /**
     * Messages still waiting for them are not sent; their personal Teams chat is forgotten with them; files shared
     * with them, or holding their data (exports are every table, compressed), are emptied in the outbox and, once
     * delivered, deleted on the platform where it allows (Slack, the console's folder).
     */
    private static void endWhatWouldStillReachThem(PersonId person, UnitOfWork work) {
        eraseFilesHoldingThem(person, work);
        work.handle().createUpdate("""
                        UPDATE outbox SET status = 'SUPERSEDED'
                        WHERE recipient = :id AND status IN ('PENDING', 'SENDING')""")
                .bind("id", person.value()).execute();
        List<String> conversations = work.handle().createQuery(
                        "SELECT personal_conversation_id FROM teams_person WHERE person_id = :id")
                .bind("id", person.value()).mapTo(String.class).list();
        work.handle().createUpdate("DELETE FROM teams_person WHERE person_id = :id").bind("id", person.value())
                .execute();
        for (String conversation : conversations) {
            if (conversation != null) {
                work.handle().createUpdate("DELETE FROM teams_conversation WHERE conversation_id = :id")
                        .bind("id", conversation).execute();
            }
        }
    }

    private static void eraseFilesHoldingThem(PersonId person, UnitOfWork work) {
        List<String> needles = new ArrayList<>(List.of(person.value()));
        work.handle().createQuery("SELECT display_name FROM person WHERE id = :id").bind("id", person.value())
                .mapTo(String.class).findOne().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(needles::add);
        List<Map<String, Object>> files = work.handle().createQuery(
                "SELECT id, status, recipient, message_ref, payload FROM outbox WHERE kind LIKE 'FILE_%'")
                .mapToMap().list();
        Outbox outbox = new Outbox(work);
        for (Map<String, Object> row : files) {
            FileUpload file = MessageJson.readFile(String.valueOf(row.get("payload")));
            if (file.content() == null) {
                continue; // a file to someone forgotten earlier: already erased, as a message
            }
            String content = new String(file.content(), StandardCharsets.UTF_8);
            // Compressed content (a zip of CSVs) hides names from a text search: treat it as holding them.
            boolean holdsThem = person.value().equals(row.get("recipient")) || file.mediaType().contains("zip")
                    || needles.stream().anyMatch(needle -> content.contains(needle) || file.title().contains(needle)
                    || file.summary().contains(needle));
            if (holdsThem) {
                if ("DELIVERED".equals(row.get("status")) && row.get("message_ref") != null) {
                    outbox.deleteFile(String.valueOf(row.get("message_ref")));
                }
                boolean waiting = List.of("PENDING", "SENDING").contains(String.valueOf(row.get("status")));
                work.handle().createUpdate("UPDATE outbox SET payload = :payload, status = :status WHERE id = :id")
                        .bind("payload", ERASED_FILE)
                        .bind("status", waiting ? "SUPERSEDED" : String.valueOf(row.get("status")))
                        .bind("id", ((Number) row.get("id")).longValue()).execute();
            }
        }
    }
}
