package dev.guildhall.admin;

import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.FreeText;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.PersonalData.PersonColumn;
import dev.guildhall.command.Registry;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Erases a person, table by table as each capability declared it ({@link PersonalData}): rows only about them go,
 * rows that count towards anonymous figures stay under a fresh tombstone id ({@code forgotten:<random>}, one per
 * erasure), text they wrote is blanked, and whole mentions of them in other people's text become "@someone".
 * Nothing else changes. Before that, each capability settles what they leave behind ({@code ForgettingStep}).
 */
final class Forgetting {
    static final String TOMBSTONE_PLATFORM = "forgotten";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Registry registry;
    private final UnitOfWork work;
    private final Handle handle;

    Forgetting(Registry registry, UnitOfWork work) {
        this.registry = registry;
        this.work = work;
        this.handle = work.handle();
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
                .bind("id", tombstone.value()).bind("name", "someone who asked to be forgotten")
                .bind("now", work.now()).execute();
        List<String> ids = new ArrayList<>(List.of(person.value()));
        ids.addAll(aliases(person));
        Mentioned mentioned = new Mentioned(person, tombstone, ids, Mentioned.namesOf(person, displayName));
        registry.forgettingSteps().forEach(step -> step.forgetting(person, work));
        int changed = 0;
        PersonalData people = null;
        for (PersonalData table : registry.personalData()) {
            if (table.table().equals("person")) {
                people = table;
                continue;
            }
            changed += rewrite(table, person, tombstone, mentioned);
        }
        if (people != null) {
            changed += rewrite(people, person, tombstone, mentioned);
        }
        return new Result(tombstone, changed);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Their other ids on a platform (a Teams user id), which stored platform data may name them by. */
    private List<String> aliases(PersonId person) {
        List<String> aliases = new ArrayList<>();
        for (PersonalData table : registry.personalData()) {
            table.columns().forEach((name, column) -> {
                if (column instanceof PersonColumn personColumn) {
                    for (String alias : personColumn.aliases()) {
                        handle.createQuery("SELECT " + alias + " FROM " + table.table() + " WHERE " + name + " = :id")
                                .bind("id", person.value()).mapTo(String.class).forEach(value -> {
                                    if (value != null && !value.isBlank() && !aliases.contains(value)) {
                                        aliases.add(value);
                                    }
                                });
                    }
                }
            });
        }
        return aliases;
    }

    private int rewrite(PersonalData table, PersonId person, PersonId tombstone, Mentioned mentioned) {
        int changed = 0;
        for (Map.Entry<String, PersonalData.Column> entry : table.columns().entrySet()) {
            if (entry.getValue() instanceof PersonColumn column) {
                changed += column.onForget() == OnForget.DELETE_ROW
                        ? handle.createUpdate("DELETE FROM " + table.table() + " WHERE " + entry.getKey() + " = :id")
                        .bind("id", person.value()).execute()
                        : blankAndTombstone(table, entry.getKey(), person, tombstone);
            }
        }
        for (Map.Entry<String, PersonalData.Column> entry : table.columns().entrySet()) {
            if (entry.getValue() instanceof FreeText text) {
                changed += scrub(table.table(), entry.getKey(), text.json(), mentioned);
            }
        }
        return changed;
    }

    private int blankAndTombstone(PersonalData table, String personColumn, PersonId person, PersonId tombstone) {
        int changed = 0;
        for (Map.Entry<String, PersonalData.Column> entry : table.columns().entrySet()) {
            if (entry.getValue() instanceof FreeText text && text.writtenBy().filter(personColumn::equals).isPresent()) {
                handle.createUpdate("UPDATE " + table.table() + " SET " + entry.getKey() + " = :blank WHERE "
                                + personColumn + " = :id")
                        .bindByType("blank", text.blank(), String.class).bind("id", person.value()).execute();
            }
        }
        changed += handle.createUpdate("UPDATE " + table.table() + " SET " + personColumn + " = :tombstone WHERE "
                        + personColumn + " = :id")
                .bind("tombstone", tombstone.value()).bind("id", person.value()).execute();
        return changed;
    }

    /** Rows that may mention them are read, rewritten in Java, and written back only where a mention was found. */
    private int scrub(String table, String column, boolean json, Mentioned mentioned) {
        List<String> hints = mentioned.hints();
        String filter = hints.stream().map(hint -> column + " LIKE :hint" + hints.indexOf(hint))
                .collect(Collectors.joining(" OR "));
        var query = handle.createQuery("SELECT DISTINCT " + column + " FROM " + table + " WHERE " + filter);
        for (int i = 0; i < hints.size(); i++) {
            query.bind("hint" + i, "%" + hints.get(i) + "%");
        }
        int changed = 0;
        for (String value : query.mapTo(String.class).list()) {
            Optional<String> scrubbed = json ? mentioned.inJson(value)
                    : Optional.of(mentioned.inText(value)).filter(text -> !text.equals(value));
            if (scrubbed.isPresent()) {
                changed += handle.createUpdate("UPDATE " + table + " SET " + column + " = :scrubbed WHERE " + column
                                + " = :value")
                        .bind("scrubbed", scrubbed.get()).bind("value", value).execute();
            }
        }
        return changed;
    }
}
