package dev.guildhall.command;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A key for anonymous tokens: an HMAC-SHA256 of a value under a purpose, so the database can tell "the same person
 * (or request) again" without knowing which, and tokens for different purposes cannot be linked to each other. Whoever
 * holds the key decides how long a token can be recognised: forget the key and no token is tied to anything again.
 * Every anonymous token is made here, so there is one format to check (see the README's anonymity section).
 */
public final class AnonymousKey {
    public static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    /** 128 bits of the MAC, in hex: unique enough for its purpose, and hex can never spell a name. */
    private static final int TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private AnonymousKey(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static AnonymousKey of(byte[] key) {
        return new AnonymousKey(key);
    }

    /** A fresh key nobody else has, held only in this process's memory. */
    public static AnonymousKey random() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return new AnonymousKey(bytes);
    }

    /** The token of a value for one purpose, like a person for {@code flag} or a request id for {@code request}. */
    public String token(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, TOKEN_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "an anonymous key";
    }
}
