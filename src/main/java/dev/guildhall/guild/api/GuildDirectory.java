package dev.guildhall.guild.api;

import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/** What other capabilities may read about guilds, inside their own unit of work. */
public interface GuildDirectory {
    /** Every guild, oldest first. */
    List<Guild> all(UnitOfWork work);

    Optional<Guild> find(UnitOfWork work, long id);
}
