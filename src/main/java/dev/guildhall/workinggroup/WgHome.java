package dev.guildhall.workinggroup;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Map;

/** A person's working groups on their home page: the ones they're in or waiting for, with what is going on. */
final class WgHome {
    private WgHome() {
    }

    static List<Message> render(PersonId viewer, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        List<Map.Entry<WorkingGroup, String>> groups = flow.store.openGroupsOf(viewer);
        if (groups.isEmpty()) {
            return List.of();
        }
        Message section = Message.text("🧩 *Your working groups*");
        for (Map.Entry<WorkingGroup, String> entry : groups) {
            WorkingGroup group = entry.getKey();
            String role = group.isOwner(viewer) ? "you own it" : entry.getValue().equals(WgStore.WAITING)
                    ? "you're on the waitlist" : "you're in";
            String state = group.status() == WorkingGroup.Status.PENDING ? " · being set up"
                    : group.channel().map(c -> " · " + WgFlow.channel(c)).orElse("");
            section = section.withField(group.slug(), group.charter() + " — " + role + state
                    + Checkins.describe(flow, group).map(c -> " · check-in " + c).orElse("")
                    + group.endsOn().map(d -> " · until " + d).orElse(""));
        }
        return List.of(section.withContext("/wg info <slug> for more; /wg list for every open group."));
    }
}
