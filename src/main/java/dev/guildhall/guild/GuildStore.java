package dev.guildhall.guild;

import dev.guildhall.guild.api.Guild;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Guilds and their members, inside one transaction. */
final class GuildStore {
    private static final String MEMBER = """
            SELECT m.person_id, p.display_name, m.role, m.notify AS wants_dms
            FROM guild_member m JOIN person p ON p.id = m.person_id""";

    record Listed(Guild guild, int members, boolean joined) {
    }

    private final Handle handle;

    GuildStore(Handle handle) {
        this.handle = handle;
    }

    Handle handle() {
        return handle;
    }

    long insertGuild(String slug, String name, Optional<ChannelId> channel, Optional<ZoneId> zone, PersonId creator,
                     Instant now) {
        return handle.createQuery("""
                        INSERT INTO guild (slug, name, channel_id, time_zone, created_by, created_at)
                        VALUES (:slug, :name, :channel, :zone, :creator, :now) RETURNING id""")
                .bind("slug", slug).bind("name", name)
                .bindByType("channel", channel.orElse(null), ChannelId.class)
                .bindByType("zone", zone.orElse(null), ZoneId.class)
                .bind("creator", creator).bind("now", now)
                .mapTo(Long.class).one();
    }

    Optional<Guild> bySlug(String slug) {
        return handle.createQuery("SELECT * FROM guild WHERE slug = :slug").bind("slug", slug).mapTo(Guild.class).findOne();
    }

    Optional<Guild> byId(long id) {
        return handle.createQuery("SELECT * FROM guild WHERE id = :id").bind("id", id).mapTo(Guild.class).findOne();
    }

    List<Guild> all() {
        return handle.createQuery("SELECT * FROM guild ORDER BY id").mapTo(Guild.class).list();
    }

    List<Listed> list(PersonId viewer) {
        return handle.createQuery("""
                        SELECT g.*, (SELECT COUNT(*) FROM guild_member m WHERE m.guild_id = g.id) AS members,
                               EXISTS (SELECT 1 FROM guild_member m WHERE m.guild_id = g.id AND m.person_id = :viewer)
                                   AS joined
                        FROM guild g ORDER BY g.slug""")
                .bind("viewer", viewer)
                .map((rs, ctx) -> new Listed(ctx.findRowMapperFor(Guild.class).orElseThrow().map(rs, ctx),
                        rs.getInt("members"), rs.getBoolean("joined")))
                .list();
    }

    Optional<Member> member(long guildId, PersonId person) {
        return handle.createQuery(MEMBER + " WHERE m.guild_id = :guild AND m.person_id = :person")
                .bind("guild", guildId).bind("person", person)
                .mapTo(Member.class).findOne();
    }

    /** Leads first, then by name. */
    List<Member> members(long guildId) {
        return handle.createQuery(MEMBER + """
                         WHERE m.guild_id = :guild
                        ORDER BY CASE m.role WHEN 'LEAD' THEN 0 ELSE 1 END, lower(p.display_name), m.person_id""")
                .bind("guild", guildId)
                .mapTo(Member.class).list();
    }

    /** The guilds a person leads, by slug: what a lead's forms offer. */
    List<Guild> ledBy(PersonId person) {
        return handle.createQuery("""
                        SELECT * FROM guild WHERE id IN (SELECT guild_id FROM guild_member
                         WHERE person_id = :person AND role = 'LEAD') ORDER BY slug""")
                .bind("person", person).mapTo(Guild.class).list();
    }

    List<Member> leads(long guildId) {
        return members(guildId).stream().filter(Member::isLead).toList();
    }

    /** Members who want DMs, in join order so a fan-out is stable. */
    List<PersonId> notified(long guildId) {
        return handle.createQuery("""
                        SELECT person_id FROM guild_member WHERE guild_id = :guild AND notify = 1
                        ORDER BY joined_at, person_id""")
                .bind("guild", guildId)
                .mapTo(PersonId.class).list();
    }

    int memberCount(long guildId) {
        return handle.createQuery("SELECT COUNT(*) FROM guild_member WHERE guild_id = :guild")
                .bind("guild", guildId).mapTo(Integer.class).one();
    }

    void insertMember(long guildId, PersonId person, Role role, Instant now) {
        handle.createUpdate("""
                        INSERT INTO guild_member (guild_id, person_id, role, notify, joined_at)
                        VALUES (:guild, :person, :role, 1, :now)""")
                .bind("guild", guildId).bind("person", person).bind("role", role.name()).bind("now", now)
                .execute();
    }

    void removeMember(long guildId, PersonId person) {
        handle.createUpdate("DELETE FROM guild_member WHERE guild_id = :guild AND person_id = :person")
                .bind("guild", guildId).bind("person", person).execute();
    }

    void setRole(long guildId, PersonId person, Role role) {
        handle.createUpdate("UPDATE guild_member SET role = :role WHERE guild_id = :guild AND person_id = :person")
                .bind("role", role.name()).bind("guild", guildId).bind("person", person).execute();
    }

    void setNotify(long guildId, PersonId person, boolean notify) {
        handle.createUpdate("UPDATE guild_member SET notify = :notify WHERE guild_id = :guild AND person_id = :person")
                .bind("notify", notify ? 1 : 0).bind("guild", guildId).bind("person", person).execute();
    }

    void setChannel(long guildId, Optional<ChannelId> channel) {
        handle.createUpdate("UPDATE guild SET channel_id = :channel WHERE id = :id")
                .bindByType("channel", channel.map(ChannelId::value).orElse(null), String.class)
                .bind("id", guildId).execute();
    }

    void setZone(long guildId, ZoneId zone) {
        handle.createUpdate("UPDATE guild SET time_zone = :zone WHERE id = :id")
                .bind("zone", zone.getId()).bind("id", guildId).execute();
    }

    long insertAnnouncement(long guildId, PersonId author, String text, Long batchId, Instant now) {
        return handle.createQuery("""
                        INSERT INTO announcement (guild_id, author_id, text, batch_id, created_at)
                        VALUES (:guild, :author, :text, :batch, :now) RETURNING id""")
                .bind("guild", guildId).bind("author", author).bind("text", text)
                .bindByType("batch", batchId, Long.class).bind("now", now)
                .mapTo(Long.class).one();
    }
}
