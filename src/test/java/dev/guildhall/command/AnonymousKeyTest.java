package dev.guildhall.command;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one keyed hash behind every anonymous token (live sessions' flags and votes, their retries, the module owners'
 * /ask retries): HMAC-SHA256 of the purpose, a zero byte and the value, its first 128 bits in hex — the format live
 * sessions have always stored, so tokens kept under a derived key stay valid.
 */
class AnonymousKeyTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTokenIsTheHmacOfPurposeAndValueCutTo128BitsOfHex() throws Exception {
        // Given the HMAC computed by hand, the way SessionKeys always did
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update("flag".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        String expected = HexFormat.of().formatHex(mac.doFinal("slack:T1:U1".getBytes(StandardCharsets.UTF_8)), 0, 16);

        // When the shared key makes the token
        String token = AnonymousKey.of(KEY).token("flag", "slack:T1:U1");

        // Then it is the same, byte for byte
        assertThat(token).isEqualTo(expected).hasSize(32);
    }

    @Test
    void purposesAndKeysKeepTokensApart() {
        AnonymousKey key = AnonymousKey.of(KEY);

        assertThat(key.token("flag", "x")).isEqualTo(AnonymousKey.of(KEY.clone()).token("flag", "x"))
                .isNotEqualTo(key.token("vote:7", "x"));
        assertThat(AnonymousKey.random().token("flag", "x")).isNotEqualTo(AnonymousKey.random().token("flag", "x"))
                .isNotEqualTo(key.token("flag", "x"));
    }
}
