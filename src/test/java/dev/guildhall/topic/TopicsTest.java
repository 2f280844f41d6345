package dev.guildhall.topic;

import dev.guildhall.command.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {
    private final Topics topics = Topics.load(Optional.empty());

    @Test
    void caseSpacesAndAliasesFoldIntoOneTopic() {
        assertThat(topics.normalize("Kubernetes")).isEqualTo("kubernetes");
        assertThat(topics.normalize("K8s")).isEqualTo("kubernetes");
        assertThat(topics.normalize("  Machine \t Learning ")).isEqualTo("machine learning");
        assertThat(topics.normalize("ML")).isEqualTo("machine learning");
        assertThat(topics.normalize("JS")).isEqualTo("javascript");
        assertThat(topics.normalize("c++")).isEqualTo("c++");
        assertThat(topics.normalize("Ｋｕｂｅｒｎｅｔｅｓ")).as("full-width letters").isEqualTo("kubernetes");
    }

    @Test
    void anAdminFileAddsAliasesAndWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("aliases.properties");
        Files.writeString(file, "# ours\nK8s = container orchestration\nsearch = elasticsearch\n");
        Topics extended = Topics.load(Optional.of(file));
        assertThat(extended.normalize("k8s")).isEqualTo("container orchestration");
        assertThat(extended.normalize("Search")).isEqualTo("elasticsearch");
        assertThat(extended.normalize("js")).isEqualTo("javascript");
    }

    @Test
    void emojiControlCharactersEmptinessAndLengthAreRefused() {
        assertThatThrownBy(() -> topics.normalize("🚀🚀")).isInstanceOf(UsageException.class)
                .hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> topics.normalize("kafka\u0000")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> topics.normalize("\u0007")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> topics.normalize("   ")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Which topic");
        assertThatThrownBy(() -> topics.normalize("x".repeat(10_000))).isInstanceOf(UsageException.class)
                .hasMessageContaining("at most 50");
    }
}
