package dev.guildhall.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.FileUpload;
import dev.guildhall.testing.ShareChartCapability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal cannot show a picture: shared files are written to disk and the JSON line says where. */
class ConsoleFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSharedFileIsWrittenAndItsJsonLineNamesIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleChatPort port = new ConsoleChatPort(new ConsoleOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                true), dir.resolve("files"));
        FileUpload chart = FileUpload.png("demand.png", ShareChartCapability.PNG, "Demand by topic", "kafka leads");

        port.sendFileDirect(ConsoleChatPort.person("alice"), chart);
        port.postFile(ChannelId.of("console", "k8s"), chart);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode direct = new ObjectMapper().readTree(lines[0]);
        assertThat(direct.path("to").asText()).isEqualTo("alice");
        assertThat(direct.path("text").asText()).isEqualTo("kafka leads");
        assertThat(direct.path("title").asText()).isEqualTo("Demand by topic");
        Path written = Path.of(direct.path("file").asText());
        assertThat(Files.readAllBytes(written)).isEqualTo(ShareChartCapability.PNG);
        assertThat(ImageIO.read(written.toFile())).as("opens as an image").isNotNull();
        JsonNode posted = new ObjectMapper().readTree(lines[1]);
        assertThat(posted.path("channel").asText()).isEqualTo("k8s");
        assertThat(posted.path("file").asText()).as("never overwrites").isNotEqualTo(direct.path("file").asText());
    }
}
