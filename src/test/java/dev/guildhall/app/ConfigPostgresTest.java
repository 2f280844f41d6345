package dev.guildhall.app;

import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigPostgresTest {
    private static final String URL = "jdbc:postgresql://db.internal/guildhall";
    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789";

    @Test
    void aPostgresqlUrlWithUserPasswordAndSecretIsAccepted() {
        Config config = Config.from(Map.of(Config.DB, URL, Config.DB_USER, "guildhall", Config.DB_PASSWORD, "pw",
                Config.SESSION_SECRET, SECRET));
        assertThat(config.postgres()).isTrue();
        assertThat(config.databaseUser()).contains("guildhall");
        assertThat(config.databasePassword()).contains("pw");
        assertThat(config.sessionSecret()).isPresent();
        assertThat(config.toString()).doesNotContain("pw").doesNotContain(SECRET);
    }

    @Test
    void postgresqlNeedsItsUserPasswordAndTheClusterSecret() {
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB, URL, Config.DB_PASSWORD, "pw",
                Config.SESSION_SECRET, SECRET)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_DB_USER must name");
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB, URL, Config.DB_USER, "guildhall",
                Config.SESSION_SECRET, SECRET)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_DB_PASSWORD must hold");
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB, URL, Config.DB_USER, "guildhall",
                Config.DB_PASSWORD, "pw")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_SESSION_SECRET must be set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void credentialsInTheUrlAreEnoughButAShortSecretIsNot() {
        assertThat(Config.from(Map.of(Config.DB, URL + "?user=g&password=p", Config.SESSION_SECRET, SECRET))
                .databaseUser()).isEmpty();
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB, URL + "?user=g&password=p",
                Config.SESSION_SECRET, "short")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_SESSION_SECRET must be at least");
    }

    @Test
    void databaseCredentialsWithSqliteAreAMistakeSaidPlainly() {
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB_USER, "guildhall")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("GUILDHALL_DB_USER is only for PostgreSQL: set GUILDHALL_DB=jdbc:postgresql://host/database"
                        + " too, or unset it to use the SQLite file guildhall.db");
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB, "jdbc:mysql://db/guildhall")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:postgresql://host/database");
    }
}
