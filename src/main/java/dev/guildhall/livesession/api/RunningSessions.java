package dev.guildhall.livesession.api;

import dev.guildhall.core.ChannelId;
import dev.guildhall.store.Database;

import java.util.List;

/**
 * Which live sessions run now, for an adapter that must find the session a person means when they write from
 * outside its channel (a Teams personal chat). Names nobody: a session is its channel and its title.
 */
public final class RunningSessions {
    /** A running session, as far as someone choosing where to ask needs to know. */
    public record Running(ChannelId channel, String title) {
    }

    private RunningSessions() {
    }

    /** The running sessions whose channel id starts with {@code channelPrefix} (e.g. one Teams tenant's). */
    public static List<Running> in(Database database, String channelPrefix) {
        return database.read(h -> h.createQuery("""
                        SELECT channel_id, title FROM live_session
                        WHERE ended_at IS NULL AND substr(channel_id, 1, length(:prefix)) = :prefix
                        ORDER BY started_at, id""")
                .bind("prefix", channelPrefix)
                .map((rs, ctx) -> new Running(new ChannelId(rs.getString("channel_id")), rs.getString("title")))
                .list());
    }
}
