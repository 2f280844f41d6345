package dev.guildhall.insights;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.PersonId;
import dev.guildhall.insights.History.MatchRow;
import dev.guildhall.insights.History.OfferRow;
import dev.guildhall.insights.History.SessionRow;
import dev.guildhall.insights.History.TicketRow;
import dev.guildhall.insights.Report.Edge;
import dev.guildhall.insights.Report.Graduate;
import dev.guildhall.insights.Report.LeftOut;
import dev.guildhall.insights.Report.Matched;
import dev.guildhall.insights.Report.Matching;
import dev.guildhall.insights.Report.SessionConfusion;
import dev.guildhall.insights.Report.TopicDemand;
import dev.guildhall.topic.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the history into the numbers leads act on. Pure: no database, no clock but {@code now}. */
final class Insights {
    static final Duration LEFT_OUT_AFTER = Duration.ofDays(7);
    /** Tickets opened this long after a live session ended, on its topic, count as its questions turned demand. */
    static final Duration DEMAND_AFTER_SESSION = Duration.ofDays(7);
    private static final int NAMES_SUGGESTED = 3;

    private final Topics topics;

    Insights(Topics topics) {
        this.topics = topics;
    }

    Report compute(History history, Reach reach, Scope scope, Instant now) {
        List<TicketRow> tickets = history.tickets().stream().filter(scope::includes).toList();
        Map<Long, TicketRow> ticketById = tickets.stream()
                .collect(Collectors.toMap(TicketRow::id, Function.identity()));
        List<MatchRow> matches = history.matches().stream().filter(m -> ticketById.containsKey(m.ticketId())).toList();
        List<TopicDemand> demand = demand(history, tickets, now);
        Matching matching = matching(history, tickets, matches, now);
        List<Graduate> graduates = graduates(history, ticketById);
        Map<String, List<Edge>> lineage = lineage(history, matches, graduates);
        List<SessionConfusion> confusion = confusion(history, scope, now);
        Report draft = new Report(scope, now, demand, matching, graduates, lineage, reach, confusion, List.of());
        return new Report(scope, now, demand, matching, graduates, lineage, reach, confusion, suggestions(draft));
    }

    private static List<TopicDemand> demand(History history, List<TicketRow> tickets, Instant now) {
        Map<String, List<TicketRow>> waiting = tickets.stream().filter(TicketRow::isWaiting)
                .collect(Collectors.groupingBy(TicketRow::topic, LinkedHashMap::new, Collectors.toList()));
        List<TopicDemand> demand = new ArrayList<>();
        waiting.forEach((topic, open) -> {
            int teachers = (int) history.offers().stream()
                    .filter(o -> o.active() && o.topic().equals(topic)).map(OfferRow::teacher).distinct().count();
            Instant oldest = open.stream().map(TicketRow::createdAt).min(Comparator.naturalOrder()).orElse(now);
            Set<PersonId> teaching = history.offers().stream().filter(o -> o.topic().equals(topic) && o.active())
                    .map(OfferRow::teacher).collect(Collectors.toSet());
            List<String> finished = history.tickets().stream()
                    .filter(t -> t.topic().equals(topic) && t.status().equals("DONE")
                            && !teaching.contains(t.learner()))
                    .map(t -> history.name(t.learner())).distinct().sorted().toList();
            demand.add(new TopicDemand(topic, open.size(), teachers, Duration.between(oldest, now), finished));
        });
        demand.sort(Comparator.comparingInt(TopicDemand::waiting).reversed().thenComparing(TopicDemand::topic));
        return demand;
    }

