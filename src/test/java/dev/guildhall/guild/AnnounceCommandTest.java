package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class AnnounceCommandTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(BotExtension.LATE_NOVEMBER).unstarted();

    @BeforeEach
    void start() {
        t.say("alice", "/guild create k8s \"Kubernetes guild\" #k8s");
        t.say("bob", "/guild join k8s");
        t.say("carol", "/guild join k8s");
        t.say("dave", "/guild join k8s");
        t.say("dave", "/guild notify k8s off");
        t.chat.clear();
    }

    @Test
    void aLeadsAnnouncementIsPostedAndDmedToMembersWhoWantIt() {
        String reply = t.say("alice", "/guild announce k8s Slides are in the wiki");

        assertThat(reply).isEqualTo("📣 On its way: posting in #k8s and DMing 2 members (I'll keep a progress message"
                + " up to date for you).");
        assertThat(t.chat.to("console:k8s")).singleElement().satisfies(m -> assertThat(m.text())
                .isEqualTo("📣 *Kubernetes guild* — from alice:\nSlides are in the wiki"));
        assertThat(t.chat.to("console:bob")).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Slides are in the wiki"));
        assertThat(t.chat.to("console:carol")).hasSize(1);
        assertThat(t.chat.to("console:dave")).isEmpty();
        assertThat(t.chat.sent()).filteredOn(m -> m.kind().equals("update")).last().satisfies(m -> assertThat(m.text())
                .isEqualTo("✅ Announcement to *Kubernetes guild*: delivered to 2 of 2 — done."));
    }

    @Test
    void aNonLeadIsRefusedClearlyAndNothingIsSent() {
        String reply = t.say("bob", "/guild announce k8s Free pizza");

        assertThat(reply).isEqualTo("Only leads of *Kubernetes guild* (k8s) can announce. Ask a lead (alice) — or ask"
                + " them to make you one with /guild lead add k8s @you.");
        assertThat(t.chat.sent()).isEmpty();
    }

    @Test
    void anEmptyAnnouncementSaysWhatToType() {
        assertThat(t.say("alice", "/guild announce k8s")).contains("What should the announcement say?");
        assertThat(t.say("alice", "/guild announce")).contains("Which guild, and what to say?");
        assertThat(t.say("alice", "/guild announce help")).isEqualTo(AnnounceCommand.USAGE);
        assertThat(t.chat.sent()).isEmpty();
    }
}
