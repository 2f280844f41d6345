package dev.guildhall.guild;

/** What a person is in a guild: leads run it (announce, meetups, other leads), members take part. */
enum Role { LEAD, MEMBER }
