package dev.guildhall.livesession;

import dev.guildhall.app.Config;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedSessionKeysTest {
    private static final String SECRET = "a-cluster-secret-of-at-least-32-characters";

    @RegisterExtension
    final BotExtension bot = BotExtension.wholeBot().withEnv(Map.of(Config.SESSION_SECRET, SECRET));

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        // RFC 5869, A.1: the first 32 bytes of the 42-byte OKM
        byte[] ikm = HexFormat.of().parseHex("0b".repeat(22));
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c");
        byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HexFormat.of().formatHex(DerivedSessionKeys.hkdf(ikm, salt, info)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void withAClusterSecretAnotherProcessRecognizesTheSameFlagAndTheEndMakesTheKeyUnrecoverable() {
        // Given a session where bob raised his flag, on a bot given the cluster secret
        bot.sayIn("alice", "vpc", "/session start \"VPC peering\"");
        bot.sayIn("bob", "vpc", "/wait");
        String salt = bot.bot().database().read(h -> h.createQuery("SELECT key_salt FROM live_session")
                .mapTo(String.class).one());
        

        // When another process with the same secret (a second replica, or a restart) takes bob's second /wait
        bot.restart();
        String again = bot.sayIn("bob", "vpc", "/wait");

        // Then it derives the same key: bob still counts once, and no flag was cleared as after a lost key
        assertThat(salt).hasSize(64);
        assertThat(again).doesNotContain("restarted");
        assertThat(bot.count("wait_flag")).isEqualTo(1);
        assertThat(count(bot, "SELECT COUNT(*) FROM wait_flag WHERE ended_at IS NULL")).isEqualTo(1);

        // And after the end no salt is left to derive the key from, and the database holds no key at all
        bot.sayIn("alice", "vpc", "/session end");
        assertThat(count(bot, "SELECT COUNT(*) FROM live_session WHERE key_salt IS NOT NULL")).isZero();
            }

    private static int count(BotExtension bot, String sql) {
        return bot.database().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
