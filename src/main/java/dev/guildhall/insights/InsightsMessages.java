package dev.guildhall.insights;

import dev.guildhall.core.Message;
import dev.guildhall.insights.Report.Edge;
import dev.guildhall.insights.Report.Graduate;
import dev.guildhall.insights.Report.Matching;
import dev.guildhall.insights.Report.SessionConfusion;
import dev.guildhall.insights.Report.TopicDemand;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The texts of insights: every number a chart shows is also said in words. */
final class InsightsMessages {
    private static final int TOPICS_SHOWN = 8;
    private static final int SESSIONS_SHOWN = 3;
    private static final int LINEAGES_SHOWN = 3;
    /** Chat apps cap a field (Slack: 2,000 characters): long lists end with how many more there are. */
    private static final int PEOPLE_SHOWN = 10;
    private static final int TREE_LINES_SHOWN = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private InsightsMessages() {
    }

    static Message report(Report report) {
        return Message.text("📈 Insights — *" + report.scope().title() + "*")
                .withField("Unmet demand", unmet(report))
                .withField("Time to match", timeToMatch(report.matching()))
                .withField("Acceptance", acceptance(report.matching()))
                .withField("Matches per teacher", perTeacher(report.matching()))
                .withField("Waiting over a week", leftOut(report.matching()))
                .withField("Graduates", graduates(report))
                .withField("Lineage", lineage(report))
                .withField("Broadcast reach", reach(report.reach()))
                .withField("Speakers", speakers(report.reach()))
                .withField("Confusion hot spots", confusion(report))
                .withField("Suggestions", report.suggestions().isEmpty() ? "Nothing stands out — keep going."
                        : report.suggestions().stream().map(s -> "• " + s).collect(Collectors.joining("\n")));
    }

    static String unmet(Report report) {
        List<TopicDemand> unmet = report.demand().stream().filter(TopicDemand::unmet).toList();
        if (unmet.isEmpty()) {
            int waiting = report.demand().stream().mapToInt(TopicDemand::waiting).sum();
            return "none: every topic someone waits for has a teacher" + (waiting == 0 ? " (nobody is waiting)."
                    : " (" + waiting + " waiting for a free one).");
        }
        return unmet.stream().limit(TOPICS_SHOWN)
                .map(d -> d.topic() + ": " + d.waiting() + " waiting, no teacher, longest for "
                        + Stats.human(d.longestWait()))
                .collect(Collectors.joining("\n"))
                + (unmet.size() > TOPICS_SHOWN ? "\n… and " + Stats.count(unmet.size() - TOPICS_SHOWN, "more topic",
                "more topics") : "");
    }

    static String timeToMatch(Matching matching) {
        if (matching.matched().isEmpty()) {
            return "no matches yet";
        }
        return "median " + Stats.human(matching.median().orElseThrow()) + " · p90 "
                + Stats.human(matching.p90().orElseThrow()) + " (" + matching.matched().size() + " matched)";
    }

    static String acceptance(Matching matching) {
        if (matching.proposalsAnswered() == 0) {
            return "no proposals answered yet";
        }
        return matching.proposalsAccepted() + " of " + Stats.count(matching.proposalsAnswered(), "proposal",
                "proposals") + " accepted ("
                + Stats.percent(matching.proposalsAccepted(), matching.proposalsAnswered()) + ")";
    }

    static String perTeacher(Matching matching) {
        if (matching.matchesPerTeacher().isEmpty()) {
            return "nobody has taught yet";
        }
        return matching.matchesPerTeacher().entrySet().stream().limit(PEOPLE_SHOWN)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "))
                + more(matching.matchesPerTeacher().size(), PEOPLE_SHOWN, "teacher", "teachers");
    }

    static String leftOut(Matching matching) {
        if (matching.leftOut().isEmpty()) {
            return "nobody";
        }
        Map<String, Long> byTopic = matching.leftOut().stream()
                .collect(Collectors.groupingBy(Report.LeftOut::topic, LinkedHashMap::new, Collectors.counting()));
        return matching.leftOut().size() + " (" + byTopic.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ") — each told by DM that they're not forgotten";
    }

    static String graduates(Report report) {
        if (report.graduates().isEmpty()) {
            return "none yet: nobody who learned here teaches yet";
        }
        return report.graduates().size() + " — " + report.graduates().stream().limit(PEOPLE_SHOWN)
                .map(g -> g.name() + " learned " + g.topic() + g.learnedFrom().map(t -> " from " + t).orElse("")
                        + " and now teaches it")
                .collect(Collectors.joining("; ")) + more(report.graduates().size(), PEOPLE_SHOWN, "graduate", "graduates");
    }

    static String lineage(Report report) {
        if (report.lineage().isEmpty()) {
            return "no lineage yet";
        }
        return report.lineage().entrySet().stream().limit(LINEAGES_SHOWN)
                .map(e -> e.getKey() + "\n" + tree(e.getValue(), report.graduates().stream()
                        .filter(g -> g.topic().equals(e.getKey())).map(Graduate::name).collect(Collectors.toSet())))
                .collect(Collectors.joining("\n"));
    }

