package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guildhall.testing.HostileTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches {@code /slack/events} that Slack would never send well-formed: fuzzed texts and broken requests. */
class HostileRequestsTest {
    /** Over HTTP each command costs a round trip; the router fuzz (RouterFuzzTest) runs the full 10,000. */
    private static final int HTTP_TEXTS = Integer.getInteger("guildhall.fuzz.http", 1_500);
    private static final String STORED = "SELECT (SELECT COUNT(*) FROM person) + (SELECT COUNT(*) FROM ticket)"
            + " + (SELECT COUNT(*) FROM teaching_offer) + (SELECT COUNT(*) FROM outbox)"
            + " + (SELECT COUNT(*) FROM handled_request) + (SELECT COUNT(*) FROM guild)";

    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void fuzzedSlashCommandsOverHttpGetA200WithAReadableReplyAndTheDatabaseStaysIntact() throws Exception {
        // Given hostile texts after each of the app's slash commands
        List<String> commands = List.of("/learn", "/teach", "/guild", "/session", "/wait");
        HostileTexts texts = new HostileTexts(42L);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < HTTP_TEXTS; i++) {
            String command = commands.get(i % commands.size());
            String text = texts.next(i);
            // When Slack posts them, signed
            SlackRig.Answer answer = rig.command("U0FUZZ" + (i % 5), "fuzz" + (i % 5), command, text);
            // Then each is acked with 200 and, when there is a reply, it has readable text
            if (answer.status() != 200) {
                bad.add(command + " #" + i + " -> HTTP " + answer.status() + " " + answer.body());
            } else if (!answer.body().isEmpty()) {
                JsonNode reply = FakeSlack.JSON.readTree(answer.body());
                if (reply.path("text").asText().isBlank() || reply.toString().contains("Exception")) {
                    bad.add(command + " #" + i + " -> " + answer.body());
                }
            }
        }
        assertThat(bad).isEmpty();
        assertThat(rig.text("PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndStoresNothing() {
        int before = rig.count(STORED);
        SlackRig.Answer answer = rig.signed("text=" + "x".repeat(1 << 21), "application/x-www-form-urlencoded");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(rig.count(STORED)).isEqualTo(before);
    }

    @Test
    void aBodyWithoutSlacksHeadersIsRefusedWith401AndStoresNothing() {
        int before = rig.count(STORED);
        String body = SlackRequests.form(SlackRequests.slashCommand("U0X", "x", "/teach", "kubernetes", "C0X", "x",
                rig.slack.responseUrl("x")));
        assertThat(rig.send(body, "application/x-www-form-urlencoded").status()).isEqualTo(401);
        assertThat(rig.send(body, "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp", "1")
                .status()).isEqualTo(401);
        assertThat(rig.count(STORED)).isEqualTo(before);
    }

    @Test
    void signedButMalformedRequestsGetA4xxAndStoreNothing() {
        // Given requests that carry a valid signature but are not a Slack request one could act on
        int before = rig.count(STORED);
        String command = SlackRequests.form(SlackRequests.slashCommand("U0X", "x", "/teach", "kubernetes", "C0X",
                "x", rig.slack.responseUrl("x")));
        Map<String, String[]> requests = new LinkedHashMap<>();
        requests.put("broken JSON", new String[] {"{not json", "application/json"});
        requests.put("truncated event JSON", new String[] {"{\"type\":\"event_callback\",\"event\":",
                "application/json"});
        requests.put("JSON array", new String[] {"[1,2,3]", "application/json"});
        requests.put("broken payload JSON", new String[] {"payload=%7Bbroken", "application/x-www-form-urlencoded"});
        requests.put("broken percent escapes", new String[] {"payload=%zz%zz", "application/x-www-form-urlencoded"});
        requests.put("truncated percent escape", new String[] {"command=%2Fteach&text=%E0%A4%A",
                "application/x-www-form-urlencoded"});
        requests.put("empty form fields", new String[] {"&&&==&", "application/x-www-form-urlencoded"});
        requests.put("empty body", new String[] {"", "application/x-www-form-urlencoded"});
        requests.put("command as text/plain", new String[] {command, "text/plain"});
        requests.put("command as octet-stream", new String[] {command, "application/octet-stream"});
        requests.put("control characters", new String[] {"\u0000\u0001\u0002", "application/x-www-form-urlencoded"});
        Map<String, Integer> statuses = new LinkedHashMap<>();
        requests.forEach((what, request) -> statuses.put(what, rig.signed(request[0], request[1]).status()));
        // Then each gets a client error, none a server error, and nothing is stored
        assertThat(statuses).allSatisfy((what, status) -> assertThat(status).as(what).isBetween(400, 499));
        assertThat(rig.count(STORED)).isEqualTo(before);
    }

    @Test
    void aSignedSlashCommandWithoutTeamOrUserIdGetsA400AndChangesNothing() {
        // Given signed slash commands that lack the team or the person
        int before = rig.count(STORED);
        Map<String, String> noTeam = SlackRequests.slashCommand("U0NOTEAM", "x", "/learn", "kubernetes", "D0X", "x",
                rig.slack.responseUrl("x"));
        noTeam.remove("team_id");
        Map<String, String> noUser = SlackRequests.slashCommand("U0NOUSER", "x", "/learn", "kubernetes", "D0X", "x",
                rig.slack.responseUrl("x"));
        noUser.remove("user_id");
        // When Slack posts them
        SlackRig.Answer withoutTeam = rig.form(noTeam);
        SlackRig.Answer withoutUser = rig.form(noUser);
        // Then each gets a 400 that names what is missing, and nothing is stored (no person slack:T0TEST:null)
        assertThat(withoutTeam.status()).isEqualTo(400);
        assertThat(withoutTeam.body()).contains("team_id");
        assertThat(withoutUser.status()).isEqualTo(400);
        assertThat(withoutUser.body()).contains("user_id");
        assertThat(rig.count(STORED)).isEqualTo(before);
        assertThat(rig.count("SELECT COUNT(*) FROM person WHERE id LIKE '%null%'")).isZero();
    }

    @Test
    void aSignedButtonPressWithoutTeamOrUserGetsA400AndChangesNothing() throws Exception {
        int before = rig.count(STORED);
        String press = SlackRequests.blockAction("U0X", "x", "learn:board", "D0X", rig.slack.responseUrl("x"),
                SlackRequests.newTriggerId());
        com.fasterxml.jackson.databind.node.ObjectNode payload = (com.fasterxml.jackson.databind.node.ObjectNode)
                FakeSlack.JSON.readTree(java.net.URLDecoder.decode(press.substring("payload=".length()),
                        java.nio.charset.StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.node.ObjectNode noUser = payload.deepCopy();
        noUser.remove("user");
        com.fasterxml.jackson.databind.node.ObjectNode noTeam = payload.deepCopy();
        noTeam.remove("team");
        ((com.fasterxml.jackson.databind.node.ObjectNode) noTeam.get("user")).remove("team_id");

        assertThat(rig.signed("payload=" + SlackRequests.encode(noUser.toString()),
                "application/x-www-form-urlencoded").status()).isEqualTo(400);
        assertThat(rig.signed("payload=" + SlackRequests.encode(noTeam.toString()),
                "application/x-www-form-urlencoded").status()).isEqualTo(400);
        assertThat(rig.count(STORED)).isEqualTo(before);
    }
}
