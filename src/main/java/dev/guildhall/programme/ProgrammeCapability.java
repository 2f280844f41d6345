package dev.guildhall.programme;

import dev.guildhall.command.Capability;
import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.livesession.api.SessionModules;
import dev.guildhall.mentorship.api.MentorRequests;
import dev.guildhall.topic.Topics;

/**
 * Training programmes and knowledge checks: {@code /programme}, {@code /check}, the anonymous {@code /ask}, the
 * check's buttons, spaced re-checks, each person's map on their home page, and the hook that sends a module's check
 * when its live session ends.
 */
public final class ProgrammeCapability implements Capability {
    private final Syllabus syllabus;
    private final MentorRequests mentors;
    private final Topics topics;

    public ProgrammeCapability(Syllabus syllabus, MentorRequests mentors, Topics topics) {
        this.syllabus = syllabus;
        this.mentors = mentors;
        this.topics = topics;
    }

    /** For live sessions: {@code --module} links one to a module, and its end sends the check. */
    public SessionModules sessionModules() {
        return new ModuleSessionLinks(syllabus, mentors);
    }

    @Override
    public void register(Registry registry) {
        registry.command(new ProgrammeCommand(syllabus, mentors, topics).spec());
        registry.command(new CheckCommand(syllabus, mentors).spec());
        registry.form(new CheckAddForm(syllabus));
        registry.command(new AskCommand(syllabus, mentors).spec());
        new CheckButtons(syllabus, mentors).register(registry);
        registry.anonymousRetries(new AskRetries());
        registry.task(CheckFlow.RECHECK_TASK, (roundId, work) -> new CheckFlow(work, syllabus, mentors).recheck(roundId));
        for (SlotReminders.Reminder reminder : SlotReminders.Reminder.values()) {
            registry.task(reminder.kind, (slotTimeId, work) -> SlotReminders.send(reminder, slotTimeId, work, syllabus,
                    mentors));
        }
        registry.home((viewer, work) -> ProgrammeMap.of(new CheckFlow(work, syllabus, mentors), viewer, false));
        declarePersonalData(registry);
        registry.whenForgetting((person, work) -> new ProgrammeStore(work.handle()).forget(person));
    }

    /** What one person answered is theirs: forgetting them deletes it. Anonymous questions name nobody. */
    private static void declarePersonalData(Registry registry) {
        registry.personalData(PersonalData.table("programme")
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("title")
                .notPersonal("id", "slug", "guild_id", "created_at").build());
        registry.personalData(PersonalData.table("programme_module")
                .notPersonal("programme_id", "module_id", "position", "topic").build());
        registry.personalData(PersonalData.table("cohort")
                .person("started_by", OnForget.TOMBSTONE)
                .notPersonal("id", "programme_id", "starts_on", "channel_id", "created_at").build());
        registry.personalData(PersonalData.table("cohort_member")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("cohort_id", "joined_at").build());
        registry.personalData(PersonalData.table("cohort_slot")
                .person("presenter_id", OnForget.TOMBSTONE)
                .notPersonal("cohort_id", "module_id").build());
        registry.personalData(PersonalData.table("cohort_slot_time")
                .notPersonal("id", "cohort_id", "module_id", "starts_at").build());
        registry.personalData(PersonalData.table("check_question")
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("text", "right_answer", "explain")
                .sharedJson("wrong_json")
                .notPersonal("id", "module_id", "created_at", "removed_at").build());
        registry.personalData(PersonalData.table("check_objective")
                .person("created_by", OnForget.TOMBSTONE)
                .sharedText("text")
                .notPersonal("id", "module_id", "created_at", "removed_at").build());
        registry.personalData(PersonalData.table("check_round")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("id", "module_id", "first_try", "questions_json", "objectives_json", "position",
                        "sent_at", "finished_at").build());
        registry.personalData(PersonalData.table("check_answer")
                .notPersonal("round_id", "question_id", "correct", "answered_at").build());
        registry.personalData(PersonalData.table("check_rating")
                .notPersonal("round_id", "objective_id", "rating").build());
        registry.personalData(PersonalData.table("check_gap")
                .person("person_id", OnForget.DELETE_ROW)
                .notPersonal("id", "module_id", "question_id", "round_id", "opened_at", "right_count", "action",
                        "recheck_due", "ticket_id", "closed_at", "closed_by").build());
        // Anonymous: no person, no round, the minute only — like /wait's questions, shared text once asked.
        registry.personalData(PersonalData.table("check_anonymous_question")
                .sharedText("text")
                .notPersonal("id", "module_id", "asked_at").build());
        // A retry's keyed hash and the minute: no person, no request id, no question.
        registry.personalData(PersonalData.table("check_anonymous_request")
                .notPersonal("request_hash", "handled_at").build());
        registry.personalData(PersonalData.table("module_session")
                .notPersonal("session_id", "module_id", "linked_at").build());
    }
}
