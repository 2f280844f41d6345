package dev.guildhall.workinggroup;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Buttons: split a full group (owner), extend a group past its end date (owner), "nothing new" to a check-in, and
 * "show more" under a long list of groups.
 */
final class WgButtons {
    static final String SPLIT = "wg.split";
    static final String EXTEND = "wg.extend";
    static final String NOTHING_NEW = "wg.nothingnew";

    private WgButtons() {
    }

    static void register(Registry registry) {
        registry.action(SPLIT, WgButtons::split);
        registry.action(GroupCommands.MORE, request -> GroupCommands.morePressed(new WgFlow(request.work()),
                request.argument()));
        registry.action(EXTEND, WgButtons::extend);
        registry.action(NOTHING_NEW, request -> Checkins.nothingNew(new WgFlow(request.work()), request.presser().id(),
                request.idArgument()));
    }

    private static WorkingGroup openGroup(WgFlow flow, ActionRequest request) {
        WorkingGroup group = flow.store.byId(request.idArgument()).orElseThrow(() -> new UsageException(
                "That working group no longer exists."));
        if (group.status() == WorkingGroup.Status.CLOSED) {
            throw new UsageException(group.title() + " is closed.");
        }
        return group;
    }

    /**
     * Starts the second group like {@code create} does (PENDING, channel through the outbox); the waitlist moves in
     * only once its channel exists, so a refused channel leaves the waitlist exactly as it was.
     */
    private static Reply split(ActionRequest request) {
        WgFlow flow = new WgFlow(request.work());
        WorkingGroup group = openGroup(flow, request);
        PersonId presser = request.presser().id();
        flow.requireOwner(group, presser, "split it");
        Optional<WorkingGroup> splitting = flow.store.pendingSplitOf(group.id());
        if (splitting.isPresent()) {
            throw new UsageException("Already on it: " + splitting.get().title() + " is being set up.");
        }
        List<WgStore.Person> waiting = flow.store.people(group.id(), WgStore.WAITING);
        if (waiting.isEmpty()) {
            throw new UsageException("Nobody is waiting for " + group.title() + " any more, so there's nothing to"
                    + " split.");
        }
        String slug = freeSlug(flow, group.slug());
        long id = flow.store.insert(slug, group.guildId(), group.charter(), group.owner(), group.size(), group.endsOn(),
                WorkingGroup.Status.PENDING, Optional.empty(), Optional.of(group.id()), flow.now());
        flow.store.add(id, group.owner(), WgStore.MEMBER, flow.now());
        group.endsOn().ifPresent(date -> EndDates.schedule(flow, id, group.owner(), date));
        List<PersonId> invite = new ArrayList<>(List.of(group.owner()));
        waiting.stream().limit(group.size()).forEach(person -> invite.add(person.id()));
        long channelRequest = flow.outbox.createChannel("wg-" + slug, invite,
                WgFlow.besideFor(group.owner(), group.channel(), flow.store.guild(group.guildId()).channel()),
                ChannelSteps.CHANNEL_SETTLED, id);
        flow.store.setChannelRequest(id, channelRequest);
        return Reply.of("✂️ Splitting " + group.title() + ": I'm setting up *" + slug + "* (same charter) with channel"
                + " #wg-" + slug + ", and will move the " + Math.min(waiting.size(), group.size()) + " first on"
                + " the waitlist into it once the channel is ready.");
    }

    /** {@code vpc-2}, or the next number free among open groups, within the 32 characters a slug may have. */
    static String freeSlug(WgFlow flow, String slug) {
        String base = slug.replaceFirst("-\\d+$", "");
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String candidate = (base.length() + suffix.length() <= 32 ? base : base.substring(0, 32 - suffix.length()))
                    + suffix;
            if (flow.store.openBySlug(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private static Reply extend(ActionRequest request) {
        WgFlow flow = new WgFlow(request.work());
        WorkingGroup group = openGroup(flow, request);
        flow.requireOwner(group, request.presser().id(), "extend it");
        LocalDate today = flow.today(group.owner());
        LocalDate from = group.endsOn().filter(date -> date.isAfter(today)).orElse(today);
        LocalDate date = from.plusDays(EndDates.EXTENSION_DAYS);
        GroupCommands.extendTo(flow, group, date);
        return Reply.of(Message.text("📅 " + group.title() + " now means to finish by " + date + "."));
    }
}