    private static Matching matching(History history, List<TicketRow> tickets, List<MatchRow> matches, Instant now) {
        Map<Long, TicketRow> byId = tickets.stream().collect(Collectors.toMap(TicketRow::id, Function.identity()));
        Map<Long, Instant> firstAccepted = new LinkedHashMap<>();
        matches.stream().filter(MatchRow::accepted)
                .forEach(m -> firstAccepted.merge(m.ticketId(), m.answeredAt().orElseThrow(),
                        (a, b) -> a.isBefore(b) ? a : b));
        List<Matched> matched = firstAccepted.entrySet().stream()
                .map(e -> new Matched(e.getValue(), Duration.between(byId.get(e.getKey()).createdAt(), e.getValue())))
                .sorted(Comparator.comparing(Matched::at)).toList();
        List<MatchRow> proposals = matches.stream().filter(MatchRow::proposal).toList();
        int accepted = (int) proposals.stream().filter(MatchRow::accepted).count();
        int answered = accepted + (int) proposals.stream().filter(MatchRow::refused).count();
        Map<String, Integer> perTeacher = new LinkedHashMap<>();
        matches.stream().filter(MatchRow::accepted)
                .collect(Collectors.groupingBy(m -> history.name(m.teacher()), Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> perTeacher.put(e.getKey(), e.getValue().intValue()));
        List<LeftOut> leftOut = tickets.stream()
                .filter(t -> (t.status().equals("WAITING") || t.status().equals("PROPOSED"))
                        && !firstAccepted.containsKey(t.id())
                        && Duration.between(t.createdAt(), now).compareTo(LEFT_OUT_AFTER) > 0)
                .map(t -> new LeftOut(t.id(), t.learner(), t.topic(), Duration.between(t.createdAt(), now)))
                .toList();
        return new Matching(matched, accepted, answered, perTeacher, leftOut);
    }

    private static List<Graduate> graduates(History history, Map<Long, TicketRow> ticketById) {
        List<Graduate> graduates = new ArrayList<>();
        for (OfferRow offer : history.offers()) {
            if (offer.learnedTicketId().isEmpty() || !ticketById.containsKey(offer.learnedTicketId().get())) {
                continue;
            }
            long ticket = offer.learnedTicketId().get();
            Optional<String> teacher = history.matches().stream()
                    .filter(m -> m.ticketId() == ticket && m.accepted()).map(m -> history.name(m.teacher()))
                    .findFirst();
            graduates.add(new Graduate(history.name(offer.teacher()), offer.topic(), teacher));
        }
        return graduates;
    }

    /** For each topic someone graduated in: every pair that learned it here, in the order they were made. */
    private static Map<String, List<Edge>> lineage(History history, List<MatchRow> matches, List<Graduate> graduates) {
        Map<String, List<Edge>> lineage = new LinkedHashMap<>();
        graduates.stream().map(Graduate::topic).distinct().sorted().forEach(topic -> {
            Set<Edge> edges = new LinkedHashSet<>();
            history.matches().stream().filter(m -> m.topic().equals(topic) && m.accepted())
                    .forEach(m -> edges.add(new Edge(history.name(m.teacher()), history.name(m.learner()))));
            lineage.put(topic, List.copyOf(edges));
        });
        return lineage;
    }

    private List<SessionConfusion> confusion(History history, Scope scope, Instant now) {
        List<SessionConfusion> sessions = new ArrayList<>();
        for (SessionRow session : history.sessions()) {
            if (!scope.includes(session)) {
                continue;
            }
            Instant end = session.endedAt().orElse(now);
            Optional<String> topic = topicOf(session.title());
            Instant demandUntil = end.plus(DEMAND_AFTER_SESSION);
            int learnAfter = topic.map(t -> (int) history.tickets().stream()
                    .filter(ticket -> ticket.topic().equals(t) && !ticket.createdAt().isBefore(session.startedAt())
                            && !ticket.createdAt().isAfter(demandUntil))
                    .count()).orElse(0);
            sessions.add(new SessionConfusion(session.title(), session.startedAt(),
                    Duration.between(session.startedAt(), end).toMinutes(), session.flagsRaised().size(),
                    session.questions(), learnAfter));
        }
        sessions.sort(Comparator.comparingInt(SessionConfusion::flags).reversed()
                .thenComparing(SessionConfusion::startedAt));
        return sessions;
    }

    /** The /learn topic a session's title names, as the session's /learn invitation suggests it. */
    private Optional<String> topicOf(String title) {
        try {
            return Optional.of(topics.normalize(title));
        } catch (UsageException e) {
            return Optional.empty();
        }
    }

    private static List<String> suggestions(Report report) {
        List<String> suggestions = new ArrayList<>();
        report.demand().stream().filter(TopicDemand::unmet).limit(3).forEach(d -> {
            String ask = d.finishedBy().isEmpty() ? ""
                    : ", or ask the " + (d.finishedBy().size() == 1 ? "person" : d.finishedBy().size() + " people")
                    + " who finished " + d.topic() + " to teach (" + String.join(", ",
                    d.finishedBy().stream().limit(NAMES_SUGGESTED).toList())
                    + (d.finishedBy().size() > NAMES_SUGGESTED ? ", …" : "") + ")";
            suggestions.add(d.waiting() + (d.waiting() == 1 ? " wants " : " want ") + d.topic()
                    + " and nobody teaches it — propose a talk or announce a call for teachers" + ask + ".");
        });
        Matching matching = report.matching();
        if (!matching.leftOut().isEmpty()) {
            suggestions.add(matching.leftOut().size() + (matching.leftOut().size() == 1 ? " person has" : " people have")
                    + " waited over a week for a teacher (" + matching.leftOut().stream().map(LeftOut::topic)
                    .distinct().collect(Collectors.joining(", ")) + ") — they were told they're not forgotten;"
                    + " a teacher for them is the next thing to find.");
        }
        if (!matching.matchesPerTeacher().isEmpty()) {
            int total = matching.matchesPerTeacher().values().stream().mapToInt(Integer::intValue).sum();
            Map.Entry<String, Integer> busiest = matching.matchesPerTeacher().entrySet().iterator().next();
            if (matching.matchesPerTeacher().size() > 1 && busiest.getValue() * 2 > total) {
                suggestions.add(busiest.getKey() + " ran " + busiest.getValue() + " of " + total
                        + " pairs — ask a graduate to take the next one so the load spreads.");
            }
        }
        Reach reach = report.reach();
        if (reach.talks() >= 2 && reach.busFactor() == 1) {
            suggestions.add("Talks depend on one speaker — invite members to /guild propose a talk.");
        }
        report.confusion().stream().filter(s -> s.flags() > 0).findFirst().ifPresent(s -> {
            if (s.learnTicketsAfter() == 0) {
                suggestions.add("*" + s.title() + "* lost people most (" + s.flags() + " WAIT flags) and nobody"
                        + " opened a /learn ticket after — post the session's /learn invitation or run a follow-up.");
            }
        });
        if (report.graduates().isEmpty() && !matching.matched().isEmpty()) {
            suggestions.add("Nobody who learned here teaches yet — when a pair finishes, the learner gets a"
                    + " \"teach it\" button: nudge them to press it.");
        }
        return suggestions;
    }
}
