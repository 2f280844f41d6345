package dev.guildhall.guild.api;

import dev.guildhall.core.PersonId;
import dev.guildhall.store.UnitOfWork;

import java.util.List;
import java.util.Optional;

/** What other capabilities may read about guilds' syllabus modules and who leads a guild, in their unit of work. */
public interface Syllabus {

    /** A syllabus module: {@code topic} is its name normalised like a /teach topic; owners oldest first. */
    record Module(long id, long guildId, String guildSlug, String name, String topic, List<PersonId> owners) {
        public Module {
            owners = List.copyOf(owners);
        }
    }

    Optional<Guild> guild(UnitOfWork work, String slug);

    /** The guild's modules, by name. */
    List<Module> modules(UnitOfWork work, long guildId);

    Optional<Module> module(UnitOfWork work, long moduleId);

    /** Modules of any guild with this name (ignoring case and spacing), or whose topic the name normalises to. */
    List<Module> named(UnitOfWork work, String name);

    /** The modules of every guild that {@code person} owns, guild by guild. */
    List<Module> ownedBy(UnitOfWork work, PersonId person);

    boolean isLead(UnitOfWork work, long guildId, PersonId person);

    List<PersonId> leads(UnitOfWork work, long guildId);

    boolean isMember(UnitOfWork work, long guildId, PersonId person);
}
