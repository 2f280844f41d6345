package dev.guildhall.insights;

import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.People;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The digest a guild's leads get every Monday at 09:00 in their own time zone: three numbers and one suggestion.
 * Each lead has one row and one chain of due tasks; a lead who stops leading (or turns it off) gets no more.
 */
final class WeeklyDigest {
    static final String TASK = "insights.digest";
    static final DayOfWeek DAY = DayOfWeek.MONDAY;
    static final LocalTime TIME = LocalTime.of(9, 0);

    private final InsightsView view;

    WeeklyDigest(InsightsView view) {
        this.view = view;
    }

    /** The next Monday 09:00 in {@code zone} strictly after {@code now}. */
    static Instant next(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(DAY)).with(TIME);
        if (!candidate.isAfter(local)) {
            candidate = candidate.plusWeeks(1).with(TIME);
        }
        return candidate.toInstant();
    }

    /** Every lead of the guild gets the digest unless they already have a row (on, or turned off). */
    static void enrolLeads(UnitOfWork work, Guild guild) {
        InsightsStore store = new InsightsStore(work.handle());
        for (PersonId lead : store.leads(guild.id())) {
            // Replicas starting together may enrol the same lead: only the one whose row went in schedules.
            store.insertDigestUnlessPresent(guild.id(), lead, work.now()).ifPresent(id ->
                    new DueTasks(work).schedule(TASK, id, next(work.now(), zoneOf(work, lead, guild))));
        }
    }

    /** @return whether anything changed */
    static boolean set(UnitOfWork work, Guild guild, PersonId lead, boolean on) {
        InsightsStore store = new InsightsStore(work.handle());
        Optional<InsightsStore.Digest> digest = store.digest(guild.id(), lead);
        if (digest.isPresent() && digest.get().stopped() != on) {
            return false;
        }
        long id = digest.map(InsightsStore.Digest::id).orElseGet(() -> store.insertDigest(guild.id(), lead, work.now()));
        DueTasks tasks = new DueTasks(work);
        tasks.cancel(TASK, id);
        store.setDigestStopped(id, on ? null : work.now());
        if (on) {
            tasks.schedule(TASK, id, next(work.now(), zoneOf(work, lead, guild)));
        }
        return true;
    }

    void run(long digestId, UnitOfWork work) {
        InsightsStore store = new InsightsStore(work.handle());
        Optional<InsightsStore.Digest> digest = store.digest(digestId);
        if (digest.isEmpty() || digest.get().stopped() || !store.isLead(digest.get().guildId(), digest.get().lead())) {
            return;
        }
        Optional<Guild> guild = view.guilds().find(work, digest.get().guildId());
        if (guild.isEmpty()) {
            return;
        }
        Report report = view.guildReport(work, guild.get());
        new Outbox(work).sendDirect(digest.get().lead(), InsightsMessages.digest(report, guild.get().slug()));
        store.markDigestSent(digestId, work.now());
        new DueTasks(work).schedule(TASK, digestId, next(work.now(), zoneOf(work, digest.get().lead(), guild.get())));
    }

    /** The lead's own zone, else the guild's, else UTC. */
    static ZoneId zoneOf(UnitOfWork work, PersonId lead, Guild guild) {
        return new People(work.handle()).zoneOf(lead).or(guild::timeZone).orElse(ZoneOffset.UTC);
    }
}
