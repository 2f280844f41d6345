package dev.guildhall.programme;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.programme.ProgrammeStore.Cohort;
import dev.guildhall.programme.ProgrammeStore.Gap;
import dev.guildhall.programme.ProgrammeStore.Programme;
import dev.guildhall.programme.ProgrammeStore.ProgrammeModule;
import dev.guildhall.programme.ProgrammeStore.Question;
import dev.guildhall.programme.ProgrammeStore.Tally;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A programme's insights: per module, completion, first-try pass rate per question and gaps closed within 30 days
 * (and how); per cohort, who finished — by name for the guild's leads, as a count for everyone else. Every per-module
 * figure waits for {@link CheckCommand#MIN_ANSWERED} answers, so no figure stands for one person.
 */
final class ProgrammeInsights {
    static final Duration CLOSED_WITHIN = Duration.ofDays(30);

    private ProgrammeInsights() {
    }

    static Message of(CheckFlow flow, Programme programme, PersonId viewer) {
        boolean lead = flow.syllabus.isLead(flow.work, programme.guildId(), viewer);
        Message message = Message.text("📈 *" + programme.title() + "* — insights");
        List<ProgrammeModule> modules = flow.store.modules(programme.id());
        for (ProgrammeModule entry : modules) {
            Syllabus.Module module = flow.module(entry.moduleId());
            message = message.withField(entry.position() + ". " + module.name(), moduleLine(flow, module));
        }
        List<Long> checked = modules.stream().map(ProgrammeModule::moduleId)
                .filter(id -> flow.store.completion(id)[0] > 0).toList();
        for (Cohort cohort : flow.store.cohorts(programme.id())) {
            List<PersonId> members = flow.store.members(cohort.id());
            Map<PersonId, Integer> firstTries = flow.store.firstTriesFinished(cohort.id(), checked);
            List<PersonId> finishers = members.stream()
                    .filter(member -> !checked.isEmpty() && firstTries.getOrDefault(member, 0) == checked.size())
                    .toList();
            String value = finishers.size() + " of " + members.size() + " finished every check sent so far"
                    + (lead && !finishers.isEmpty() ? ": " + names(flow, finishers) : "");
            message = message.withField("Cohort starting " + cohort.startsOn(), value);
        }
        return message.withContext(lead ? "Finishers' names are shown to the guild's leads only; nobody's answers"
                + " are shown to anyone." : "Counts only: nobody's answers are shown to anyone.");
    }

    private static String names(CheckFlow flow, List<PersonId> people) {
        Map<PersonId, String> names = flow.people.namesOf(people);
        return String.join(", ", people.stream().map(names::get).toList());
    }

    private static String moduleLine(CheckFlow flow, Syllabus.Module module) {
        int[] completion = flow.store.completion(module.id());
        if (completion[0] == 0) {
            return "check not sent yet";
        }
        List<String> lines = new ArrayList<>();
        lines.add("completion: " + completion[1] + " of " + completion[0] + " finished the check");
        if (completion[1] < CheckCommand.MIN_ANSWERED) {
            lines.add("pass rates show once " + CheckCommand.MIN_ANSWERED + " have answered");
            return String.join("\n", lines);
        }
        List<Question> questions = flow.store.questions(module.id());
        List<Tally> tallies = flow.store.tallies(module.id());
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Tally tally = tallies.get(i);
            rates.add("Q" + (i + 1) + " " + (tally.answered() < CheckCommand.MIN_ANSWERED ? "—"
                    : Math.round(100.0 * (tally.answered() - tally.missed()) / tally.answered()) + " %"));
        }
        lines.add("first-try pass rate: " + String.join(" · ", rates));
        List<Gap> gaps = flow.store.gapsOfModule(module.id());
        int byRecheck = 0;
        int byMentor = 0;
        for (Gap gap : gaps) {
            Instant deadline = gap.openedAt().plus(CLOSED_WITHIN);
            boolean recheckedInTime = "RECHECK".equals(gap.closedBy()) && !gap.closedAt().isAfter(deadline);
            // A mentored gap closes when its ticket is done: it counts only if that came within 30 days of the miss.
            boolean mentoredInTime = gap.open() && "MENTOR".equals(gap.action()) && gap.ticketId() != null
                    && flow.mentors.doneAt(flow.work, gap.ticketId()).filter(done -> !done.isAfter(deadline)).isPresent();
            if (recheckedInTime) {
                byRecheck++;
            } else if (mentoredInTime) {
                byMentor++;
            }
        }
        int asked = flow.store.anonymousQuestions(module.id()).size();
        lines.add("gaps closed within 30 days: " + (byRecheck + byMentor) + " of " + gaps.size() + " (" + byRecheck
                + " by re-check, " + byMentor + " with a mentor)" + (asked == 0 ? ""
                : " · " + asked + " anonymous question" + (asked == 1 ? "" : "s") + " to the owners"));
        return String.join("\n", lines);
    }
}
