package dev.guildhall.workinggroup;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Working groups, their members and waitlists, and what they shared, inside one transaction. */
final class WgStore {
    static final String MEMBER = "MEMBER";
    static final String WAITING = "WAITING";

    /** A working group's columns named as {@link WorkingGroup}'s components, for {@code FROM working_group w}. */
    private static final String GROUP = """
            w.id, w.slug, w.guild_id, w.charter, w.owner_id AS owner, w.size, w.ends_on, w.status,
            w.channel_id AS channel, w.channel_created, w.channel_request_id, w.split_from""";
    private static final String GUILD = "SELECT id, slug, name, channel_id AS channel, time_zone AS zone FROM guild";

    record Listed(WorkingGroup group, String guildSlug, int members, int waiting) {
    }

    record Person(PersonId id, String name) {
    }

    record Result(String groupSlug, String kind, String text, String author) {
    }

    private final Handle handle;

    WgStore(Handle handle) {
        this.handle = handle;
    }

    long insert(String slug, long guildId, String charter, PersonId owner, int size, Optional<LocalDate> endsOn,
                WorkingGroup.Status status, Optional<ChannelId> channel, Optional<Long> splitFrom, Instant now) {
        return handle.createQuery("""
                        INSERT INTO working_group (slug, guild_id, charter, owner_id, size, ends_on, status, channel_id,
                                                   channel_created, split_from, created_at)
                        VALUES (:slug, :guild, :charter, :owner, :size, :endsOn, :status, :channel, 0, :splitFrom, :now)
                        RETURNING id""")
                .bind("slug", slug).bind("guild", guildId).bind("charter", charter).bind("owner", owner)
                .bind("size", size)
                .bindByType("endsOn", endsOn.orElse(null), LocalDate.class)
                .bind("status", status.name())
                .bindByType("channel", channel.orElse(null), ChannelId.class)
                .bindByType("splitFrom", splitFrom.orElse(null), Long.class)
                .bind("now", now)
                .mapTo(Long.class).one();
    }

    void setChannelRequest(long id, long outboxId) {
        handle.createUpdate("UPDATE working_group SET channel_request_id = :request WHERE id = :id")
                .bind("request", outboxId).bind("id", id).execute();
    }

    void activate(long id, ChannelId channel) {
        handle.createUpdate("""
                        UPDATE working_group SET status = 'ACTIVE', channel_id = :channel, channel_created = 1
                        WHERE id = :id""")
                .bind("channel", channel).bind("id", id).execute();
    }

    /** Takes back a group whose channel could not be made: members, waitlist and the group itself. */
    void delete(long id) {
        handle.createUpdate("DELETE FROM wg_member WHERE group_id = :id").bind("id", id).execute();
        handle.createUpdate("DELETE FROM working_group WHERE id = :id").bind("id", id).execute();
    }

    void close(long id, String summary, Instant now) {
        handle.createUpdate("UPDATE working_group SET status = 'CLOSED', summary = :summary, closed_at = :now WHERE id = :id")
                .bind("summary", summary).bind("now", now).bind("id", id).execute();
    }

    String summary(long id) {
        return handle.createQuery("SELECT summary FROM working_group WHERE id = :id").bind("id", id)
                .mapTo(String.class).one();
    }

    void setEndsOn(long id, LocalDate date) {
        handle.createUpdate("UPDATE working_group SET ends_on = :date WHERE id = :id")
                .bind("date", date).bind("id", id).execute();
    }

    Optional<WorkingGroup> byId(long id) {
        return handle.createQuery("SELECT " + GROUP + " FROM working_group w WHERE w.id = :id").bind("id", id)
                .mapTo(WorkingGroup.class).findOne();
    }

    Optional<WorkingGroup> openBySlug(String slug) {
        return handle.createQuery("SELECT " + GROUP + " FROM working_group w WHERE w.slug = :slug AND w.status <> 'CLOSED'")
                .bind("slug", slug).mapTo(WorkingGroup.class).findOne();
    }

