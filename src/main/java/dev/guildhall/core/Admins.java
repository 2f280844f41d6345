package dev.guildhall.core;


import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The people who run this Guildhall ({@code GUILDHALL_ADMINS}): they see org-wide views no guild lead does. */
public record Admins(Set<PersonId> people) {
    public Admins {
        people = Set.copyOf(people);
    }

    public static Admins none() {
        return new Admins(Set.of());
    }

    /**
     * Comma-separated platform-qualified ids, like {@code slack:T123:U456,console:alice}.
     *
     * @throws IllegalArgumentException naming the first id that is not one
     */
    public static Admins parse(String commaSeparated) {
        Set<PersonId> people = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .forEach(id -> people.add(new PersonId(id)));
        return new Admins(people);
    }

    public boolean includes(PersonId person) {
        return people.contains(person);
    }
}
