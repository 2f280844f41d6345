package dev.guildhall.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL variant of the Kubernetes manifests starts two replicas the bot's settings would accept. */
class PostgresManifestsTest {
    private static final Path DIR = Path.of("manifests/k8s/postgres");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void twoReplicasOnPostgresqlWithEverySettingTheBotRequires() throws IOException {
        // Given the Deployment and the Secret template
        JsonNode deployment = documents("deployment.yaml").stream()
                .filter(doc -> doc.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode secret = documents("secret.template.yaml").get(0);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        // Then it runs two replicas of `serve` on PostgreSQL, its secret reference names the template's Secret
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.path("args").get(0).asText()).isEqualTo("serve");
        assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/healthz");

        // And the settings the two give the bot pass its start-up checks
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        secret.path("stringData").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put(Config.SESSION_SECRET, "filled-in-by-the-operator-0123456789abcdef");
        Config config = Config.from(env);
        assertThat(config.postgres()).isTrue();
        assertThat(config.databaseUser()).isPresent();
        assertThat(config.sessionSecret()).isPresent();
    }

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(DIR.resolve(file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(all::add);
        }
        return all;
    }
}
