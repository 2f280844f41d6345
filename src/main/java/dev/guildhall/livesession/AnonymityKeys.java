package dev.guildhall.livesession;

import java.util.Optional;

/**
 * Where the per-session keys behind anonymous tokens come from: this process's memory ({@link SessionKeys}, one
 * replica) or a cluster secret shared by every replica ({@link DerivedSessionKeys}).
 */
interface AnonymityKeys {
    /** The key of the session's current generation, if it can still be had. */
    Optional<SessionKeys.Generation> current(LiveSessionStore store, long sessionId, int generation);

    /** A fresh key for the given generation, replacing any older one of the session. */
    SessionKeys.Generation create(LiveSessionStore store, long sessionId, int generation);

    /** Makes the session's key unrecoverable, for good. */
    void discard(LiveSessionStore store, long sessionId);
}
