package dev.guildhall.workinggroup;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.GuildLeaving;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Someone leaving a guild leaves its working groups (and their waitlists); an owner hands the group over first. */
final class LeavingTheGuild implements GuildLeaving {
    @Override
    public Optional<String> refusal(UnitOfWork work, Guild guild, PersonId person) {
        return groupsIn(new WgFlow(work), guild, person).stream().map(Map.Entry::getKey)
                .filter(group -> group.isOwner(person)).findFirst()
                .map(group -> "You own the working group " + group.title() + " of " + guild.title() + ", so you can't"
                        + " leave the guild yet. Hand the group to a member first (/wg handover " + group.slug()
                        + " @person), or close it (/wg close " + group.slug() + " \"<summary>\"), then leave.");
    }

    @Override
    public List<String> left(UnitOfWork work, Guild guild, PersonId person) {
        WgFlow flow = new WgFlow(work);
        List<Map.Entry<WorkingGroup, String>> groups = groupsIn(flow, guild, person);
        String name = flow.people.nameOf(person);
        for (Map.Entry<WorkingGroup, String> entry : groups) {
            WorkingGroup group = entry.getKey();
            flow.store.remove(group.id(), person);
            if (entry.getValue().equals(WgStore.MEMBER)) {
                group.channel().ifPresent(channel -> flow.outbox.post(channel, Message.text("👋 " + name + " left "
                        + group.title() + " (they left the guild).")));
                GroupCommands.moveFirstWaitingIn(flow, group);
            }
        }
        return groups.isEmpty() ? List.of() : List.of("You also left its working group" + (groups.size() == 1 ? " "
                : "s ") + groups.stream().map(entry -> entry.getKey().title() + (entry.getValue().equals(WgStore.WAITING)
                ? " (its waitlist)" : "")).collect(Collectors.joining(", ")) + ".");
    }

    private static List<Map.Entry<WorkingGroup, String>> groupsIn(WgFlow flow, Guild guild, PersonId person) {
        return flow.store.openGroupsOf(person).stream().filter(entry -> entry.getKey().guildId() == guild.id())
                .toList();
    }
}
