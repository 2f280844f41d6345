package dev.guildhall.slack;

import dev.guildhall.testing.ShareChartCapability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A file the core shares (a chart) goes out through Slack's files upload, into the person's DM. */
class SlackFileSharingTest {
    @TempDir
    Path dir;
    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SlackRig.start(dir, new ShareChartCapability());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aChartIsUploadedWithItsSummaryIntoTheDirectMessage() {
        // When
        assertThat(rig.command("U0ALICE", "alice", "/chart", "").status()).isEqualTo(200);
        // Then: an upload URL, the PNG's bytes, and the upload completed into alice's DM with the text summary
        FakeSlack.Call complete = rig.slack.awaitCalls("files.completeUploadExternal", 1).get(0);
        assertThat(complete.param("channel_id")).isEqualTo("DU0ALICE");
        assertThat(complete.param("initial_comment")).isEqualTo("kafka leads with 7 waiting");
        String fileId = complete.json("files").get(0).path("id").asText();
        assertThat(rig.slack.uploaded(fileId)).isEqualTo(ShareChartCapability.PNG);
        assertThat(rig.slack.calls("files.getUploadURLExternal")).singleElement()
                .satisfies(call -> assertThat(call.param("filename")).isEqualTo("demand.png"));
        assertThat(rig.awaitCount("SELECT COUNT(*) FROM outbox WHERE kind = 'FILE_DIRECT' AND status = 'DELIVERED'", 1))
                .isEqualTo(1);
    }
}
