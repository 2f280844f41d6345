package dev.guildhall.guild;

import dev.guildhall.command.ActionRequest;
import dev.guildhall.command.Registry;
import dev.guildhall.command.UsageException;
import dev.guildhall.core.Admins;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.Succession;
import dev.guildhall.people.Succession.Outcome;
import dev.guildhall.schedule.DueTasks;
import dev.guildhall.store.UnitOfWork;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A guild whose only lead is forgotten asks its longest-standing members, one at a time, to lead it: a button to
 * take it on, another to pass; a pass or no answer within {@link #DEADLINE} moves on to the next member. The admins
 * ({@code GUILDHALL_ADMINS}) hear when nobody takes it on or it has no members left.
 */
final class LeadSuccession {
    static final String SCOPE = "guild.lead";
    static final String TAKE = "guild.take-lead";
    static final String PASS = "guild.pass-lead";
    static final String DEADLINE_TASK = "guild.lead-ask-deadline";
    static final Duration DEADLINE = Duration.ofDays(3);

    private final Admins admins;

    LeadSuccession(Admins admins) {
        this.admins = admins;
    }

    void register(Registry registry) {
        registry.personalData(Succession.PERSONAL_DATA);
        registry.whenForgetting(this::forgetting);
        registry.action(TAKE, this::take);
        registry.action(PASS, request -> {
            Succession.Ask ask = openAskOf(request);
            new Succession(request.work(), SCOPE).close(ask.id(), Outcome.DECLINED);
            askNext(request.work(), ask.subject());
            return Reply.of("No problem — I'll ask someone else.");
        });
        registry.task(DEADLINE_TASK, (askId, work) -> {
            Succession succession = new Succession(work, SCOPE);
            succession.ask(askId).filter(Succession.Ask::open).ifPresent(ask -> {
                succession.close(ask.id(), Outcome.EXPIRED);
                askNext(work, ask.subject());
            });
        });
    }

    private void forgetting(PersonId person, UnitOfWork work) {
        GuildStore store = new GuildStore(work.handle());
        List<Long> ledAlone = work.handle().createQuery("""
                        SELECT m.guild_id FROM guild_member m WHERE m.person_id = :person AND m.role = 'LEAD'
                        AND NOT EXISTS (SELECT 1 FROM guild_member o WHERE o.guild_id = m.guild_id
                                        AND o.role = 'LEAD' AND o.person_id <> :person)
                        ORDER BY m.guild_id""")
                .bind("person", person.value()).mapTo(Long.class).list();
        for (long guildId : ledAlone) {
            store.removeMember(guildId, person);
            askNext(work, guildId);
        }
        // An ask waiting for their answer ends with them, and the next member is asked.
        Succession succession = new Succession(work, SCOPE);
        work.handle().createQuery("SELECT id FROM succession_ask WHERE scope = :scope AND person_id = :person"
                        + " AND outcome IS NULL").bind("scope", SCOPE).bind("person", person.value())
                .mapTo(Long.class).list().forEach(askId -> succession.ask(askId).ifPresent(ask -> {
                    succession.close(ask.id(), Outcome.ENDED);
                    store.removeMember(ask.subject(), person);
                    askNext(work, ask.subject());
                }));
    }

    /** Asks the next longest-standing member, or tells the admins nobody is left to ask. */
    private void askNext(UnitOfWork work, long guildId) {
        GuildStore store = new GuildStore(work.handle());
        Optional<Guild> guild = store.byId(guildId);
        if (guild.isEmpty() || !store.leads(guildId).isEmpty()) {
            return;
        }
        List<PersonId> byTenure = work.handle().createQuery("""
                        SELECT person_id FROM guild_member WHERE guild_id = :guild ORDER BY joined_at, person_id""")
                .bind("guild", guildId).map((rs, ctx) -> new PersonId(rs.getString("person_id"))).list();
        Outbox outbox = new Outbox(work);
        Optional<Succession.Ask> ask = new Succession(work, SCOPE).askNext(guildId, byTenure, DEADLINE);
        if (ask.isEmpty()) {
            String why = byTenure.isEmpty() ? "it has no members left" : "none of its " + byTenure.size()
                    + " members took it on";
            admins.people().forEach(admin -> outbox.sendDirect(admin, Message.text("⚠️ " + guild.get().title()
                    + " has no lead: its only lead asked to be forgotten, and " + why
                    + ". Its members and meetups stay, but nobody can plan meetups, announce or add leads in it"
                    + " until it has a lead.")));
            return;
        }
        outbox.sendDirect(ask.get().person(), Message.text("🧭 " + guild.get().title() + " has lost its only lead"
                        + " (they asked to be forgotten). You are one of its longest-standing members: would you lead"
                        + " it? Leads plan meetups, send announcements and add other leads.")
                .withButton(Message.Button.primary(TAKE + ":" + ask.get().id(), "I'll lead it"))
                .withButton(Message.Button.of(PASS + ":" + ask.get().id(), "Not me"))
                .withContext("If you don't answer within " + DEADLINE.toDays() + " days, I'll ask the next member."));
        new DueTasks(work).schedule(DEADLINE_TASK, ask.get().id(), ask.get().dueAt());
    }

    private Reply take(ActionRequest request) {
        Succession.Ask ask = openAskOf(request);
        GuildStore store = new GuildStore(request.work().handle());
        Guild guild = store.byId(ask.subject()).orElseThrow(() -> new UsageException("That guild no longer exists."));
        new Succession(request.work(), SCOPE).close(ask.id(), Outcome.ACCEPTED);
        new DueTasks(request.work()).cancel(DEADLINE_TASK, ask.id());
        if (store.member(guild.id(), request.presser().id()).isEmpty()) {
            throw new UsageException("You are no longer a member of " + guild.title() + ". /guild join " + guild.slug()
                    + " first.");
        }
        store.setRole(guild.id(), request.presser().id(), Role.LEAD);
        Outbox outbox = new Outbox(request.work());
        store.notified(guild.id()).stream().filter(member -> !member.equals(request.presser().id()))
                .forEach(member -> outbox.sendDirect(member, Message.text("🧭 " + request.presser().displayName()
                        + " now leads " + guild.title() + ".")));
        return Reply.of("Thank you! You now lead " + guild.title() + ". /guild help shows what leads can do.");
    }

    private static Succession.Ask openAskOf(ActionRequest request) {
        Succession.Ask ask = new Succession(request.work(), SCOPE).ask(request.idArgument())
                .filter(a -> a.person().equals(request.presser().id()))
                .orElseThrow(() -> new UsageException("That button is not one I recognise any more."));
        if (!ask.open()) {
            throw new UsageException("That question is already settled — thanks anyway.");
        }
        return ask;
    }
}
