package dev.guildhall.mentorship;

import dev.guildhall.topic.Topics;
import dev.guildhall.command.Capability;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.Registry;

/** Mentorship matching: {@code /learn}, {@code /teach}, their buttons, and the answer deadline. */
public final class MentorshipCapability implements Capability {
    private final Topics topics;
    private final MentorshipSettings settings;

    public MentorshipCapability(Topics topics, MentorshipSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void register(Registry registry) {
        CommandSpec learn = new LearnCommand(topics, settings).spec();
        CommandSpec teach = new TeachCommand(topics, settings).spec();
        registry.command(learn);
        registry.command(teach);
        new MentorshipForms(topics, settings).register(registry);
        new MentorshipButtons(settings).register(registry);
        MentorshipHomeButtons.register(registry, learn.handler(), teach.handler());
        registry.home(new MentorshipHome(settings)::render);
        new MentorshipForgetting(settings).register(registry);
        registry.task(MentorshipFlow.DEADLINE_TASK, (matchId, work) -> {
            MentorshipFlow flow = new MentorshipFlow(work, settings);
            flow.store.match(matchId)
                    .filter(match -> match.status() == MatchStatus.PROPOSED)
                    .ifPresent(match -> flow.dropProposal(match, MatchStatus.EXPIRED));
        });
    }
}
