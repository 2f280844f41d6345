package dev.guildhall.admin;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.PersonId;

import java.util.Set;

/** Who may run {@code /guildhall admin …}: the platform-qualified ids listed in {@code GUILDHALL_ADMINS}. */
public record Admins(Set<PersonId> ids) {
    public Admins {
        ids = Set.copyOf(ids);
    }

    public boolean includes(PersonId person) {
        return ids.contains(person);
    }

    /** Refuses, changing nothing, unless {@code person} is an admin. */
    public void require(PersonId person) {
        if (!includes(person)) {
            throw new UsageException("Only Guildhall admins can do that. Admins are listed by id in GUILDHALL_ADMINS;"
                    + " yours is " + person.value() + ". Try /guildhall help for what everyone can use.");
        }
    }
}
