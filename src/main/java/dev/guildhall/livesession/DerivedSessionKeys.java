package dev.guildhall.livesession;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Session keys that every replica computes alike, so a flag raised through one replica is recognized by another:
 * HKDF-SHA256 (RFC 5869) of the cluster secret ({@code GUILDHALL_SESSION_SECRET}, given to every replica, never
 * stored) with a random per-session salt kept in {@code live_session.key_salt}. Neither half alone yields the key:
 * the database holds no key and the secret is useless without a salt. Deleting the salt at the session's end makes
 * the key unrecoverable, as forgetting it does on one replica. Nothing is cached: the salt is read in the caller's
 * transaction, so a replica never uses a key another replica has replaced.
 */
final class DerivedSessionKeys implements AnonymityKeys {
    private static final int SALT_BYTES = 32;

    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    DerivedSessionKeys(byte[] secret) {
        this.secret = secret.clone();
    }

    @Override
    public Optional<SessionKeys.Generation> current(LiveSessionStore store, long sessionId, int generation) {
        return store.keySalt(sessionId).map(salt -> derive(sessionId, generation, HexFormat.of().parseHex(salt)));
    }

    @Override
    public SessionKeys.Generation create(LiveSessionStore store, long sessionId, int generation) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        store.setKeySalt(sessionId, HexFormat.of().formatHex(salt));
        return derive(sessionId, generation, salt);
    }

    @Override
    public void discard(LiveSessionStore store, long sessionId) {
        store.setKeySalt(sessionId, null);
    }

    private SessionKeys.Generation derive(long sessionId, int generation, byte[] salt) {
        byte[] info = ("guildhall live session " + sessionId + " key " + generation).getBytes(StandardCharsets.UTF_8);
        return SessionKeys.Generation.of(generation, hkdf(secret, salt, info));
    }

    /** HKDF-SHA256 with one block of output (32 bytes): extract, then expand. */
    static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info) {
        try {
            Mac extract = Mac.getInstance(SessionKeys.ALGORITHM);
            extract.init(new SecretKeySpec(salt, SessionKeys.ALGORITHM));
            byte[] pseudoRandomKey = extract.doFinal(inputKey);
            Mac expand = Mac.getInstance(SessionKeys.ALGORITHM);
            expand.init(new SecretKeySpec(pseudoRandomKey, SessionKeys.ALGORITHM));
            expand.update(info);
            expand.update((byte) 1);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