    /** The open group of that name, or else the one closed last: info still tells about a finished group. */
    Optional<WorkingGroup> anyBySlug(String slug) {
        return handle.createQuery("SELECT " + GROUP + """
                         FROM working_group w WHERE w.slug = :slug
                        ORDER BY CASE w.status WHEN 'CLOSED' THEN 1 ELSE 0 END, w.closed_at DESC, w.id DESC LIMIT 1""")
                .bind("slug", slug).mapTo(WorkingGroup.class).findOne();
    }

    Optional<WorkingGroup> pendingSplitOf(long id) {
        return handle.createQuery("SELECT " + GROUP + " FROM working_group w WHERE w.split_from = :id"
                        + " AND w.status = 'PENDING'")
                .bind("id", id).mapTo(WorkingGroup.class).findOne();
    }

    List<Listed> listOpen(Optional<Long> guildId) {
        return handle.createQuery("SELECT " + GROUP + """
                        , g.slug AS guild_slug,
                               (SELECT COUNT(*) FROM wg_member m WHERE m.group_id = w.id AND m.state = 'MEMBER'
                                AND m.person_id <> w.owner_id) AS members,
                               (SELECT COUNT(*) FROM wg_member m WHERE m.group_id = w.id AND m.state = 'WAITING') AS waiting
                        FROM working_group w JOIN guild g ON g.id = w.guild_id
                        WHERE w.status <> 'CLOSED' AND (:guild IS NULL OR w.guild_id = :guild)
                        ORDER BY g.slug, w.slug""")
                .bindByType("guild", guildId.orElse(null), Long.class)
                .map((rs, ctx) -> new Listed(group(rs, ctx), rs.getString("guild_slug"), rs.getInt("members"),
                        rs.getInt("waiting")))
                .list();
    }

    void setOwner(long groupId, PersonId owner) {
        handle.createUpdate("UPDATE working_group SET owner_id = :owner WHERE id = :id")
                .bind("owner", owner).bind("id", groupId).execute();
    }

    /** The open groups someone is in or waiting for, with their state there. */
    List<Map.Entry<WorkingGroup, String>> openGroupsOf(PersonId person) {
        return handle.createQuery("SELECT " + GROUP + """
                        , m.state FROM working_group w JOIN wg_member m ON m.group_id = w.id
                        WHERE m.person_id = :person AND w.status <> 'CLOSED' ORDER BY w.slug""")
                .bind("person", person)
                .map((rs, ctx) -> Map.entry(group(rs, ctx), rs.getString("state")))
                .list();
    }

    Optional<String> state(long groupId, PersonId person) {
        return handle.createQuery("SELECT state FROM wg_member WHERE group_id = :group AND person_id = :person")
                .bind("group", groupId).bind("person", person).mapTo(String.class).findOne();
    }

    /** Members or the waitlist, in the order they came (the waitlist's order is who moves in first). */
    List<Person> people(long groupId, String state) {
        return handle.createQuery("""
                        SELECT m.person_id AS id, p.display_name AS name FROM wg_member m JOIN person p ON p.id = m.person_id
                        WHERE m.group_id = :group AND m.state = :state ORDER BY m.since, m.person_id""")
                .bind("group", groupId).bind("state", state).mapTo(Person.class).list();
    }

