package dev.guildhall.slack;

import dev.guildhall.ops.Metrics;
import dev.guildhall.testing.AnonymityEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, section 1, end to end: a live session through signed Slack requests, every anonymous one delivered twice
 * (Slack's retry: the same trigger_id), counts each effect once and, once the session has ended, leaves nothing in any
 * table, the database's bytes or the logs that links two anonymous actions or an action to a person. The reading of
 * tables, files and logs is {@link AnonymityEvidence}, shared with {@code livesession.AnonymityTest}.
 */
class SlackLiveSessionAnonymityTest {
    private static final String PRESENTER = "U0ALICE";
    private static final List<String> TRAINEES = List.of("U0BOB", "U0CAROL", "U0DAVE");
    private static final String CHANNEL = "C0VPC";
    private static final String RETRY_ANSWER = "reached Guildhall twice";

    @TempDir
    Path dir;
    SlackRig rig;
    AnonymityEvidence evidence;
    final Metrics metrics = new Metrics();
    /** Every trigger_id of an anonymous request, and every answer they got: none may be kept anywhere. */
    final List<String> anonymousTriggers = new ArrayList<>();
    final List<String> anonymousAnswers = new ArrayList<>();
    final AtomicInteger hooks = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        // Guildhall's own loggers at DEBUG; the Slack SDK and Jetty stay at the level logback.xml gives them (WARN):
        // at DEBUG they log every body sent and received, anonymous replies included (docs/anonymity.md says so).
        evidence = AnonymityEvidence.captureLogs("com.slack.api", "org.eclipse.jetty");
        rig = SlackRig.start(dir);
        rig.bot.observe(metrics);
        rig.slack.user(PRESENTER, "Alice Presenter", "Europe/Paris");
    }

    @AfterEach
    void stop() {
        rig.close();
        evidence.close();
        metrics.close();
    }

    /** Like Slack's, a response_url is an opaque hook per request: it does not carry the user's id. */
    private String responseUrl() {
        return rig.slack.responseUrl("hook" + hooks.incrementAndGet());
    }

    private String type(String user, String command, String text) {
        return rig.form(SlackRequests.slashCommand(user, user.toLowerCase(), command, text, CHANNEL, "vpc",
                responseUrl())).body();
    }

    /** An anonymous command and Slack's retry of it (same trigger_id); returns both answers. */
    private List<String> typeWithRetry(String user, String text) {
        Map<String, String> form = SlackRequests.slashCommand(user, user.toLowerCase(), "/wait", text, CHANNEL, "vpc",
                responseUrl());
        anonymousTriggers.add(form.get("trigger_id"));
        List<String> answers = List.of(rig.form(form).body(), rig.form(form).body());
        anonymousAnswers.addAll(answers);
        return answers;
    }

    /** An anonymous press and its retry; returns both replies (sent to the response_url after the ack). */
    private List<String> pressWithRetry(String user, String actionId) {
        String trigger = SlackRequests.newTriggerId();
        anonymousTriggers.add(trigger);
        int before = rig.slack.calls("response_url").size();
        for (int attempt = 0; attempt < 2; attempt++) {
            rig.signed(SlackRequests.blockAction(user, user.toLowerCase(), actionId, CHANNEL,
                    responseUrl(), trigger), "application/x-www-form-urlencoded");
        }
        List<String> answers = rig.slack.awaitCalls("response_url", before + 2).subList(before, before + 2).stream()
                .map(call -> call.param("text")).toList();
        anonymousAnswers.addAll(answers);
        return answers;
    }

    @Test
    void retriedAnonymousRequestsCountOnceAndLeaveNothingThatLinksAfterTheSessionEnds() throws Exception {
        // Given alice's session in #vpc
        assertThat(type(PRESENTER, "/session", "start \"VPC peering\"")).contains("VPC peering");

        // When trainees flag, renew, ask, upvote, try to upvote their own question and upvote twice — every request
        // delivered twice, as Slack does when an answer is slow
        assertThat(typeWithRetry("U0BOB", null)).satisfiesExactly(
                first -> assertThat(first).contains("Your flag is up"),
                retry -> assertThat(retry).contains(RETRY_ANSWER));
        assertThat(typeWithRetry("U0BOB", null).get(0)).contains("stays up");
        assertThat(typeWithRetry("U0CAROL", "what is a transit gateway?")).satisfiesExactly(
                first -> assertThat(first).contains("Your question is posted"),
                retry -> assertThat(retry).contains(RETRY_ANSWER));
        assertThat(pressWithRetry("U0DAVE", "livesession.upvote:1")).anySatisfy(
                answer -> assertThat(answer).contains("Counted")).anySatisfy(
                answer -> assertThat(answer).contains(RETRY_ANSWER));
        assertThat(pressWithRetry("U0DAVE", "livesession.upvote:1")).anySatisfy(
                answer -> assertThat(answer).contains("already upvoted"));
        assertThat(pressWithRetry("U0CAROL", "livesession.upvote:1")).anySatisfy(
                answer -> assertThat(answer).contains("your own question"));
        assertThat(pressWithRetry("U0DAVE", "livesession.wait:1")).anySatisfy(
                answer -> assertThat(answer).contains("Your flag is up"));
        assertThat(pressWithRetry("U0DAVE", "livesession.wait:1")).anySatisfy(
                answer -> assertThat(answer).contains("stays up"));
        assertThat(pressWithRetry("U0BOB", "livesession.ok:1")).anySatisfy(
                answer -> assertThat(answer).contains("your flag is down"));

        // Then each effect happened once, whichever delivery got there first
        assertThat(rig.count("SELECT COUNT(*) FROM wait_question")).isEqualTo(1);
        assertThat(rig.count("SELECT votes FROM wait_question")).isEqualTo(1);
        assertThat(rig.count("SELECT COUNT(*) FROM wait_flag")).isEqualTo(3);
        assertThat(rig.count("SELECT COUNT(*) FROM wait_flag WHERE ended_at IS NULL")).isEqualTo(2);
        // and the retries are recognised by keyed hashes only: no platform id, no reply in handled_request
        assertThat(rig.count("SELECT COUNT(*) FROM anonymous_request")).isEqualTo(anonymousTriggers.size());

        // When alice ends the session, and a trainee presses a button of the ended session (twice)
        assertThat(type(PRESENTER, "/session", "end")).contains("Ended");
        assertThat(pressWithRetry("U0BOB", "livesession.wait:1")).allSatisfy(
                answer -> assertThat(answer).contains("has ended"));
        rig.slack.awaitCalls(call -> call.method().equals("chat.postMessage")
                && call.param("text") != null && call.param("text").contains("has ended"), 1, "the end post");
        rig.adapter.close();

        // Then no keyed row is left, and every time an anonymous row holds is a whole minute
        assertThat(rig.count("SELECT COUNT(*) FROM anonymous_request")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM wait_question_quota")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM wait_vote")).isZero();
        assertThat(rig.count("""
                SELECT COUNT(*) FROM wait_flag WHERE raised_at % 60000 <> 0 OR expires_at % 60000 <> 0
                OR ended_at % 60000 <> 0""")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM wait_question WHERE asked_at % 60000 <> 0")).isZero();
        assertThat(rig.count("SELECT COUNT(*) FROM live_session WHERE last_nudged_at % 60000 <> 0")).isZero();

        // and no table, file byte or log line holds a trainee, an anonymous request's id or an answer to one
        Path database = dir.resolve("guildhall.db");
        String tables = AnonymityEvidence.dumpEveryTable(database);
        String logs = evidence.logLines();
        assertThat(tables).contains("handled_request").contains("what is a transit gateway?");
        List<String> secrets = new ArrayList<>(TRAINEES);
        secrets.addAll(anonymousTriggers);
        anonymousAnswers.stream().map(answer -> answer.lines().findFirst().orElseThrow()).forEach(secrets::add);
        for (String secret : secrets) {
            assertThat(tables).as("the tables hold " + secret).doesNotContain(secret);
            assertThat(logs.lines().filter(line -> line.contains(secret))
                    .map(line -> line.substring(0, Math.min(line.length(), 400)))).as("log lines holding " + secret)
                    .isEmpty();
        }
        // and the metrics count anonymous requests under one label only, none of them timed
        String scraped = metrics.scrape();
        assertThat(scraped).contains("command=\"anonymous\"").doesNotContain("command=\"/wait\"")
                .doesNotContain("livesession.");
        for (String secret : secrets) {
            assertThat(scraped).as("the metrics hold " + secret).doesNotContain(secret);
        }
        AnonymityEvidence.fileBytes(database).forEach((file, bytes) -> {
            for (String secret : secrets) {
                assertThat(bytes.contains(secret)).as(file + " holds " + secret).isFalse();
            }
        });
    }

    @Test
    void fortyQuestionsFromOnePersonPostOnlyTheLimitInTheChannel() {
        // Given alice's session in #vpc, 3 questions an hour per person (this rig runs on the real clock: the hourly
        // window starts at the first question, so no minute boundary during the flood can let more through)
        type(PRESENTER, "/session", "start \"VPC peering\" --questions 3/hour");

        // When one person sends 40 questions as fast as Slack delivers them
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            answers.add(type("U0BOB", "/wait", "flood " + i));
        }

        // Then at most the limit reached the channel, and the rest were told when they can ask again
        assertThat(rig.count("SELECT COUNT(*) FROM wait_question")).isEqualTo(3);
        Predicate<FakeSlack.Call> floodPost = call -> call.method().equals("chat.postMessage")
                && CHANNEL.equals(call.param("channel")) && call.param("text").contains("flood");
        rig.slack.awaitCalls(floodPost, 3, "the questions within the limit");
        assertThat(rig.slack.calls().stream().filter(floodPost)).hasSize(3);
        assertThat(answers.subList(3, 40)).allSatisfy(answer -> assertThat(answer).contains("You can ask again in"));
    }
}
