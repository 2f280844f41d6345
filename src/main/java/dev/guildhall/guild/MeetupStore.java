package dev.guildhall.guild;

import dev.guildhall.core.PersonId;
import dev.guildhall.time.Recurrence;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Meetups, RSVPs and talk proposals, inside one transaction. */
final class MeetupStore {
    /** A meetup's columns named as {@link Meetup}'s components. */
    private static final String MEETUP = """
            SELECT id, guild_id, title, starts_at, time_zone AS zone, recurrence, speaker_id, talk_title, status,
                   created_by, skip_noted_at IS NOT NULL AS skip_noted
            FROM meetup""";

    record Rsvps(int going, int notGoing) {
    }

    record Talk(long id, long guildId, PersonId speaker, String title, String status, Optional<Long> meetupId) {
    }

    private final Handle handle;

    MeetupStore(Handle handle) {
        this.handle = handle;
    }

    long insert(long guildId, String title, Instant startsAt, ZoneId zone, Optional<Recurrence> recurrence,
                Long seriesId, Optional<PersonId> speaker, Optional<String> talkTitle, PersonId creator, Instant now) {
        return handle.createQuery("""
                        INSERT INTO meetup (guild_id, title, starts_at, time_zone, recurrence, series_id, speaker_id,
                                            talk_title, status, created_by, created_at)
                        VALUES (:guild, :title, :startsAt, :zone, :recurrence, :series, :speaker, :talk, 'SCHEDULED',
                                :creator, :now) RETURNING id""")
                .bind("guild", guildId).bind("title", title).bind("startsAt", startsAt).bind("zone", zone.getId())
                .bindByType("recurrence", recurrence.map(Recurrence::rrule).orElse(null), String.class)
                .bindByType("series", seriesId, Long.class)
                .bindByType("speaker", speaker.orElse(null), PersonId.class)
                .bindByType("talk", talkTitle.orElse(null), String.class)
                .bind("creator", creator).bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<Meetup> byId(long id) {
        return handle.createQuery(MEETUP + " WHERE id = :id").bind("id", id).mapTo(Meetup.class).findOne();
    }

    Optional<Meetup> next(long guildId, Instant now) {
        return upcoming(guildId, now).stream().findFirst();
    }

    List<Meetup> upcoming(long guildId, Instant now) {
        return handle.createQuery(MEETUP + """
                         WHERE guild_id = :guild AND status = 'SCHEDULED' AND starts_at > :now
                        ORDER BY starts_at, id""")
                .bind("guild", guildId).bind("now", now).mapTo(Meetup.class).list();
    }

    void cancel(long id, Instant now) {
        handle.createUpdate("UPDATE meetup SET status = 'CANCELLED', cancelled_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute();
    }

    void move(long id, Instant startsAt) {
        handle.createUpdate("UPDATE meetup SET starts_at = :startsAt, skip_noted_at = NULL WHERE id = :id")
                .bind("startsAt", startsAt).bind("id", id).execute();
    }

    void retitle(long id, String title) {
        handle.createUpdate("UPDATE meetup SET title = :title WHERE id = :id").bind("title", title).bind("id", id)
                .execute();
    }

    /** A meetup under way whose series is stopped: it still happens, and plans no next one when it starts. */
    void stopRepeating(long id) {
        handle.createUpdate("UPDATE meetup SET recurrence = NULL WHERE id = :id").bind("id", id).execute();
    }

    /** The meetup and every later one of its series (each occurrence names the one it followed), oldest first. */
    List<Meetup> seriesFrom(long id) {
        return handle.createQuery("""
                        WITH RECURSIVE later (id) AS (
                            SELECT id FROM meetup WHERE id = :id
                            UNION SELECT m.id FROM meetup m JOIN later ON m.series_id = later.id)
                        """ + MEETUP + " WHERE id IN (SELECT id FROM later) ORDER BY starts_at, id")
                .bind("id", id).mapTo(Meetup.class).list();
    }

    /** Who said they're going (and the speaker): the people an edit to the meetup concerns. */
    List<PersonId> going(Meetup meetup) {
        List<PersonId> people = handle.createQuery("""
                        SELECT person_id FROM meetup_rsvp WHERE meetup_id = :meetup AND answer = 'GOING'
                        ORDER BY answered_at, person_id""")
                .bind("meetup", meetup.id()).mapTo(PersonId.class).list();
        if (meetup.speaker().isPresent() && !people.contains(meetup.speaker().get())) {
            return java.util.stream.Stream.concat(people.stream(), meetup.speaker().stream()).toList();
        }
        return people;
    }

    void setSpeaker(long id, PersonId speaker, String talkTitle) {
        handle.createUpdate("UPDATE meetup SET speaker_id = :speaker, talk_title = :talk WHERE id = :id")
                .bind("speaker", speaker).bind("talk", talkTitle).bind("id", id).execute();
    }

    /** @return whether this call was the first to note skipped reminders */
    boolean noteSkipped(long id, Instant now) {
        return handle.createUpdate("UPDATE meetup SET skip_noted_at = :now WHERE id = :id AND skip_noted_at IS NULL")
                .bind("now", now).bind("id", id).execute() == 1;
    }

    void rsvp(long meetupId, PersonId person, boolean going, Instant now) {
        handle.createUpdate("""
                        INSERT INTO meetup_rsvp (meetup_id, person_id, answer, answered_at)
                        VALUES (:meetup, :person, :answer, :now)
                        ON CONFLICT (meetup_id, person_id) DO UPDATE SET answer = excluded.answer,
                            answered_at = excluded.answered_at""")
                .bind("meetup", meetupId).bind("person", person)
                .bind("answer", going ? "GOING" : "NOT_GOING").bind("now", now)
                .execute();
    }

    Rsvps rsvps(long meetupId) {
        return handle.createQuery("""
                        SELECT COALESCE(SUM(CASE answer WHEN 'GOING' THEN 1 ELSE 0 END), 0) AS going,
                               COALESCE(SUM(CASE answer WHEN 'NOT_GOING' THEN 1 ELSE 0 END), 0) AS not_going
                        FROM meetup_rsvp WHERE meetup_id = :meetup""")
                .bind("meetup", meetupId)
                .mapTo(Rsvps.class).one();
    }

    /**
     * Who a reminder goes to: members who want DMs and haven't said they won't come, anyone who said they're going,
     * and the speaker.
     */
    List<PersonId> reminded(Meetup meetup) {
        List<PersonId> people = handle.createQuery("""
                        SELECT m.person_id FROM guild_member m
                        WHERE m.guild_id = :guild
                          AND ((m.notify = 1 AND NOT EXISTS (SELECT 1 FROM meetup_rsvp r WHERE r.meetup_id = :meetup
                                    AND r.person_id = m.person_id AND r.answer = 'NOT_GOING'))
                               OR EXISTS (SELECT 1 FROM meetup_rsvp r WHERE r.meetup_id = :meetup
                                    AND r.person_id = m.person_id AND r.answer = 'GOING'))
                        ORDER BY m.joined_at, m.person_id""")
                .bind("guild", meetup.guildId()).bind("meetup", meetup.id())
                .mapTo(PersonId.class).list();
        if (meetup.speaker().isPresent() && !people.contains(meetup.speaker().get())) {
            return java.util.stream.Stream.concat(people.stream(), meetup.speaker().stream()).toList();
        }
        return people;
    }

    long insertTalk(long guildId, PersonId speaker, String title, Instant now) {
        return handle.createQuery("""
                        INSERT INTO talk_proposal (guild_id, speaker_id, title, status, created_at)
                        VALUES (:guild, :speaker, :title, 'PROPOSED', :now) RETURNING id""")
                .bind("guild", guildId).bind("speaker", speaker).bind("title", title).bind("now", now)
                .mapTo(Long.class).one();
    }

    /** The speaker's own talk of that title (case aside) still proposed, or scheduled into a meetup ahead. */
    Optional<Talk> openTalkTitled(long guildId, PersonId speaker, String title) {
        return handle.createQuery("""
                        SELECT t.* FROM talk_proposal t LEFT JOIN meetup m ON m.id = t.meetup_id
                        WHERE t.guild_id = :guild AND t.speaker_id = :speaker AND lower(t.title) = lower(:title)
                          AND (t.status = 'PROPOSED' OR m.status = 'SCHEDULED')
                        ORDER BY t.id LIMIT 1""")
                .bind("guild", guildId).bind("speaker", speaker).bind("title", title)
                .mapTo(Talk.class).findOne();
    }

    Optional<Talk> talk(long id) {
        return handle.createQuery("SELECT * FROM talk_proposal WHERE id = :id").bind("id", id)
                .mapTo(Talk.class).findOne();
    }

    List<Talk> proposedTalks(long guildId) {
        return handle.createQuery("""
                        SELECT * FROM talk_proposal WHERE guild_id = :guild AND status = 'PROPOSED'
                        ORDER BY created_at, id""")
                .bind("guild", guildId)
                .mapTo(Talk.class).list();
    }

    /** A cancelled meetup's talk goes back to the proposals, so a lead can put it into another one. */
    int unscheduleTalks(long meetupId) {
        return handle.createUpdate("UPDATE talk_proposal SET status = 'PROPOSED', meetup_id = NULL WHERE meetup_id = :m")
                .bind("m", meetupId).execute();
    }

    void scheduleTalk(long talkId, long meetupId) {
        handle.createUpdate("UPDATE talk_proposal SET status = 'SCHEDULED', meetup_id = :meetup WHERE id = :id")
                .bind("meetup", meetupId).bind("id", talkId).execute();
    }
}
