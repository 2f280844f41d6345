package dev.guildhall.guild.api;

import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * What another capability does when someone leaves a guild (like working groups: the leaver leaves the guild's
 * groups too). Asked first whether the leaving must wait, so a refused leave changes nothing.
 */
public interface GuildLeaving {
    /** Why this person can't leave the guild yet, and what to do first; empty when nothing stands in the way. */
    Optional<String> refusal(UnitOfWork work, Guild guild, PersonId person);

    /** The person has left the guild: undo what they had in it here; each line is told to them in the reply. */
    List<String> left(UnitOfWork work, Guild guild, PersonId person);
}
