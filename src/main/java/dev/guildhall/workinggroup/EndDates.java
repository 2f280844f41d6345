package dev.guildhall.workinggroup;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.time.LocalDate;
import java.time.LocalTime;

/** A group past its end date: the owner is nudged once, the morning after, to close it or extend it. */
final class EndDates {
    static final String NUDGE = "wg.ends";
    static final int EXTENSION_DAYS = 14;
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private EndDates() {
    }

    static void schedule(WgFlow flow, long groupId, PersonId owner, LocalDate endsOn) {
        flow.tasks.schedule(NUDGE, groupId, endsOn.plusDays(1).atTime(MORNING).atZone(flow.zoneOf(owner)).toInstant());
    }

    static void nudge(long groupId, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        flow.store.byId(groupId).filter(group -> group.status() == WorkingGroup.Status.ACTIVE)
                .filter(group -> group.endsOn().filter(date -> date.isBefore(flow.today(group.owner()))).isPresent())
                .ifPresent(group -> flow.outbox.sendDirect(group.owner(), Message.text("📅 " + group.title()
                                + " meant to finish by " + group.endsOn().get() + ". Done? Close it with a summary for"
                                + " the guild: /wg close " + group.slug() + " \"<what you found>\". Not yet? Extend it:"
                                + " /wg extend " + group.slug() + " <date>.")
                        .withButton(Message.Button.of(WgButtons.EXTEND + ":" + group.id(), "Extend by "
                                + EXTENSION_DAYS + " days"))));
    }
}
