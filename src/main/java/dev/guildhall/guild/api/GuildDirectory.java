package dev.guildhall.guild.api;

import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/** What other capabilities may read about guilds, inside their own unit of work. */
public interface GuildDirectory {
    /** Every guild, oldest first. */
    List<Guild> all(UnitOfWork work);

    Optional<Guild> find(UnitOfWork work, long id);

    /**
     * Makes the person a member of the guild (they must not be one yet), as {@code /guild join} does: the messages
     * welcome them and show the guild's upcoming meetups with RSVP buttons.
     */
    List<Message> join(UnitOfWork work, Guild guild, PersonId person);
}
