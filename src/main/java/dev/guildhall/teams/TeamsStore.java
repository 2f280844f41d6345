package dev.guildhall.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import dev.guildhall.core.PersonId;
import dev.guildhall.people.People;
import dev.guildhall.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/** Conversation references, kept so the bot can message people and channels later (proactive messages). */
final class TeamsStore {
    private final Database database;

    TeamsStore(Database database) {
        this.database = database;
    }

    record KnownPerson(String teamsUserId, String serviceUrl, Optional<String> personalConversationId,
                       Optional<String> userPrincipalName) {
    }

    /** The team a channel belongs to: its id in Bot Framework activities, and its group id for Graph when known. */
    record Team(String id, Optional<String> groupId) {
        static final Team NONE = new Team(null, Optional.empty());

        Optional<String> known() {
            return Optional.ofNullable(id);
        }
    }

    void rememberConversation(String conversationId, String kind, ConversationReference reference, Instant now) {
        rememberConversation(conversationId, kind, reference, Team.NONE, now);
    }

    /** A team learnt once is kept: not every activity names it, and fewer still name its group id. */
    void rememberConversation(String conversationId, String kind, ConversationReference reference, Team team,
                              Instant now) {
        String json = toJson(reference);
        database.inTransaction(h -> h.createUpdate("""
                        INSERT INTO teams_conversation (conversation_id, kind, reference, team_id, team_group_id,
                                                        updated_at)
                        VALUES (:id, :kind, :reference, :team, :group, :now)
                        ON CONFLICT (conversation_id) DO UPDATE SET
                            kind = excluded.kind, reference = excluded.reference,
                            team_id = COALESCE(excluded.team_id, teams_conversation.team_id),
                            team_group_id = COALESCE(excluded.team_group_id, teams_conversation.team_group_id),
                            updated_at = excluded.updated_at""")
                .bind("id", conversationId).bind("kind", kind).bind("reference", json)
                .bindByType("team", team.id(), String.class)
                .bindByType("group", team.groupId().orElse(null), String.class)
                .bind("now", now).execute());
    }

    Team team(String conversationId) {
        return database.read(h -> h.createQuery(
                        "SELECT team_id, team_group_id FROM teams_conversation WHERE conversation_id = :id")
                .bind("id", conversationId)
                .map((rs, ctx) -> new Team(rs.getString("team_id"), Optional.ofNullable(rs.getString("team_group_id"))))
                .findOne()).orElse(Team.NONE);
    }

    /** Records a team's group id, once Teams has told it, on every conversation of the team. */
    void rememberTeamGroup(String teamId, String groupId) {
        database.inTransaction(h -> h.createUpdate(
                        "UPDATE teams_conversation SET team_group_id = :group WHERE team_id = :team")
                .bind("group", groupId).bind("team", teamId).execute());
    }

    /** Records how to reach a person; a personal conversation, once known, is kept when they later talk elsewhere. */
    void rememberPerson(PersonId person, String teamsUserId, String serviceUrl, String personalConversationId,
                        Instant now) {
        database.inTransaction(h -> h.createUpdate("""
                        INSERT INTO teams_person (person_id, teams_user_id, service_url, personal_conversation_id, updated_at)
                        VALUES (:person, :user, :url, :personal, :now)
                        ON CONFLICT (person_id) DO UPDATE SET
                            teams_user_id = excluded.teams_user_id, service_url = excluded.service_url,
                            personal_conversation_id = COALESCE(excluded.personal_conversation_id,
                                                                teams_person.personal_conversation_id),
                            updated_at = excluded.updated_at""")
                .bind("person", person.value()).bind("user", teamsUserId).bind("url", serviceUrl)
                .bindByType("personal", personalConversationId, String.class).bind("now", now).execute());
    }

    Optional<KnownPerson> person(PersonId person) {
        return database.read(h -> h.createQuery(
                        "SELECT teams_user_id, service_url, personal_conversation_id, user_principal_name FROM teams_person"
                                + " WHERE person_id = :p")
                .bind("p", person).mapTo(KnownPerson.class).findOne());
    }

    /** Keeps a person's user principal name, read from a roster once: chat deep links need it. */
    void rememberPrincipalName(PersonId person, String userPrincipalName) {
        database.inTransaction(h -> h.createUpdate(
                        "UPDATE teams_person SET user_principal_name = :upn WHERE person_id = :person")
                .bind("upn", userPrincipalName).bind("person", person.value()).execute());
    }

    String nameOf(PersonId person) {
        return database.read(h -> new People(h).nameOf(person));
    }

    /** Who the bot has met under a Teams user id ({@code 29:…}), as mention entities name people. */
    Optional<PersonId> personWithTeamsId(String teamsUserId) {
        return database.read(h -> h.createQuery("""
                        SELECT person_id FROM teams_person WHERE teams_user_id = :user
                        ORDER BY updated_at DESC LIMIT 1""")
                .bind("user", teamsUserId)
                .map((rs, ctx) -> new PersonId(rs.getString("person_id")))
                .findFirst());
    }

    Optional<ConversationReference> conversation(String conversationId) {
        return database.read(h -> h.createQuery("SELECT reference FROM teams_conversation WHERE conversation_id = :id")
                        .bind("id", conversationId).mapTo(String.class).findOne())
                .map(TeamsStore::fromJson);
    }

    private static String toJson(ConversationReference reference) {
        try {
            return Serialization.toString(reference);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConversationReference fromJson(String json) {
        try {
            return Serialization.getAs(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
