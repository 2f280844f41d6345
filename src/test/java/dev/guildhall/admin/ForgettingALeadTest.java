package dev.guildhall.admin;

import dev.guildhall.testing.BotExtension;
import dev.guildhall.testing.RecordingChatPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A guild whose only lead is forgotten asks its longest-standing members, one at a time, to lead it. */
class ForgettingALeadTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().withEnv(Map.of("GUILDHALL_ADMINS", "console:root"));

    @BeforeEach
    void start() {
    }

    private List<RecordingChatPort.Sent> asked(String name) {
        return t.chat.directTo(BotExtension.id(name)).stream().filter(sent -> sent.mentions("has lost its only lead"))
                .toList();
    }

    private String button(String name, String label) {
        List<RecordingChatPort.Sent> asks = asked(name);
        return asks.get(asks.size() - 1).message().buttons().stream().filter(b -> b.label().equals(label))
                .findFirst().orElseThrow().actionId();
    }

    @Test
    void membersAreAskedLongestStandingFirstAndADeclineOrSilenceMovesOnUntilOneLeadsIt() {
        // Given alice leads k8s alone; bob joined first, then carol, then dave
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");
        t.advance(Duration.ofMinutes(1));
        t.say("carol", "/guild join k8s");
        t.advance(Duration.ofMinutes(1));
        t.say("dave", "/guild join k8s");

        // When alice is forgotten
        t.press("alice", "guildhall-forget:me");

        // Then only bob, the longest-standing member, is asked
        assertThat(asked("bob")).hasSize(1);
        assertThat(asked("bob").get(0).message().text()).contains("Kubernetes guild").doesNotContain("alice");
        assertThat(asked("carol")).isEmpty();
        assertThat(t.count("guild_member WHERE role = 'LEAD'")).isZero();

        // When bob passes, carol is asked; when carol lets the deadline pass, dave is asked
        assertThat(t.press("bob", button("bob", "Not me"))).contains("ask someone else");
        assertThat(asked("carol")).hasSize(1);
        t.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(asked("dave")).hasSize(1);
        assertThat(t.press("carol", button("carol", "I'll take it on"))).contains("already settled");

        // And when dave takes it on, he leads it, and the others are told
        assertThat(t.press("dave", button("dave", "I'll take it on"))).contains("You now lead *Kubernetes guild*");
        assertThat(t.count("guild_member WHERE person_id = 'console:dave' AND role = 'LEAD'")).isEqualTo(1);
        assertThat(t.chat.directTo(BotExtension.id("bob"))).anyMatch(sent -> sent.mentions("dave now leads"));
        assertThat(t.say("dave", "/guild meetup k8s \"2026-03-20 17:00\" \"Back on track\" --tz UTC"))
                .contains("Planned meetup");
        assertThat(t.chat.directTo(BotExtension.id("root"))).isEmpty();
    }

    @Test
    void theAdminsAreToldWhenTheGuildHasNoMembersOrNobodyTakesItOn() {
        t.say("alice", "/guild create solo \"Solo guild\"");
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");

        t.press("alice", "guildhall-forget:me");

        assertThat(t.chat.directTo(BotExtension.id("root"))).singleElement()
                .satisfies(sent -> assertThat(sent.message().text()).contains("*Solo guild* (solo) has no lead",
                        "it has no members left").doesNotContain("alice"));
        t.press("bob", button("bob", "Not me"));
        assertThat(t.chat.directTo(BotExtension.id("root"))).hasSize(2).last()
                .satisfies(sent -> assertThat(sent.message().text()).contains("*Kubernetes guild* (k8s) has no lead",
                        "none of the 1 members asked took it on"));
    }
}
