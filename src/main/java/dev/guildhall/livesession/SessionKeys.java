package dev.guildhall.livesession;

import dev.guildhall.command.AnonymousKey;
import dev.guildhall.core.PersonId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-session keys behind anonymous flags, held only in this process's memory. A token is an HMAC-SHA256 of a
 * person under the session's key and a purpose ({@link AnonymousKey}), so the database can tell "the same person
 * again" without knowing who, and tokens for different purposes (a flag, a vote on question 7) cannot be linked to
 * each other. When the key is forgotten — at the session's end, or by a restart — no token can ever be tied to anyone again.
 */
public final class SessionKeys implements AnonymityKeys {
    static final String ALGORITHM = AnonymousKey.ALGORITHM;

    private final Map<Long, Generation> keys = new ConcurrentHashMap<>();

    /** One key of a session; a restart (or a rolled-back start) makes the next one. */
    public static final class Generation {
        private final int number;
        private final AnonymousKey key;

        private Generation(int number, AnonymousKey key) {
            this.number = number;
            this.key = key;
        }

        static Generation of(int number, byte[] key) {
            return new Generation(number, AnonymousKey.of(key));
        }

        public int number() {
            return number;
        }

        /** The person's token for one purpose, like {@code flag} or {@code vote:7}. */
        public String token(String purpose, PersonId person) {
            return token(purpose, person.value());
        }

        /** The token of any value for one purpose, like a platform's request id for {@code request}. */
        public String token(String purpose, String value) {
            return key.token(purpose, value);
        }

        @Override
        public String toString() {
            return "key generation " + number;
        }
    }

    /** The key for the session's current generation, if this process still holds it. */
    public Optional<Generation> current(long sessionId, int generation) {
        return Optional.ofNullable(keys.get(sessionId)).filter(key -> key.number() == generation);
    }

    /** Makes a fresh random key for the given generation, replacing any older one of the session. */
    public Generation create(long sessionId, int generation) {
        Generation created = new Generation(generation, AnonymousKey.random());
        keys.put(sessionId, created);
        return created;
    }

    /** Forgets the session's key for good. */
    public void discard(long sessionId) {
        keys.remove(sessionId);
    }

    @Override
    public Optional<Generation> current(LiveSessionStore store, long sessionId, int generation) {
        return current(sessionId, generation);
    }

    @Override
    public Generation create(LiveSessionStore store, long sessionId, int generation) {
        return create(sessionId, generation);
    }

    @Override
    public void discard(LiveSessionStore store, long sessionId) {
        discard(sessionId);
    }

    public boolean holds(long sessionId) {
        return keys.containsKey(sessionId);
    }
}
