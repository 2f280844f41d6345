package dev.guildhall.app;

import dev.guildhall.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    @Test
    void defaultsNeedNoVariables() {
        Config config = Config.from(Map.of());
        assertThat(config.database()).isEqualTo("guildhall.db");
        assertThat(config.topicAliases()).isEmpty();
        assertThat(config.matchAnswerDeadline()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aWrongValueNamesItsVariable() {
        assertThatThrownBy(() -> Config.from(Map.of(Config.MATCH_DEADLINE, "soon")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_MATCH_DEADLINE");
        assertThatThrownBy(() -> Config.from(Map.of(Config.MATCH_DEADLINE, "0h")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_MATCH_DEADLINE");
        assertThatThrownBy(() -> Config.from(Map.of(Config.TOPIC_ALIASES, "/nonexistent/aliases")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_TOPIC_ALIASES");
        assertThatThrownBy(() -> Config.from(Map.of(Config.DB, "jdbc:mysql://db/guildhall")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_DB");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(Config.from(Map.of(Config.MATCH_DEADLINE, "1d12h")).matchAnswerDeadline())
                .isEqualTo(Duration.ofHours(36));
    }

    @Test
    void adminsAreCommaSeparatedQualifiedIds() {
        Config config = Config.from(Map.of(Config.ADMINS, " slack:T1:U2 , console:alice,"));

        assertThat(config.admins().includes(new dev.guildhall.core.PersonId("slack:T1:U2"))).isTrue();
        assertThat(config.admins().includes(new dev.guildhall.core.PersonId("console:alice"))).isTrue();
        assertThat(config.admins().people()).hasSize(2);
        assertThat(Config.from(Map.of()).admins().people()).isEmpty();
        assertThatThrownBy(() -> Config.from(Map.of(Config.ADMINS, "alice")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_ADMINS");
    }
}
