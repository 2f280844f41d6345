package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** What `mvn package` builds for Teams: an installable app package. */
class TeamsAppPackageIT {
    @Test
    void thePackageHoldsAFilledInManifestAndBothIconsAtItsRoot() throws Exception {
        try (ZipFile zip = new ZipFile(Path.of("target/guildhall-teams-app.zip").toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
            JsonNode manifest = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            String guid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
            assertThat(manifest.path("id").asText()).matches(guid);
            assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(manifest.path("id").asText());
            assertThat(manifest.path("webApplicationInfo").path("id").asText()).as("the app registration that Graph's"
                    + " resource-specific consent is given to").isEqualTo(manifest.path("id").asText());
            assertThat(manifest.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        }
    }
}
