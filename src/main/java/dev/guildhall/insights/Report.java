package dev.guildhall.insights;

import dev.guildhall.core.PersonId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one insights view shows, computed from a {@link History} for a {@link Scope}. */
record Report(Scope scope, Instant at, List<TopicDemand> demand, Matching matching, List<Graduate> graduates,
              Map<String, List<Edge>> lineage, Reach reach, List<SessionConfusion> confusion,
              List<String> suggestions) {

    /** @param finishedBy learners who finished the topic here: the first people to ask to teach it */
    record TopicDemand(String topic, int waiting, int teachers, Duration longestWait, List<String> finishedBy) {
        boolean unmet() {
            return teachers == 0;
        }
    }

    /** @param matched when each matched ticket found its teacher, and how long it had waited */
    record Matching(List<Matched> matched, int proposalsAccepted, int proposalsAnswered,
                    Map<String, Integer> matchesPerTeacher, List<LeftOut> leftOut) {
        Optional<Duration> median() {
            return Stats.median(matched.stream().map(Matched::waited).toList());
        }

        Optional<Duration> p90() {
            return Stats.percentile(matched.stream().map(Matched::waited).toList(), 0.9);
        }
    }

    record Matched(Instant at, Duration waited) {
    }

    record LeftOut(long ticketId, PersonId learner, String topic, Duration waited) {
    }

    record Graduate(String name, String topic, Optional<String> learnedFrom) {
    }

    /** Who taught whom on a topic. */
    record Edge(String teacher, String learner) {
    }

    /** One live session, as anonymous counts. */
    record SessionConfusion(String title, Instant startedAt, long minutes, int flags, int questions,
                            int learnTicketsAfter) {
        double flagsPerMinute() {
            return minutes == 0 ? flags : (double) flags / minutes;
        }
    }

    int unmetWaiting() {
        return demand.stream().filter(TopicDemand::unmet).mapToInt(TopicDemand::waiting).sum();
    }
}
