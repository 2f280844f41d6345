package dev.guildhall.programme;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.livesession.api.SessionModules;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.store.UnitOfWork;

import java.util.Optional;

/** A live session presenting a module: its owners, its slot's presenter or a lead link it; its end sends the check. */
final class ModuleSessionLinks implements SessionModules {
    private final Syllabus syllabus;
    private final MentorRequests mentors;

    ModuleSessionLinks(Syllabus syllabus, MentorRequests mentors) {
        this.syllabus = syllabus;
        this.mentors = mentors;
    }

    @Override
    public String link(UnitOfWork work, long sessionId, PersonId presenter, String name) {
        CheckFlow flow = new CheckFlow(work, syllabus, mentors);
        Syllabus.Module module = Modules.named(syllabus, work, name, Optional.empty());
        if (!Modules.owns(module, presenter) && !flow.store.presents(presenter, module.id())
                && !syllabus.isLead(work, module.guildId(), presenter)) {
            throw new UsageException("Only the owners of *" + module.name() + "*, its presenter in a cohort and its"
                    + " guild's leads can present it with --module. Start the session without --module, or ask an"
                    + " owner. Nothing was started.");
        }
        flow.store.linkSession(sessionId, module.id(), flow.now());
        int questions = flow.store.questions(module.id()).size();
        return "*" + module.name() + "* — " + (questions == 0 ? "it has no check yet: /check add \"" + module.name()
                + "\" … before you end the session, and it goes out then."
                : "its check (" + questions + " question" + (questions == 1 ? "" : "s")
                + ") goes to the module's cohorts when you end the session.");
    }

    @Override
    public void ended(UnitOfWork work, long sessionId) {
        CheckFlow flow = new CheckFlow(work, syllabus, mentors);
        flow.store.moduleOfSession(sessionId).flatMap(id -> syllabus.module(work, id)).ifPresent(flow::send);
    }
}
