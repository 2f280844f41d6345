package dev.guildhall.teams;

import com.microsoft.bot.schema.ConversationReference;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.Message;
import dev.guildhall.core.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Working-group channels on Teams. A channel is made in the team of the channel it belongs beside (the guild's), so
 * the bot, installed in that team, can post in it at once. Without tenant-wide permissions it is a standard channel:
 * the team's members see it, none need adding. With them it is private, with the people invited as its members.
 * Nothing is left half-made: if adding someone fails, the new channel is deleted again. Closing archives the channel
 * where that is granted; otherwise the channel gets a closing post and a name saying it is closed.
 */
final class GraphChannels {
    private static final Logger log = LoggerFactory.getLogger(GraphChannels.class);
    private static final int NAME_LIMIT = 50;

    /** What the chat port lends: the team's group id from Teams itself, and posting as the bot. */
    interface Bot {
        String teamGroupId(ConversationReference inTeam, String teamId) throws DeliveryException;

        void post(ChannelId channel, Message message) throws DeliveryException;
    }

    private final TeamsGraph graph;
    private final TeamsStore store;
    private final Bot bot;
    private final Clock clock;

    GraphChannels(TeamsGraph graph, TeamsStore store, Bot bot, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.bot = bot;
        this.clock = clock;
    }

    ChannelId create(String name, List<PersonId> invite, Optional<ChannelId> beside) throws DeliveryException {
        ChannelId near = beside.orElseThrow(() -> DeliveryException.permanent("On Teams a channel is made in a team,"
                + " and I don't know which: link the guild to a channel of its team (/guild channel <guild> here,"
                + " typed in that channel), or type the command in a channel of the team."));
        String conversation = TeamsChatPort.conversationOf(near);
        ConversationReference reference = store.conversation(conversation).orElseThrow(() ->
                DeliveryException.permanent("Guildhall has no way into Teams channel " + conversation
                        + ": add Guildhall to its team first."));
        TeamsStore.Team team = store.team(conversation);
        String teamId = team.known().orElseThrow(() -> DeliveryException.permanent("Teams conversation " + conversation
                + " is not a channel of a team (a group chat has no channels): link the guild to a channel of a team."));
        String group = team.groupId().isPresent() ? team.groupId().get() : learnGroupId(reference, teamId);
        String tenant = tenantOf(near);
        String description = "Working group " + name + ", made by Guildhall";
        String created = graph.tenantWide()
                ? createPrivate(tenant, group, name, description, invite)
                : graph.createStandardChannel(tenant, group, name, description);
        try {
            reference.getConversation().setId(created);
            store.rememberConversation(created, "channel", reference, new TeamsStore.Team(teamId, Optional.of(group)),
                    clock.instant());
        } catch (RuntimeException e) {
            undo(tenant, group, created);
            throw e;
        }
        return ChannelId.of(TeamsInbound.PLATFORM, tenant, created);
    }

    private String createPrivate(String tenant, String group, String name, String description, List<PersonId> invite)
            throws DeliveryException {
        if (invite.isEmpty()) {
            throw DeliveryException.permanent("A private Teams channel needs a member to own it: invite someone.");
        }
        List<String> users = new java.util.ArrayList<>();
        for (PersonId person : invite) {
            users.add(userId(person));
        }
        String created = graph.createPrivateChannel(tenant, group, name, description, users.get(0));
        try {
            for (String user : users.subList(1, users.size())) {
                graph.addMember(tenant, group, created, user);
            }
        } catch (DeliveryException e) {
            undo(tenant, group, created);
            throw e;
        }
        return created;
    }

    private void undo(String tenant, String group, String channel) {
        try {
            graph.deleteChannel(tenant, group, channel);
        } catch (DeliveryException e) {
            log.warn("a half-made Teams channel {} could not be deleted again: {}", channel, e.getMessage());
        }
    }

    /**
     * Archives the channel where an admin granted that. Otherwise, or if Graph refuses, the channel is renamed and
     * gets a closing post, and the refusal (naming what to grant) still reaches the owner.
     */
    void archive(ChannelId channel) throws DeliveryException {
        String conversation = TeamsChatPort.conversationOf(channel);
        TeamsStore.Team team = store.team(conversation);
        String group = team.groupId().orElseThrow(() -> DeliveryException.permanent("I don't know which team "
                + "Teams channel " + conversation + " is in, so I can't archive it: a team owner can archive it"
                + " in Teams."));
        String tenant = tenantOf(channel);
        if (graph.tenantWide()) {
            try {
                graph.archive(tenant, group, conversation);
                return;
            } catch (DeliveryException e) {
                if (!e.hasCode(TeamsGraph.FORBIDDEN)) {
                    throw e;
                }
            }
        }
        String name = graph.displayName(tenant, group, conversation);
        String closed = closedName(name);
        if (!closed.equals(name)) {
            graph.rename(tenant, group, conversation, closed);
        }
        bot.post(channel, Message.text("🔒 This channel is closed: its working group has finished. The history stays"
                + " here; new work belongs elsewhere."));
        throw DeliveryException.permanent("Teams: I renamed the channel to \"" + closed + "\" and posted that it is"
                + " closed, but archiving it needs " + TeamsGraph.ARCHIVING + ".");
    }

    static String closedName(String name) {
        String suffix = " (closed)";
        if (name.endsWith(suffix)) {
            return name;
        }
        String base = name.length() + suffix.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT - suffix.length())
                : name;
        return base + suffix;
    }

    private String learnGroupId(ConversationReference reference, String teamId) throws DeliveryException {
        String group = bot.teamGroupId(reference, teamId);
        store.rememberTeamGroup(teamId, group);
        return group;
    }

    /** Graph names people by their Microsoft Entra object id, which is how the core names Teams people. */
    private static String userId(PersonId person) throws DeliveryException {
        String local = person.localPart();
        String user = local.substring(local.indexOf(':') + 1);
        if (user.startsWith("29:")) {
            throw DeliveryException.permanent("Teams did not tell me the Microsoft Entra id of " + person
                    + ", so I can't add them to a private channel; they can ask a channel owner to add them.");
        }
        return user;
    }

    private static String tenantOf(ChannelId channel) {
        String local = channel.localPart();
        return local.substring(0, local.indexOf(':'));
    }
}