    /** People who joined, the owner not counted: the places a group's size is about. */
    int joined(WorkingGroup group) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM wg_member WHERE group_id = :group AND state = 'MEMBER' AND person_id <> :owner""")
                .bind("group", group.id()).bind("owner", group.owner()).mapTo(Integer.class).one();
    }

    int count(long groupId, String state) {
        return handle.createQuery("SELECT COUNT(*) FROM wg_member WHERE group_id = :group AND state = :state")
                .bind("group", groupId).bind("state", state).mapTo(Integer.class).one();
    }

    void add(long groupId, PersonId person, String state, Instant now) {
        handle.createUpdate("""
                        INSERT INTO wg_member (group_id, person_id, state, since) VALUES (:group, :person, :state, :now)""")
                .bind("group", groupId).bind("person", person).bind("state", state).bind("now", now).execute();
    }

    void setState(long groupId, PersonId person, String state, Instant now) {
        handle.createUpdate("""
                        UPDATE wg_member SET state = :state, since = :now WHERE group_id = :group AND person_id = :person""")
                .bind("state", state).bind("now", now).bind("group", groupId).bind("person", person)
                .execute();
    }

    void remove(long groupId, PersonId person) {
        handle.createUpdate("DELETE FROM wg_member WHERE group_id = :group AND person_id = :person")
                .bind("group", groupId).bind("person", person).execute();
    }

    // Guilds are read here, never changed: a working group only needs to know its guild.

    Optional<GuildRef> guildBySlug(String slug) {
        return handle.createQuery(GUILD + " WHERE slug = :slug").bind("slug", slug).mapTo(GuildRef.class).findOne();
    }

    /** The guilds a person belongs to, by slug: where they may start a working group. */
    List<GuildRef> guildsOf(PersonId person) {
        return handle.createQuery(GUILD + " WHERE id IN (SELECT guild_id FROM guild_member WHERE person_id = :person)"
                + " ORDER BY slug").bind("person", person).mapTo(GuildRef.class).list();
    }

    GuildRef guild(long id) {
        return handle.createQuery(GUILD + " WHERE id = :id").bind("id", id).mapTo(GuildRef.class).one();
    }

    boolean inGuild(long guildId, PersonId person) {
        return handle.createQuery("SELECT COUNT(*) FROM guild_member WHERE guild_id = :guild AND person_id = :person")
                .bind("guild", guildId).bind("person", person).mapTo(Integer.class).one() > 0;
    }

    /** Guild members who take the guild's DMs (its notify setting), in join order. */
    List<PersonId> notifiedInGuild(long guildId) {
        return handle.createQuery("""
                        SELECT person_id FROM guild_member WHERE guild_id = :guild AND notify = 1
                        ORDER BY joined_at, person_id""")
                .bind("guild", guildId).mapTo(PersonId.class).list();
    }

    // Results for the guild's weekly digest.

    /** @return whether this was the first result waiting for the guild's next digest (so it must be planned) */
    boolean insertResult(WorkingGroup group, PersonId author, String kind, String text, Instant now) {
        boolean first = undigested(group.guildId()).isEmpty();
        handle.createUpdate("""
                        INSERT INTO wg_result (group_id, guild_id, author_id, kind, text, shared_at)
                        VALUES (:group, :guild, :author, :kind, :text, :now)""")
                .bind("group", group.id()).bind("guild", group.guildId()).bind("author", author)
                .bind("kind", kind).bind("text", text).bind("now", now).execute();
        return first;
    }

    List<Result> undigested(long guildId) {
        return handle.createQuery("""
                        SELECT w.slug AS group_slug, r.kind, r.text, p.display_name AS author FROM wg_result r
                        JOIN working_group w ON w.id = r.group_id JOIN person p ON p.id = r.author_id
                        WHERE r.guild_id = :guild AND r.digested_at IS NULL ORDER BY r.shared_at, r.id""")
                .bind("guild", guildId).mapTo(Result.class).list();
    }

    private static WorkingGroup group(ResultSet row, StatementContext ctx) throws SQLException {
        return ctx.findRowMapperFor(WorkingGroup.class).orElseThrow().map(row, ctx);
    }

    void markDigested(long guildId, Instant now) {
        handle.createUpdate("UPDATE wg_result SET digested_at = :now WHERE guild_id = :guild AND digested_at IS NULL")
                .bind("now", now).bind("guild", guildId).execute();
    }
}
