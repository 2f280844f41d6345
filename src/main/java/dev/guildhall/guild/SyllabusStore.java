package dev.guildhall.guild;

import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Syllabus modules, their owners, and who teaches what, inside one transaction. */
final class SyllabusStore {
    record Module(long id, String name, String topic, List<String> owners, List<PersonId> ownerIds) {
    }

    /** Someone in the guild who offers to teach a topic with /teach. */
    record Teacher(PersonId person, String name, String topic, boolean member) {
    }

    private final Handle handle;

    SyllabusStore(Handle handle) {
        this.handle = handle;
    }

    long insert(long guildId, String name, String topic, PersonId creator, Instant now) {
        return handle.createQuery("""
                        INSERT INTO syllabus_module (guild_id, name, topic, created_by, created_at)
                        VALUES (:guild, :name, :topic, :creator, :now) RETURNING id""")
                .bind("guild", guildId).bind("name", name).bind("topic", topic).bind("creator", creator)
                .bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<Module> byTopic(long guildId, String topic) {
        return modules(guildId).stream().filter(m -> m.topic().equals(topic)).findFirst();
    }

    private record OwnerRow(long id, String name, String topic, PersonId owner, String ownerName) {
    }

    List<Module> modules(long guildId) {
        List<OwnerRow> rows = handle.createQuery("""
                        SELECT s.id, s.name, s.topic, o.person_id AS owner_id, p.display_name AS owner_name
                        FROM syllabus_module s
                        LEFT JOIN module_owner o ON o.module_id = s.id
                        LEFT JOIN person p ON p.id = o.person_id
                        WHERE s.guild_id = :guild
                        ORDER BY lower(s.name), s.id, o.since, o.person_id""")
                .bind("guild", guildId)
                .mapTo(OwnerRow.class).list();
        Map<Long, Module> modules = new LinkedHashMap<>();
        for (OwnerRow row : rows) {
            Module module = modules.computeIfAbsent(row.id(), id -> new Module(id, row.name(), row.topic(),
                    new ArrayList<>(), new ArrayList<>()));
            if (row.owner() != null) {
                module.owners().add(row.ownerName());
                module.ownerIds().add(row.owner());
            }
        }
        return List.copyOf(modules.values());
    }

    void addOwner(long moduleId, PersonId person, Instant now) {
        handle.createUpdate("INSERT INTO module_owner (module_id, person_id, since) VALUES (:module, :person, :now)")
                .bind("module", moduleId).bind("person", person).bind("now", now).execute();
    }

    void removeOwner(long moduleId, PersonId person) {
        handle.createUpdate("DELETE FROM module_owner WHERE module_id = :module AND person_id = :person")
                .bind("module", moduleId).bind("person", person).execute();
    }

    void delete(long moduleId) {
        handle.createUpdate("DELETE FROM module_owner WHERE module_id = :module").bind("module", moduleId).execute();
        handle.createUpdate("DELETE FROM syllabus_module WHERE id = :module").bind("module", moduleId).execute();
    }

    /** Everyone with an active /teach offer, members of the guild first. */
    List<Teacher> teachers(long guildId) {
        return handle.createQuery("""
                        SELECT o.teacher_id AS person_id, p.display_name AS name, o.topic,
                               EXISTS (SELECT 1 FROM guild_member m WHERE m.guild_id = :guild
                                       AND m.person_id = o.teacher_id) AS member
                        FROM teaching_offer o JOIN person p ON p.id = o.teacher_id
                        WHERE o.stopped_at IS NULL
                        ORDER BY member DESC, lower(p.display_name)""")
                .bind("guild", guildId)
                .mapTo(Teacher.class).list();
    }
}
