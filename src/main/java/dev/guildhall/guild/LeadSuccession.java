package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;

import dev.guildhall.command.UsageException;
import dev.guildhall.core.Admins;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.core.Reply;
import dev.guildhall.outbox.Outbox;
import dev.guildhall.people.Succession;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * A guild whose only lead is forgotten asks its longest-standing members, one at a time, to lead it
 * ({@link Succession}). The admins ({@code GUILDHALL_ADMINS}) hear when nobody takes it on or it has no members.
 */
final class LeadSuccession implements Succession.Handover {
    private final Admins admins;

    LeadSuccession(Admins admins) {
        this.admins = admins;
    }

    @Override
    public String scope() {
        return "guild.lead";
    }

    @Override
    public void forgetting(PersonId person, UnitOfWork work) {
        List<Long> ledAlone = work.handle().createQuery("""
                        SELECT m.guild_id FROM guild_member m WHERE m.person_id = :person AND m.role = 'LEAD'
                        AND NOT EXISTS (SELECT 1 FROM guild_member o WHERE o.guild_id = m.guild_id
                                        AND o.role = 'LEAD' AND o.person_id <> :person)
                        ORDER BY m.guild_id""")
                .bind("person", person.value()).mapTo(Long.class).list();
        GuildStore store = new GuildStore(work.handle());
        for (long guildId : ledAlone) {
            store.removeMember(guildId, person);
            Succession.askNext(work, this, guildId);
        }
    }

    @Override
    public Optional<List<PersonId>> candidates(UnitOfWork work, long guildId) {
        GuildStore store = new GuildStore(work.handle());
        if (store.byId(guildId).isEmpty() || !store.leads(guildId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(work.handle().createQuery("""
                        SELECT person_id FROM guild_member WHERE guild_id = :guild ORDER BY joined_at, person_id""")
                .bind("guild", guildId).map((rs, ctx) -> new PersonId(rs.getString("person_id"))).list());
    }

    @Override
    public Message question(UnitOfWork work, long guildId) {
        Guild guild = new GuildStore(work.handle()).byId(guildId).orElseThrow();
        return Message.text("🧭 " + guild.title() + " has lost its only lead (they asked to be forgotten). You are"
                + " one of its longest-standing members: would you lead it? Leads plan meetups, send announcements"
                + " and add other leads.");
    }

    @Override
    public void nobodyTookItOn(UnitOfWork work, long guildId, int candidatesAsked) {
        Guild guild = new GuildStore(work.handle()).byId(guildId).orElseThrow();
        String why = candidatesAsked == 0 ? "it has no members left"
                : "none of the " + candidatesAsked + " members asked took it on";
        Outbox outbox = new Outbox(work);
        admins.people().forEach(admin -> outbox.sendDirect(admin, Message.text("⚠️ " + guild.title() + " has no"
                + " lead: its only lead asked to be forgotten, and " + why + ". Its members and meetups stay, but"
                + " nobody can plan meetups, announce or add leads in it until it has a lead.")));
    }

    @Override
    public Reply takeOn(UnitOfWork work, long guildId, Person presser) {
        GuildStore store = new GuildStore(work.handle());
        Guild guild = store.byId(guildId).orElseThrow(() -> new UsageException("That guild no longer exists."));
        if (store.member(guild.id(), presser.id()).isEmpty()) {
            throw new UsageException("You are no longer a member of " + guild.title() + ". /guild join " + guild.slug()
                    + " first.");
        }
        store.setRole(guild.id(), presser.id(), Role.LEAD);
        Outbox outbox = new Outbox(work);
        store.notified(guild.id()).stream().filter(member -> !member.equals(presser.id()))
                .forEach(member -> outbox.sendDirect(member, Message.text("🧭 " + presser.displayName()
                        + " now leads " + guild.title() + ".")));
        return Reply.of("Thank you! You now lead " + guild.title() + ". /guild help shows what leads can do.");
    }
}
