package dev.guildhall.insights;

import dev.guildhall.core.PersonId;

import java.util.Map;

/**
 * How far a guild's (or every guild's) broadcasts go. Attendance is not recorded anywhere in Guildhall — only
 * RSVPs — so it is not a number here.
 *
 * @param rsvpGoing        "going" answers to meetups that have started
 * @param talksBySpeaker   talks on meetups that were not cancelled, per speaker
 */
record Reach(int members, int announcements, int deliveries, int delivered, int failed, int pastMeetups,
             int rsvpGoing, Map<PersonId, Integer> talksBySpeaker) {

    int talks() {
        return talksBySpeaker.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The fewest speakers who gave at least half of the talks: how many people the talks depend on. */
    int busFactor() {
        int half = (talks() + 1) / 2;
        int covered = 0;
        int speakers = 0;
        for (int count : talksBySpeaker.values().stream().sorted(java.util.Comparator.reverseOrder()).toList()) {
            if (covered >= half) {
                break;
            }
            covered += count;
            speakers++;
        }
        return speakers;
    }
}
