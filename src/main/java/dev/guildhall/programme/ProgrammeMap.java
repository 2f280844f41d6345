package dev.guildhall.programme;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.programme.ProgrammeStore.Cohort;
import dev.guildhall.programme.ProgrammeStore.Gap;
import dev.guildhall.programme.ProgrammeStore.Programme;
import dev.guildhall.programme.ProgrammeStore.ProgrammeModule;
import dev.guildhall.programme.ProgrammeStore.Round;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each person's own map ({@code /programme me} and the home page): their programmes' modules, which checks they
 * passed, which gaps are open and what is being done about each. It reads only the viewer's own rounds and gaps.
 */
final class ProgrammeMap {
    private ProgrammeMap() {
    }

    static List<Message> of(CheckFlow flow, PersonId viewer, boolean sayWhenEmpty) {
        List<Message> page = new ArrayList<>();
        for (Cohort cohort : flow.store.cohortsOf(viewer)) {
            Programme programme = flow.store.programme(cohort.programmeId()).orElseThrow();
            Message message = Message.text("🗺 *" + programme.title() + "* — your map (cohort starting "
                    + cohort.startsOn() + ")");
            for (ProgrammeModule entry : flow.store.modules(programme.id())) {
                Optional<Syllabus.Module> module = flow.syllabus.module(flow.work, entry.moduleId());
                if (module.isPresent()) {
                    message = message.withField(entry.position() + ". " + module.get().name(),
                            state(flow, viewer, module.get()));
                }
            }
            page.add(message.withContext("🔒 Only you see this map."));
        }
        if (page.isEmpty() && sayWhenEmpty) {
            page.add(Message.text("You're not in a programme's cohort yet. /programme join <slug> joins one."));
        }
        return page;
    }

    private static String state(CheckFlow flow, PersonId viewer, Syllabus.Module module) {
        Optional<Round> first = flow.store.firstTry(module.id(), viewer);
        if (first.isEmpty()) {
            return "check not sent yet";
        }
        if (!first.get().finished()) {
            return "📝 your check is waiting in your DMs (" + Math.min(first.get().position(),
                    first.get().questions().size()) + " of " + first.get().questions().size() + " answered)";
        }
        int total = first.get().questions().size();
        int missed = flow.store.missed(first.get().id()).size();
        List<Gap> gaps = flow.store.gapsOf(viewer, module.id());
        List<String> lines = new ArrayList<>();
        lines.add((missed == 0 ? "✅ passed" : "checked") + " — " + (total - missed) + " of " + total
                + " right the first time");
        for (Gap gap : gaps) {
            String question = flow.store.question(gap.questionId()).map(ProgrammeStore.Question::text).orElse("?");
            lines.add((gap.open() ? "• open gap: " : "• ✓ closed: ") + question + " — " + doing(flow, viewer, gap));
        }
        return String.join("\n", lines);
    }

    private static String doing(CheckFlow flow, PersonId viewer, Gap gap) {
        if (!gap.open()) {
            return "MENTOR".equals(gap.closedBy()) ? "closed with a mentor" : "right twice on re-checks";
        }
        if ("MENTOR".equals(gap.action()) && gap.ticketId() != null) {
            return "mentor: /learn ticket #" + gap.ticketId() + ", "
                    + flow.mentors.describe(flow.work, gap.ticketId()).orElse("closed");
        }
        if ("RECHECK".equals(gap.action()) && gap.recheckDue() != null) {
            return "re-check due " + flow.day(gap.recheckDue(), viewer)
                    + (gap.rightCount() > 0 ? " (right once so far)" : "");
        }
        return "nothing yet — your result's buttons can plan a re-check or find a mentor";
    }
}
