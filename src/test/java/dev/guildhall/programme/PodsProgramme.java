package dev.guildhall.programme;

import dev.guildhall.testing.BotExtension;

/** alice's k8s guild, olivia owning its Pods module, a programme k8s-101 with it and a cohort, still empty. */
public final class PodsProgramme {
    private PodsProgramme() {
    }

    public static void create(BotExtension bot) {
        bot.sayIn("alice", "k8s", "/guild create k8s \"Kubernetes guild\" here");
        bot.say("olivia", "/guild join k8s");
        bot.say("alice", "/guild module add k8s \"Pods\"");
        bot.say("olivia", "/guild module own k8s \"Pods\"");
        bot.say("alice", "/programme create k8s-101 --guild k8s \"Kubernetes in three days\"");
        bot.say("alice", "/programme module add k8s-101 \"Pods\"");
        bot.say("alice", "/programme cohort k8s-101 start \"2026-03-09\"");
    }
}
