package dev.guildhall.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Forgetting someone deletes, with Slack's files.delete, the exports the bot uploaded that hold their data. */
class SlackForgettingDeletesFilesTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir, Map.of("GUILDHALL_ADMINS", "slack:" + SlackRequests.TEAM + ":U0ROOT"));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theExportsAnAdminReceivedAreDeletedOnSlackWhenSomeoneInThemIsForgotten() {
        // Given alice is known, and an admin received an export (a JSON file and a zip) holding her
        assertThat(rig.command("U0ALICE", "alice", "/learn", "rust").status()).isEqualTo(200);
        assertThat(rig.command("U0ROOT", "root", "/guildhall", "admin export").status()).isEqualTo(200);
        List<String> uploaded = rig.slack.awaitCalls("files.completeUploadExternal", 2).stream()
                .map(call -> call.json("files").get(0).path("id").asText()).toList();
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE kind = 'FILE_DIRECT' AND status = 'DELIVERED'",
                2)).isEqualTo(2);

        // When the admin forgets her
        assertThat(rig.command("U0ROOT", "root", "/guildhall", "admin forget <@U0ALICE>").status()).isEqualTo(200);

        // Then both uploaded files are deleted on Slack, and the outbox keeps no copy of them
        assertThat(rig.slack.awaitCalls("files.delete", 2)).extracting(call -> call.param("file"))
                .containsExactlyInAnyOrderElementsOf(uploaded);
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE kind = 'DELETE_FILE' AND status = 'DELIVERED'",
                2)).isEqualTo(2);
        assertThat(rig.count("SELECT COUNT(*) FROM outbox WHERE kind = 'FILE_DIRECT' AND payload LIKE '%erased%'"))
                .isEqualTo(2);
    }
}
