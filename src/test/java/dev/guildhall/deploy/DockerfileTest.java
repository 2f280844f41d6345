package dev.guildhall.deploy;

import dev.guildhall.testing.EnvironmentNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dockerfile cannot be built here (no base images), so it is checked against the build and the code. */
class DockerfileTest {
    private final String dockerfile = EnvironmentNames.read(Path.of("Dockerfile"));
    /** Instructions with their continuation lines joined; comments left out. */
    private final List<String> instructions = Arrays.stream(dockerfile.replace("\\\n", " ").split("\n"))
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

    private List<String> all(String keyword) {
        return instructions.stream().filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length() + 1).strip()).toList();
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("([A-Z][A-Z0-9_]*)=(\\S+)").matcher(String.join(" ", all("ENV")));
        while (pair.find()) {
            env.put(pair.group(1), pair.group(2));
        }
        return env;
    }

    @Test
    void itBuildsWithMavenThenCopiesTheJarMavenProducesIntoAJava17Runtime() {
        List<String> from = all("FROM");
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).startsWith("maven:").contains("17").endsWith(" AS build");
        assertThat(from.get(1)).contains("17").contains("jre");
        assertThat(all("RUN")).anyMatch(run -> run.startsWith("mvn ") && run.contains("package"));

        String copy = all("COPY").stream().filter(line -> line.startsWith("--from=build")).findFirst().orElseThrow();
        String[] parts = copy.split("\\s+");
        String source = parts[1];
        String target = parts[2];
        assertThat(source).as("the jar Maven builds").isEqualTo("/src/target/guildhall.jar");
        assertThat(all("WORKDIR").get(0)).isEqualTo("/src");
        // the shaded jar is target/<finalName>.jar: the pom must name it guildhall
        String pom = EnvironmentNames.read(Path.of("pom.xml"));
        String shade = pom.substring(pom.indexOf("<artifactId>maven-shade-plugin</artifactId>"));
        assertThat(shade.substring(0, shade.indexOf("</plugin>"))).contains("<finalName>guildhall</finalName>")
                .contains("<mainClass>dev.guildhall.app.Main</mainClass>");
        assertThat(all("ENTRYPOINT").get(0)).contains("\"-jar\", \"" + target + "\"");
        // what the build stage copies in is all the build needs: the sources, the pom and the Teams manifests
        assertThat(all("COPY")).contains("pom.xml .", "src ./src", "manifests ./manifests");
    }

    @Test
    void theVariablesItSetsAreOnesTheCodeReadsAndThePortIsTheOneItExposes() {
        Map<String, String> env = env();

        assertThat(EnvironmentNames.readByTheCode()).containsAll(env.keySet());
        assertThat(env).containsEntry("GUILDHALL_DB", "/data/guildhall.db").containsKey("PORT");
        assertThat(all("EXPOSE")).containsExactly(env.get("PORT"));
        assertThat(all("VOLUME")).containsExactly("/data");
        assertThat(env.get("LOG_FORMAT")).isIn(dev.guildhall.ops.LogLine.FORMATS);
    }

    @Test
    void itRunsServeAsANonRootUserWithAHealthcheckOnHealthz() {
        List<String> user = all("USER");
        assertThat(user).hasSize(1);
        assertThat(user.get(0)).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(all("CMD")).containsExactly("[\"serve\"]");
        String healthcheck = all("HEALTHCHECK").get(0);
        assertThat(healthcheck).contains("\"-jar\", \"/app/guildhall.jar\", \"health\"]");
        // `health` is Main's GET /healthz on PORT; the route exists in Server
        assertThat(EnvironmentNames.read(Path.of("src/main/java/dev/guildhall/app/Main.java")))
                .contains("case \"health\" -> health(", "\"/healthz\"");
        assertThat(EnvironmentNames.read(Path.of("src/main/java/dev/guildhall/app/Server.java")))
                .contains("http.route(\"GET\", \"/healthz\"", "management.route(\"GET\", \"/readyz\"",
                        "management.route(\"GET\", \"/metrics\"");
    }

    @Test
    void dockerignoreKeepsBuildOutputSecretsAndDatabasesOut() {
        assertThat(EnvironmentNames.read(Path.of(".dockerignore")).lines().toList())
                .contains("target", ".env", "*.db");
    }
}
