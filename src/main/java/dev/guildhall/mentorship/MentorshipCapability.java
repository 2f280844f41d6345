package dev.guildhall.mentorship;

import dev.guildhall.topic.Topics;
import dev.guildhall.command.Capability;
import dev.guildhall.command.PersonalData;
import dev.guildhall.command.CommandSpec;
import dev.guildhall.command.Registry;
import dev.guildhall.mentorship.api.TeachInvites;
import dev.guildhall.mentorship.api.MentorRequests;

/** Mentorship matching: {@code /learn}, {@code /teach}, their buttons, and the answer deadline. */
public final class MentorshipCapability implements Capability {
    private final Topics topics;
    private final MentorshipSettings settings;

    public MentorshipCapability(Topics topics, MentorshipSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    /** For other capabilities: ask people who know a topic whether they'd teach it. */
    public TeachInvites teachInvites() {
        return TeachInvitations.api(topics, settings);
    }

    /** What other capabilities may ask of mentorship. */
    public MentorRequests mentorRequests() {
        return new StoredMentorRequests(settings);
    }

    @Override
    public void register(Registry registry) {
        // Marks a ticket's goal as the accepted teacher's to read; the goal itself is the ticket's.
        registry.personalData(PersonalData.table("ticket_private_goal").notPersonal("ticket_id").build());
        CommandSpec learn = new LearnCommand(topics, settings).spec();
        CommandSpec teach = new TeachCommand(topics, settings).spec();
        registry.command(learn);
        registry.command(teach);
        new MentorshipForms(topics, settings).register(registry);
        new MentorshipButtons(settings).register(registry);
        MentorshipHomeButtons.register(registry, learn.handler(), teach.handler());
        registry.home(new MentorshipHome(settings)::render);
        new MentorshipForgetting(settings).register(registry);
        PairFollowUp.register(registry, settings);
        registry.task(MentorshipFlow.DEADLINE_TASK, (matchId, work) -> {
            MentorshipFlow flow = new MentorshipFlow(work, settings);
            flow.store.match(matchId)
                    .filter(match -> match.status() == MatchStatus.PROPOSED)
                    .ifPresent(match -> flow.dropProposal(match, MatchStatus.EXPIRED));
        });
        registry.task(TeacherPauses.COOL_OFF_TASK, (matchId, work) -> {
            MentorshipFlow flow = new MentorshipFlow(work, settings);
            new TeacherPauses(flow, work).coolOffEnded(matchId);
        });
    }
}
