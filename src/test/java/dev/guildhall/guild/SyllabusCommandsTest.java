package dev.guildhall.guild;

import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SyllabusCommandsTest {
    @RegisterExtension
    final BotExtension t = BotExtension.wholeBot().startingAt(BotExtension.LATE_NOVEMBER).unstarted();

    @BeforeEach
    void start() {
        t.say("alice", "/guild create k8s \"Kubernetes guild\"");
        t.say("bob", "/guild join k8s");
        t.say("carol", "/guild join k8s");
        t.say("bob", "/teach kubernetes");
        t.say("dave", "/teach terraform");
    }

    @Test
    void modulesWithOneOwnerOrNoneAreFlaggedWithTeachersSuggestedAsCoOwners() {
        // Given a syllabus: one module well owned, one with a single owner, one with none
        assertThat(t.say("alice", "/guild module add k8s \"K8s basics\"")).contains("Added *K8s basics*");
        t.say("alice", "/guild module add k8s \"Terraform\"");
        t.say("alice", "/guild module add k8s \"Networking\"");
        t.say("alice", "/guild module own k8s \"k8s basics\"");
        t.say("carol", "/guild module own k8s \"K8s Basics\"");
        assertThat(t.say("alice", "/guild module own k8s \"Terraform\"")).contains("only owner so far");

        // When someone looks at the syllabus
        String modules = t.say("carol", "/guild modules k8s");

        // Then the risks are flagged, with people who /teach the topic suggested
        assertThat(modules).contains("K8s basics: owned by alice, carol\n")
                .contains("Terraform: owned by alice · ⚠️ bus-factor risk — could co-own: dave (not in the guild yet)"
                        + " (they /teach it)")
                .contains("Networking: no owner · ⚠️ bus-factor risk — nobody here /teaches it yet")
                .contains("2 modules depend on one person or nobody");
    }

    @Test
    void aModuleNamedAfterATopicFindsItsTeachersThroughAliases() {
        t.say("alice", "/guild module add k8s \"Intro to k8s\"");

        assertThat(t.say("alice", "/guild modules k8s")).contains("Intro to k8s: no owner · ⚠️ bus-factor risk —"
                + " could co-own: bob (they /teach it)");
    }

    @Test
    void badModuleCommandsExplainThemselves() {
        t.say("alice", "/guild module add k8s \"Helm\"");
        assertThat(t.say("bob", "/guild module add k8s helm")).contains("already has *Helm*");
        assertThat(t.say("bob", "/guild module own k8s \"Istio\"")).contains("has no module called \"Istio\"");
        assertThat(t.say("zed", "/guild module own k8s \"Helm\"")).contains("You're not in");
        assertThat(t.say("bob", "/guild module rename k8s x")).contains("Add a module or own one");
        assertThat(t.say("bob", "/guild modules web")).contains("There is no guild called \"web\"");
        t.say("bob", "/guild module own k8s Helm");
        assertThat(t.say("bob", "/guild module own k8s Helm")).contains("You already own *Helm*");
    }
}
