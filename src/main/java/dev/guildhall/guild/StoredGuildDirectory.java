package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.GuildDirectory;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/** The guild store behind the published {@link GuildDirectory}. */
final class StoredGuildDirectory implements GuildDirectory {
    @Override
    public List<Guild> all(UnitOfWork work) {
        return new GuildStore(work.handle()).all();
    }

    @Override
    public Optional<Guild> find(UnitOfWork work, long id) {
        return new GuildStore(work.handle()).byId(id);
    }

    @Override
    public List<Message> join(UnitOfWork work, Guild guild, PersonId person) {
        return MembershipCommands.join(new GuildFlow(work), guild, person);
    }
}
