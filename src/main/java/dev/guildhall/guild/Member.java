package dev.guildhall.guild;

import dev.guildhall.core.PersonId;

/** Someone in a guild; {@code notify} is whether they get announcements and reminders by DM. */
record Member(PersonId person, String displayName, Role role, boolean wantsDms) {

    boolean isLead() {
        return role == Role.LEAD;
    }
}
