package dev.guildhall.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.guildhall.testing.EnvironmentNames;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** manifests/k8s: one SQLite replica on a volume, probes on the bot's routes, settings the code reads. */
class KubernetesManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode read(String file) throws Exception {
        return YAML.readTree(new File("manifests/k8s/" + file));
    }

    private static List<String> keys(JsonNode map) {
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theDeploymentRunsOneNonRootReplicaOnTheVolumeWithProbesAndLimits() throws Exception {
        JsonNode deployment = read("deployment.yaml");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/ports/1/name").asText()).isEqualTo("management");
        assertThat(container.at("/ports/1/containerPort").asText())
                .isEqualTo(read("configmap.yaml").at("/data/MANAGEMENT_PORT").asText())
                .isEqualTo(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
        assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/cpu").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/data");
        assertThat(pod.at("/volumes/0/persistentVolumeClaim/claimName").asText())
                .isEqualTo(read("pvc.yaml").at("/metadata/name").asText());
        assertThat(container.at("/ports/0/containerPort").asText())
                .isEqualTo(read("configmap.yaml").at("/data/PORT").asText());
        assertThat(container.at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(read("configmap.yaml").at("/metadata/name").asText());
        assertThat(container.at("/envFrom/1/secretRef/name").asText())
                .isEqualTo(read("secret.template.yaml").at("/metadata/name").asText());
    }

    @Test
    void theConfigMapAndSecretHoldOnlyVariablesTheCodeReadsAndSecretsOnlyInTheSecret() throws Exception {
        Set<String> read = EnvironmentNames.readByTheCode();
        List<String> settings = keys(read("configmap.yaml").get("data"));
        List<String> secrets = keys(read("secret.template.yaml").get("stringData"));

        assertThat(read).containsAll(settings).containsAll(secrets);
        assertThat(secrets).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "MICROSOFT_APP_PASSWORD");
        assertThat(settings).doesNotContainAnyElementsOf(secrets)
                .noneMatch(name -> name.contains("TOKEN") || name.contains("SECRET") || name.contains("PASSWORD"));
        assertThat(read("configmap.yaml").at("/data/GUILDHALL_DB").asText()).startsWith("/data/");
    }

    @Test
    void theServiceReachesThePodsPortAndTheNoteExplainsOneReplica() throws Exception {
        JsonNode service = read("service.yaml");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(service.at("/spec/ports")).as("the management port (/readyz, /metrics) is for operators only")
                .hasSize(1);
        assertThat(service.at("/spec/selector")).isEqualTo(read("deployment.yaml").at("/spec/selector/matchLabels"));
        assertThat(EnvironmentNames.read(java.nio.file.Path.of("manifests/k8s/README.md")))
                .contains("Why one replica", "manifests/k8s/postgres/");
    }
}