    /** Who taught whom, as an indented tree from the teachers nobody here taught. */
    static String tree(List<Edge> edges, Set<String> graduates) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        Set<String> learners = new LinkedHashSet<>();
        edges.forEach(e -> {
            children.computeIfAbsent(e.teacher(), k -> new ArrayList<>()).add(e.learner());
            learners.add(e.learner());
        });
        StringBuilder text = new StringBuilder();
        Set<String> shown = new LinkedHashSet<>();
        List<String> roots = children.keySet().stream().filter(t -> !learners.contains(t)).toList();
        for (String root : roots.isEmpty() ? List.copyOf(children.keySet()).subList(0, 1) : roots) {
            appendTree(text, root, 0, children, graduates, shown);
        }
        List<String> lines = text.toString().stripTrailing().lines().toList();
        return String.join("\n", lines.subList(0, Math.min(lines.size(), TREE_LINES_SHOWN)))
                + more(lines.size(), TREE_LINES_SHOWN, "line (the graduation tree chart shows all)",
                "lines (the graduation tree chart shows all)");
    }

    private static String more(int total, int shown, String one, String many) {
        return total > shown ? " … and " + Stats.count(total - shown, "more " + one, "more " + many) : "";
    }

    private static void appendTree(StringBuilder text, String person, int depth, Map<String, List<String>> children,
                                   Set<String> graduates, Set<String> shown) {
        text.append(depth == 0 ? "" : "   ".repeat(depth - 1) + "└─ ").append(person)
                .append(graduates.contains(person) ? " (now teaches)" : "").append('\n');
        if (!shown.add(person)) {
            return;
        }
        for (String child : children.getOrDefault(person, List.of())) {
            appendTree(text, child, depth + 1, children, graduates, shown);
        }
    }

    static String reach(Reach reach) {
        String deliveries = reach.announcements() == 0 ? "no announcements yet"
                : reach.announcements() + " announcement" + (reach.announcements() == 1 ? "" : "s") + ": "
                + reach.delivered() + " of " + reach.deliveries() + " DMs delivered"
                + (reach.failed() > 0 ? " (" + reach.failed() + " failed)" : "");
        String meetups = reach.pastMeetups() == 0 ? "no meetups held yet"
                : reach.pastMeetups() + " meetup" + (reach.pastMeetups() == 1 ? "" : "s") + " held: "
                + reach.rsvpGoing() + " said they're going; attendance: not recorded";
        return reach.members() + " member" + (reach.members() == 1 ? "" : "s") + " · " + deliveries + " · " + meetups;
    }

    static String speakers(Reach reach) {
        if (reach.talks() == 0) {
            return "no talks yet";
        }
        return reach.talks() + " talk" + (reach.talks() == 1 ? "" : "s") + " by " + reach.talksBySpeaker().size()
                + " speaker" + (reach.talksBySpeaker().size() == 1 ? "" : "s") + " — bus factor " + reach.busFactor();
    }

    /** Counts per session only: who raised a flag or asked is not known, and is not shown. */
    static String confusion(Report report) {
        if (report.confusion().isEmpty()) {
            return "no live sessions yet";
        }
        return report.confusion().stream().limit(SESSIONS_SHOWN).map(InsightsMessages::session)
                .collect(Collectors.joining("\n"));
    }

    static String session(SessionConfusion s) {
        return s.title() + " (" + DAY.format(s.startedAt()) + "): " + s.flags() + " WAIT flag"
                + (s.flags() == 1 ? "" : "s") + " in " + s.minutes() + " min ("
                + String.format(Locale.ROOT, "%.2f", s.flagsPerMinute()) + "/min), " + s.questions() + " question"
                + (s.questions() == 1 ? "" : "s") + ", " + s.learnTicketsAfter() + " /learn ticket"
                + (s.learnTicketsAfter() == 1 ? "" : "s") + " on it since";
    }

    static Message leftOutNotice(String topic, Duration waited) {
        return Message.text("🕰 Your /learn *" + topic + "* ticket has waited " + Stats.human(waited)
                        + " and nobody who teaches " + topic + " has been free yet. You're not forgotten: the guild"
                        + " leads see your ticket among the topics that need a teacher.")
                .withContext("/learn board " + topic + " shows who waits with you; /learn list shows your tickets."
                        + " If you know someone who could teach it, ask them to type /teach " + topic + ".");
    }

    static Message digest(Report report, String slug) {
        Matching matching = report.matching();
        String suggestion = report.suggestions().isEmpty() ? "Nothing stands out this week — keep going."
                : report.suggestions().get(0);
        return Message.text("📬 Weekly insights — *" + report.scope().title() + "*")
                .withField("Waiting with no teacher", report.unmetWaiting() + " (" + Stats.count(
                        (int) report.demand().stream().filter(TopicDemand::unmet).count(), "topic", "topics") + ")")
                .withField("Median time to match", matching.median().map(Stats::human).orElse("no matches yet"))
                .withField("Learners who now teach", String.valueOf(report.graduates().size()))
                .withField("One thing to do", suggestion)
                .withContext("/guild insights " + slug + " shows everything with charts; /guild insights " + slug
                        + " weekly off stops this digest.");
    }

    static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMinutes() / 60.0);
    }
}
