package dev.guildhall.programme;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.programme.ProgrammeStore.SlotTime;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A cohort slot's reminders, like a meetup's: 24 h and 1 h before, each a due task that runs once, DMing the
 * presenter and the cohort's members as they are when it is sent. A reminder whose time has passed is not planned.
 */
final class SlotReminders {
    static final String DAY_BEFORE = "programme.slot.24h";
    static final String HOUR_BEFORE = "programme.slot.1h";
    /** A module starts at this time of day unless a lead moves it. */
    static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    private SlotReminders() {
    }

    /** Module n (from 1) starts on the cohort's start date + (n − 1) days, at the default time in the lead's zone. */
    static Instant defaultStart(LocalDate cohortStart, int position, ZoneId leadZone) {
        return cohortStart.plusDays(position - 1L).atTime(DEFAULT_START).atZone(leadZone).toInstant();
    }

    static void schedule(DueTasks tasks, long slotTimeId, Instant startsAt, Instant now) {
        for (Reminder reminder : Reminder.values()) {
            Instant due = startsAt.minus(reminder.before);
            if (due.isAfter(now)) {
                tasks.schedule(reminder.kind, slotTimeId, due);
            }
        }
    }

    static void send(Reminder reminder, long slotTimeId, UnitOfWork work, Syllabus syllabus, MentorRequests mentors) {
        CheckFlow flow = new CheckFlow(work, syllabus, mentors);
        flow.store.slotTime(slotTimeId)
                .filter(slot -> work.now().isBefore(slot.startsAt()))
                .ifPresent(slot -> remind(flow, reminder, slot));
    }

    private static void remind(CheckFlow flow, Reminder reminder, SlotTime slot) {
        ProgrammeStore.Cohort cohort = flow.store.cohort(slot.cohortId()).orElseThrow();
        ProgrammeStore.Programme programme = flow.store.programme(cohort.programmeId()).orElseThrow();
        Syllabus.Module module = flow.module(slot.moduleId());
        Set<PersonId> people = new LinkedHashSet<>();
        Optional<PersonId> presenter = flow.store.presenter(slot.cohortId(), slot.moduleId());
        presenter.ifPresent(people::add);
        people.addAll(flow.store.members(slot.cohortId()));
        for (PersonId person : people) {
            ZoneId zone = flow.people.zoneOf(person).orElse(ZoneId.of("UTC"));
            boolean presents = presenter.filter(person::equals).isPresent();
            flow.outbox.sendDirect(person, Message.text(reminder.lead + ": *" + module.name() + "* — *"
                    + programme.title() + "*, " + when(slot.startsAt(), zone))
                    .withContext(presents ? "You present it: /session start \"" + module.name() + "\" --module \""
                            + module.name() + "\" runs it, and its check goes out when it ends."
                            : "Cohort starting " + cohort.startsOn() + " · /programme me shows your map"));
        }
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    enum Reminder {
        DAY(DAY_BEFORE, Duration.ofHours(24), "⏰ 24-hour reminder"),
        HOUR(HOUR_BEFORE, Duration.ofHours(1), "⏰ 1-hour reminder");

        final String kind;
        final Duration before;
        final String lead;

        Reminder(String kind, Duration before, String lead) {
            this.kind = kind;
            this.before = before;
            this.lead = lead;
        }
    }
}
