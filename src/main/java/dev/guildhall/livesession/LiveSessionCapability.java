package dev.guildhall.livesession;

import dev.guildhall.command.Capability;
import dev.guildhall.command.PersonalData;
import dev.guildhall.command.PersonalData.OnForget;
import dev.guildhall.command.Registry;
import dev.guildhall.mentorship.api.TeachInvites;
import dev.guildhall.livesession.api.SessionModules;

import java.util.Optional;

/**
 * Live sessions: {@code /session}, the anonymous {@code /wait}, their buttons, and the timed work (flags going down,
 * forgotten sessions ending). The keys behind anonymous flags live in this object, i.e. in this process's memory —
 * unless a cluster secret is given: then every replica derives them alike (see {@link DerivedSessionKeys}).
 */
public final class LiveSessionCapability implements Capability {
    private final AnonymityKeys keys;
    private final LiveSessionSettings settings;
    private final TeachInvites teachInvites;
    private final SessionModules modules;

    public LiveSessionCapability(LiveSessionSettings settings) {
        this(settings, Optional.empty());
    }

    /** {@code clusterSecret}: {@code GUILDHALL_SESSION_SECRET}, for replicas that share live sessions. */
    public LiveSessionCapability(LiveSessionSettings settings, Optional<byte[]> clusterSecret) {
        this(settings, clusterSecret, TeachInvites.NONE, SessionModules.NONE);
    }

    /**
     * {@code teachInvites}: how the /learn invitation asks the presenter and module owners to teach the topic;
     * {@code modules}: what a session linked to a syllabus module ({@code --module}) tells when it ends.
     */
    public LiveSessionCapability(LiveSessionSettings settings, Optional<byte[]> clusterSecret,
                                 TeachInvites teachInvites, SessionModules modules) {
        this.settings = settings;
        this.modules = modules;
        this.keys = clusterSecret.<AnonymityKeys>map(DerivedSessionKeys::new).orElseGet(SessionKeys::new);
        this.teachInvites = teachInvites;
    }

    public LiveSessionCapability() {
        this(LiveSessionSettings.defaults());
    }

    @Override
    public void register(Registry registry) {
        registry.command(new SessionCommand(keys, settings, modules).spec());
        registry.form(new StartForm());
        declarePersonalData(registry);
        registry.command(new WaitCommand(keys, settings).spec());
        new LiveSessionButtons(keys, settings, teachInvites).register(registry);
        registry.anonymousRetries(new AnonymousRequests(keys, settings));
        registry.task(LiveSessionFlow.EXPIRY_TASK, (flagId, work) ->
                new LiveSessionFlow(work, keys, settings).expire(flagId));
        registry.task(LiveSessionFlow.CHANNEL_MEMBERS_TASK, (sessionId, work) ->
                new LiveSessionFlow(work, keys, settings).channelMembersAnswered(sessionId));
        registry.task(LiveSessionFlow.AUTO_END_TASK, (sessionId, work) -> {
            LiveSessionFlow flow = new LiveSessionFlow(work, keys, settings);
            flow.store.session(sessionId).filter(LiveSession::isRunning).ifPresent(session -> {
                flow.end(session);
                modules.ended(work, session.id());
            });
        });
    }

    /** Flags, questions and votes name nobody (tokens are keyed hashes); only the presenter is known, by role. */
    private static void declarePersonalData(Registry registry) {
        registry.personalData(PersonalData.table("live_session")
                .person("presenter_id", OnForget.TOMBSTONE)
                .sharedText("title")
                .notPersonal("id", "channel_id", "threshold", "key_generation", "nudge_armed", "last_nudged_at",
                        "last_board_count", "board_message_id", "invite_message_id", "summary_message_id",
                        "restarted_at", "started_at", "ended_at", "recap_posted_at", "learn_invite_posted_at",
                        "key_salt", "questions_per_hour", "questions_paused", "channel_members",
                        "members_request_id").build());
        // Keyed hashes under the session's key, minutes, deleted at its end: they name nobody.
        registry.personalData(PersonalData.table("anonymous_request")
                .notPersonal("request_hash", "session_id", "generation", "handled_at").build());
        registry.personalData(PersonalData.table("wait_question_quota")
                .notPersonal("session_id", "token", "generation", "minute_start", "asked_in_minute", "hour_start",
                        "asked_in_hour").build());
        registry.personalData(PersonalData.table("wait_flag")
                .notPersonal("id", "session_id", "generation", "token", "raised_at", "expires_at", "ended_at",
                        "end_reason").build());
        registry.personalData(PersonalData.table("wait_question")
                .sharedText("text")
                .notPersonal("id", "session_id", "votes", "asked_at", "removed_at", "post_message_id").build());
        registry.personalData(PersonalData.table("wait_vote")
                .notPersonal("question_id", "token", "generation", "asker").build());
    }
}
