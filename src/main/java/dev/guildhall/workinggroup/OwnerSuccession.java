package dev.guildhall.workinggroup;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Admins;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.people.Succession;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * A working group whose owner is forgotten pauses its check-in, tells its members, and asks them, longest-standing
 * first, to take it on ({@link Succession}); the new owner can close it, and its check-in runs again. The admins
 * hear when nobody takes it on or it has no members left.
 */
final class OwnerSuccession implements Succession.Handover {
    private final Admins admins;

    OwnerSuccession(Admins admins) {
        this.admins = admins;
    }

    @Override
    public String scope() {
        return "wg.owner";
    }

    @Override
    public void forgetting(PersonId person, UnitOfWork work) {
        WgFlow flow = new WgFlow(work);
        List<Long> owned = work.handle().createQuery("""
                        SELECT id FROM working_group WHERE owner_id = :person AND status <> 'CLOSED' ORDER BY id""")
                .bind("person", person.value()).mapTo(Long.class).list();
        for (long groupId : owned) {
            WorkingGroup group = flow.store.byId(groupId).orElseThrow();
            flow.store.remove(groupId, person);
            boolean paused = Checkins.pauseForOwner(flow, group);
            flow.store.people(groupId, WgStore.MEMBER).forEach(member -> flow.outbox.sendDirect(member.id(),
                    Message.text("🧭 The owner of " + group.title() + " has left Guildhall." + (paused
                            ? " Its weekly check-in is paused until someone takes the group on." : "")
                            + " I'm asking its longest-standing members, one at a time, whether they will.")));
            Succession.askNext(work, this, groupId);
        }
    }

    @Override
    public Optional<List<PersonId>> candidates(UnitOfWork work, long groupId) {
        WgFlow flow = new WgFlow(work);
        Optional<WorkingGroup> group = flow.store.byId(groupId);
        if (group.isEmpty() || group.get().status() == WorkingGroup.Status.CLOSED
                || WgStore.MEMBER.equals(flow.store.state(groupId, group.get().owner()).orElse(""))) {
            return Optional.empty();
        }
        return Optional.of(flow.store.people(groupId, WgStore.MEMBER).stream().map(WgStore.Person::id).toList());
    }

    @Override
    public Message question(UnitOfWork work, long groupId) {
        WorkingGroup group = new WgFlow(work).store.byId(groupId).orElseThrow();
        return Message.text("🧭 Working group " + group.title() + " has lost its owner (they asked to be forgotten)."
                + " You are one of its longest-standing members: would you own it? Owners plan its check-in, extend"
                + " or split it, and close it when it's done.");
    }

    @Override
    public void nobodyTookItOn(UnitOfWork work, long groupId, int candidatesAsked) {
        WgFlow flow = new WgFlow(work);
        WorkingGroup group = flow.store.byId(groupId).orElseThrow();
        String why = candidatesAsked == 0 ? "it has no members left"
                : "none of the " + candidatesAsked + " members asked took it on";
        admins.people().forEach(admin -> flow.outbox.sendDirect(admin, Message.text("⚠️ Working group "
                + group.title() + " has no owner: its owner asked to be forgotten, and " + why + ". Its check-in"
                + " stays paused and nobody can close it until it has an owner.")));
    }

    @Override
    public Reply takeOn(UnitOfWork work, long groupId, Person presser) {
        WgFlow flow = new WgFlow(work);
        WorkingGroup group = flow.store.byId(groupId).orElseThrow(() -> new UsageException(
                "That working group no longer exists."));
        if (group.status() == WorkingGroup.Status.CLOSED) {
            throw new UsageException("Working group " + group.title() + " is closed already.");
        }
        if (!WgStore.MEMBER.equals(flow.store.state(groupId, presser.id()).orElse(""))) {
            throw new UsageException("You are no longer a member of " + group.title() + ".");
        }
        flow.store.setOwner(groupId, presser.id());
        WorkingGroup owned = flow.store.byId(groupId).orElseThrow();
        boolean resumed = Checkins.resumePaused(flow, owned).isPresent();
        flow.store.people(groupId, WgStore.MEMBER).stream().filter(member -> !member.id().equals(presser.id()))
                .forEach(member -> flow.outbox.sendDirect(member.id(), Message.text("🧭 " + presser.displayName()
                        + " now owns " + group.title() + "." + (resumed ? " Its weekly check-in runs again." : ""))));
        return Reply.of("Thank you! You now own " + group.title() + "." + (resumed
                ? " Its weekly check-in runs again, from its next weekday." : "") + " /wg help shows what owners can do.");
    }
}
