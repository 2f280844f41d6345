package dev.guildhall.mentorship;

import dev.guildhall.testing.BotExtension;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.guildhall.testing.BotExtension.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's invariants under random use: random people teach, learn, answer, pause, stop, take, ask, say whether
 * they met, finish and cancel, while the clock jumps (sometimes past the two weeks that close an unmet pair); after every step the store must hold what the issue promises. Plain JUnit with a
 * seeded {@link Random}: a failure names its seed and step, and running that seed again replays it.
 */
class MentorshipPropertiesTest {
    private static final String[] PEOPLE = {"ann", "ben", "cat", "dan", "eve", "fay"};
    private static final String[] TOPICS = {"rust", "kafka", "helm"};
    private static final int SEEDS = 5;
    private static final int STEPS = 60;
    /** Where a ticket may end: RELEASED is a pair closed as stale (nobody confirmed a first meeting). */
    private static final Set<String> TERMINAL = Set.of("DONE", "CANCELLED", "RELEASED");
    private static final Set<String> OPEN = Set.of("WAITING", "PROPOSED", "MATCHED");
    private static final Set<String> ACTIVE_MATCH = Set.of("PROPOSED", "ACCEPTED");

    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot();

    @Test
    void theInvariantsHoldAfterEveryStepOfRandomUse() {
        int releasedTickets = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            t.startOver("p" + seed + ".db");
            Run run = new Run(t, new Random(seed));
            for (int step = 1; step <= STEPS; step++) {
                String action = run.step();
                run.check("seed " + seed + ", step " + step + " (" + action + ")");
            }
            releasedTickets += run.tickets("RELEASED").size();
        }
        // the random use really reached the stale close, so RELEASED was checked, not merely declared
        assertThat(releasedTickets).as("tickets closed as stale over all seeds").isPositive();
    }

    private record Row(long id, String learner, String teacher, String topic, String status, Long dueAt) {
    }

    private static final class Run {
        private final BotExtension t;
        private final Random random;
        private final Map<String, StringBuilder> replies = new HashMap<>();
        private final List<String> history = new ArrayList<>();

        Run(BotExtension t, Random random) {
            this.t = t;
            this.random = random;
        }

        private String any(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private String say(String who, String line) {
            String reply = t.say(who, line);
            replies.computeIfAbsent(who, k -> new StringBuilder()).append(reply).append('\n');
            return who + " " + line;
        }

        private String press(String who, String action) {
            String reply = t.press(who, action);
            replies.computeIfAbsent(who, k -> new StringBuilder()).append(reply).append('\n');
            return who + " !press " + action;
        }

        private <T> List<T> query(String sql, Function<Handle, List<T>> read) {
            return t.bot().database().read(read::apply);
        }

        private List<Row> matches(String where) {
            return query(where, h -> h.createQuery("SELECT id, learner_id, teacher_id, topic, status, answer_due_at"
                            + " FROM mentorship_match " + where + " ORDER BY id")
                    .map((rs, ctx) -> new Row(rs.getLong(1), name(rs.getString(2)), name(rs.getString(3)),
                            rs.getString(4), rs.getString(5), (Long) rs.getObject(6) == null ? null : rs.getLong(6)))
                    .list());
        }

        private List<long[]> tickets(String status) {
            return query(status, h -> h.createQuery("SELECT id FROM ticket WHERE status = :status")
                    .bind("status", status).mapTo(Long.class).list().stream().map(id -> new long[] {id}).toList());
        }

        private static String name(String id) {
            return id.substring(id.indexOf(':') + 1);
        }

        String step() {
            String action = switch (random.nextInt(15)) {
                case 0, 1 -> say(any(PEOPLE), "/teach " + any(TOPICS) + " --capacity " + (1 + random.nextInt(2)));
                case 2, 3, 4 -> say(any(PEOPLE), "/learn " + any(TOPICS));
                case 5, 6 -> answer();
                case 7 -> finish();
                case 8 -> cancel();
                case 9 -> pauseOrResume();
                case 10 -> takeOrAsk();
                case 11 -> say(any(PEOPLE), "/teach stop " + any(TOPICS));
                case 12 -> answerDidYouMeet();
                case 13 -> {
                    t.advance(PairFollowUp.STALE_AFTER.plusDays(1));
                    yield "!advance past the stale deadline";
                }
                default -> {
                    Duration jump = Duration.ofHours(1 + random.nextInt(5 * 24));
                    t.advance(jump);
                    yield "!advance " + jump;
                }
            };
            history.add(action);
            return action;
        }

        private String answer() {
            List<Row> proposed = matches("WHERE status = 'PROPOSED'");
            if (proposed.isEmpty()) {
                return "no proposal to answer";
            }
            Row match = proposed.get(random.nextInt(proposed.size()));
            return press(match.teacher(), (random.nextBoolean() ? "mentorship.accept:" : "mentorship.decline:")
                    + match.id());
        }

        /** We met · Not yet · It isn't working, from either side of a running pair. */
        private String answerDidYouMeet() {
            List<Row> running = matches("WHERE status = 'ACCEPTED'");
            if (running.isEmpty()) {
                return "no pair to ask whether they met";
            }
            Row match = running.get(random.nextInt(running.size()));
            String button = switch (random.nextInt(3)) {
                case 0 -> PairFollowUp.MET;
                case 1 -> PairFollowUp.NOT_YET;
                default -> PairFollowUp.NOT_WORKING;
            };
            return press(random.nextBoolean() ? match.learner() : match.teacher(), button + ":" + match.id());
        }

        private String finish() {
            List<Row> running = matches("WHERE status = 'ACCEPTED'");
            if (running.isEmpty()) {
                return "nothing to finish";
            }
            Row match = running.get(random.nextInt(running.size()));
            say(random.nextBoolean() ? match.learner() : match.teacher(), "/learn done " + ticketOf(match));
            String button = switch (random.nextInt(4)) {
                case 0 -> "mentorship.again:";
                case 1 -> "mentorship.second-teacher:";
                default -> "mentorship.understood:";
            };
            return press(match.learner(), button + ticketOf(match));
        }

        private long ticketOf(Row match) {
            return t.bot().database().read(h -> h.createQuery("SELECT ticket_id FROM mentorship_match WHERE id = :id")
                    .bind("id", match.id()).mapTo(Long.class).one());
        }

        private String cancel() {
            List<String[]> open = query("", h -> h.createQuery("SELECT id, learner_id FROM ticket WHERE status IN"
                            + " ('WAITING', 'PROPOSED', 'MATCHED')")
                    .map((rs, ctx) -> new String[] {rs.getString(1), name(rs.getString(2))}).list());
            if (open.isEmpty()) {
                return "nothing to cancel";
            }
            String[] ticket = open.get(random.nextInt(open.size()));
            return say(ticket[1], "/learn cancel " + ticket[0]);
        }

        private String pauseOrResume() {
            String who = any(PEOPLE);
            return switch (random.nextInt(3)) {
                case 0 -> say(who, "/teach pause");
                case 1 -> say(who, "/teach resume");
                default -> press(who, "mentorship.resume:1");
            };
        }

        private String takeOrAsk() {
            String who = any(PEOPLE);
            if (random.nextBoolean()) {
                List<long[]> waiting = tickets("WAITING");
                return waiting.isEmpty() ? "nothing to take"
                        : press(who, "mentorship.take:" + waiting.get(random.nextInt(waiting.size()))[0]);
            }
            press(any(PEOPLE), "mentorship.listing:yes");
            List<Long> offers = query("", h -> h.createQuery("SELECT id FROM teaching_offer").mapTo(Long.class).list());
            return offers.isEmpty() ? "nobody to ask" : press(who, "mentorship.ask:" + offers.get(random.nextInt(
                    offers.size())));
        }

        /** Everything {@code person} was told: their replies and DMs. */
        private String told(String person) {
            return replies.getOrDefault(person, new StringBuilder()) + t.chat.directTo(id(person)).stream()
                    .map(s -> s.message().text() + s.message().fields()).collect(Collectors.joining("\n"));
        }

        void check(String where) {
            String at = where + "\nhistory:\n" + String.join("\n", history);
            Instant now = t.clock.instant();
            List<Row> all = matches("");
            // Every proposal is answered, expired or withdrawn: none waits past its deadline
            assertThat(all).as(at).filteredOn(m -> m.status().equals("PROPOSED"))
                    .allSatisfy(m -> assertThat(m.dueAt()).as(at).isGreaterThan(now.toEpochMilli()));
            // No teacher holds more learners than their capacity
            query("", h -> h.createQuery("""
                            SELECT o.teacher_id, o.topic, o.capacity, (SELECT COUNT(*) FROM mentorship_match m
                                WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic
                                AND m.status IN ('PROPOSED', 'ACCEPTED')) AS load
                            FROM teaching_offer o WHERE o.stopped_at IS NULL""")
                    .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(4) + "/" + rs.getInt(3)
                            + (rs.getInt(4) > rs.getInt(3) ? " OVER" : ""))
                    .list()).forEach(load -> assertThat(load).as(at).doesNotEndWith("OVER"));
            // Every ticket is open, or ended in exactly one known way; its matches agree with its state
            query("", h -> h.createQuery("SELECT id, status, closed_at FROM ticket")
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3)}).list())
                    .forEach(ticket -> {
                        long ticketId = (Long) ticket[0];
                        String status = (String) ticket[1];
                        assertThat(OPEN.contains(status) || TERMINAL.contains(status)).as(at + "\nticket " + ticketId
                                + " is " + status + ", a state nobody declared").isTrue();
                        assertThat(ticket[2] == null).as(at + "\nticket " + ticketId + " closed_at").isEqualTo(
                                OPEN.contains(status));
                        List<String> active = matches("WHERE ticket_id = " + ticketId).stream().map(Row::status)
                                .filter(ACTIVE_MATCH::contains).toList();
                        assertThat(active).as(at + "\nticket " + ticketId + " (" + status + ") active matches")
                                .isEqualTo(switch (status) {
                                    case "PROPOSED" -> List.of("PROPOSED");
                                    case "MATCHED" -> List.of("ACCEPTED");
                                    default -> List.of();
                                });
                    });
            // A pair with a yes or a no on a topic is never proposed again (an expired or withdrawn one may be)
            for (Row proposal : all) {
                if (proposal.dueAt() == null) {
                    continue;
                }
                assertThat(all).as(at + "\nmatch " + proposal.id() + " repeats a pair that already answered")
                        .noneMatch(earlier -> earlier.id() < proposal.id() && earlier.learner().equals(proposal.learner())
                                && earlier.teacher().equals(proposal.teacher()) && earlier.topic().equals(proposal.topic())
                                && !Set.of("EXPIRED", "WITHDRAWN").contains(earlier.status()));
            }
            // No learner waits while a teacher of the topic has room, unless both were told why
            query("", h -> h.createQuery("""
                            SELECT t.id, t.learner_id, o.teacher_id, t.topic, o.resume_at, o.paused_at
                            FROM ticket t JOIN teaching_offer o ON o.topic = t.topic AND o.stopped_at IS NULL
                                AND o.teacher_id <> t.learner_id
                            WHERE t.status = 'WAITING' AND o.capacity > (SELECT COUNT(*) FROM mentorship_match m
                                WHERE m.teacher_id = o.teacher_id AND m.topic = o.topic
                                AND m.status IN ('PROPOSED', 'ACCEPTED'))""")
                    .map((rs, ctx) -> new String[] {rs.getString(1), name(rs.getString(2)), name(rs.getString(3)),
                            rs.getString(4), rs.getObject(5) == null ? "" : "auto", rs.getObject(6) == null ? "" : "paused"})
                    .list()).forEach(pair -> {
                        String learner = pair[1];
                        String teacher = pair[2];
                        String why = at + "\nticket " + pair[0] + ": " + learner + " waits for " + pair[3] + " while "
                                + teacher + " has room";
                        if (pair[5].equals("paused") && pair[4].isEmpty()) {
                            return; // she paused herself: she knows, and nobody can be proposed to her
                        }
                        boolean answeredBefore = all.stream().anyMatch(m -> m.learner().equals(learner)
                                && m.teacher().equals(teacher) && m.topic().equals(pair[3])
                                && !Set.of("EXPIRED", "WITHDRAWN").contains(m.status()));
                        boolean pausedBySilence = pair[4].equals("auto");
                        assertThat(answeredBefore || pausedBySilence).as(why + ", never having answered them").isTrue();
                        assertThat(told(learner)).as(why + ": the learner was never told").contains(teacher);
                        if (pausedBySilence) {
                            assertThat(told(teacher)).as(why + ": she was never told she is paused").contains("paused");
                        }
                    });
        }
    }
}
