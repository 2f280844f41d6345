package dev.guildhall.people;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Mentions;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everyone the bot has seen, with the name and time zone their platform last gave. */
public final class People {
    private final Handle handle;

    public People(Handle handle) {
        this.handle = handle;
    }

    /**
     * "Last seen" is kept to this grain: a caller's every command would otherwise rewrite their row (and a page of
     * the database) with nothing new in it.
     */
    static final Duration SEEN_GRAIN = Duration.ofHours(1);

    /** Records a person as seen now (to the hour); a time zone the platform did not send keeps the one known before. */
    public void remember(Person person, Instant now) {
        handle.createUpdate("""
                        INSERT INTO person (id, display_name, time_zone, first_seen_at, last_seen_at)
                        VALUES (:id, :name, :zone, :now, :now)
                        ON CONFLICT (id) DO UPDATE SET
                            display_name = excluded.display_name,
                            time_zone = COALESCE(excluded.time_zone, person.time_zone),
                            last_seen_at = excluded.last_seen_at
                        WHERE person.display_name IS DISTINCT FROM excluded.display_name
                           OR (excluded.time_zone IS NOT NULL AND person.time_zone IS DISTINCT FROM excluded.time_zone)
                           OR person.last_seen_at < excluded.last_seen_at - :seenGrain""")
                .bind("id", person.id().value())
                .bind("name", person.displayName())
                .bindByType("zone", person.timeZone().map(ZoneId::getId).orElse(null), String.class)
                .bind("now", now)
                .bind("seenGrain", SEEN_GRAIN.toMillis())
                .execute();
    }

    public Optional<Person> find(PersonId id) {
        return handle.createQuery("SELECT id, display_name, time_zone FROM person WHERE id = :id")
                .bind("id", id).mapTo(Person.class).findOne();
    }

    /**
     * The person a mention names, among people the bot has seen: by id, or by display name within the mention's
     * workspace when exactly one person there has that name.
     */
    public Optional<Person> resolve(Mentions.Mention mention) {
        if (mention instanceof Mentions.ById byId) {
            return find(byId.id());
        }
        List<String> ids = named((Mentions.ByName) mention);
        return ids.size() == 1 ? find(new PersonId(ids.get(0))) : Optional.empty();
    }

    /** A person named in a command, who must be someone the bot has met; anything else is a friendly refusal. */
    public Person mentioned(PersonId caller, String written, String usage) {
        Mentions.Mention mention = Mentions.person(caller, written).orElseThrow(() -> new UsageException(
                "\"" + written + "\" isn't a person I can recognise. Mention them with @, like @bob. " + usage));
        return resolve(mention).orElseThrow(() -> new UsageException(isAmbiguous(mention)
                ? "Several people I know are called " + mention.shown() + ". Pick the one you mean from the list as"
                + " you type @, so your chat app links the name."
                : "I don't know " + mention.shown() + " yet — ask them to say hi to Guildhall first (any command will"
                + " do, like /guild list)."));
    }

    /** Whether a name fits several people, so the one who wrote it can be asked to mention them properly. */
    public boolean isAmbiguous(Mentions.Mention mention) {
        return mention instanceof Mentions.ByName byName && named(byName).size() > 1;
    }

    private List<String> named(Mentions.ByName byName) {
        return handle.createQuery("""
                        SELECT id FROM person WHERE id LIKE :prefix AND lower(display_name) = lower(:name)
                        ORDER BY last_seen_at DESC LIMIT 2""")
                .bind("prefix", byName.workspace() + ":%")
                .bind("name", byName.name())
                .mapTo(String.class)
                .list();
    }

    /** Everyone of {@code ids} the bot has seen, in one query, by id (whoever it hasn't seen is left out). */
    public Map<PersonId, Person> findAll(Collection<PersonId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<PersonId, Person> found = new HashMap<>();
        handle.createQuery("SELECT id, display_name, time_zone FROM person WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(PersonId::value).distinct().toList())
                .mapTo(Person.class)
                .forEach(person -> found.put(person.id(), person));
        return found;
    }

    /** The names of {@code ids} in one query; whoever the bot hasn't seen is named by their id's local part. */
    public Map<PersonId, String> namesOf(Collection<PersonId> ids) {
        Map<PersonId, Person> found = findAll(ids);
        Map<PersonId, String> names = new HashMap<>();
        ids.forEach(id -> names.put(id, nameOf(found, id)));
        return names;
    }

    /** A name from people found before with {@link #findAll}, like {@link #nameOf(PersonId)} without a query. */
    public static String nameOf(Map<PersonId, Person> found, PersonId id) {
        Person person = found.get(id);
        return person == null ? id.localPart() : person.displayName();
    }

    /** A zone from people found before with {@link #findAll}, like {@link #zoneOf(PersonId)} without a query. */
    public static Optional<ZoneId> zoneOf(Map<PersonId, Person> found, PersonId id) {
        Person person = found.get(id);
        return person == null ? Optional.empty() : person.timeZone();
    }

    public String nameOf(PersonId id) {
        return find(id).map(Person::displayName).orElse(id.localPart());
    }

    public Optional<ZoneId> zoneOf(PersonId id) {
        return find(id).flatMap(Person::timeZone);
    }

    public static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
