package dev.guildhall.guild;

import dev.guildhall.core.PersonId;
import dev.guildhall.guild.api.Guild;
import dev.guildhall.guild.api.Syllabus;
import dev.guildhall.store.UnitOfWork;
import dev.guildhall.topic.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The guild and syllabus stores behind the published {@link Syllabus}. */
final class StoredSyllabus implements Syllabus {
    private final SyllabusCommands names;

    StoredSyllabus(Topics topics) {
        this.names = new SyllabusCommands(topics);
    }

    @Override
    public Optional<Guild> guild(UnitOfWork work, String slug) {
        return new GuildStore(work.handle()).bySlug(slug.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<Module> modules(UnitOfWork work, long guildId) {
        String slug = new GuildStore(work.handle()).byId(guildId).map(Guild::slug).orElse("");
        return new SyllabusStore(work.handle()).modules(guildId).stream().map(m -> published(guildId, slug, m)).toList();
    }

    @Override
    public Optional<Module> module(UnitOfWork work, long moduleId) {
        Optional<Long> guildId = work.handle().createQuery("SELECT guild_id FROM syllabus_module WHERE id = :id")
                .bind("id", moduleId).mapTo(Long.class).findOne();
        return guildId.flatMap(guild -> modules(work, guild).stream().filter(m -> m.id() == moduleId).findFirst());
    }

    @Override
    public List<Module> named(UnitOfWork work, String name) {
        String folded = SyllabusCommands.fold(name);
        String topic = names.topicOf(name);
        List<Module> found = new ArrayList<>();
        for (Guild guild : new GuildStore(work.handle()).all()) {
            modules(work, guild.id()).stream()
                    .filter(m -> SyllabusCommands.fold(m.name()).equals(folded)
                            || m.topic().equals(topic))
                    .forEach(found::add);
        }
        return found;
    }

    @Override
    public List<Module> ownedBy(UnitOfWork work, PersonId person) {
        return new GuildStore(work.handle()).all().stream().flatMap(guild -> modules(work, guild.id()).stream())
                .filter(module -> module.owners().contains(person)).toList();
    }

    @Override
    public boolean isLead(UnitOfWork work, long guildId, PersonId person) {
        return new GuildStore(work.handle()).member(guildId, person).filter(Member::isLead).isPresent();
    }

    @Override
    public List<PersonId> leads(UnitOfWork work, long guildId) {
        return new GuildStore(work.handle()).leads(guildId).stream().map(Member::person).toList();
    }

    @Override
    public boolean isMember(UnitOfWork work, long guildId, PersonId person) {
        return new GuildStore(work.handle()).member(guildId, person).isPresent();
    }

    private static Module published(long guildId, String slug, SyllabusStore.Module module) {
        return new Module(module.id(), guildId, slug, module.name(), module.topic(), module.ownerIds());
    }
}
