package dev.guildhall.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.command.CommandRouter;
import dev.guildhall.command.CommandSpec;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Teams app manifest lists exactly the commands the bot handles, with icons Teams accepts. */
class TeamsManifestTest {
    private static final Path DIR = Path.of("manifests/teams");

    @Test
    void everyCommandTheBotHandlesIsListedAndNoOther() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());
        CommandRouter router = new CommandRouter();
        Wiring.capabilities(Config.from(Map.of())).forEach(c -> c.register(router));
        JsonNode bot = manifest.path("bots").get(0);
        List<String> handled = router.commands().stream().map(CommandSpec::name).toList();
        JsonNode personal = bot.path("commandLists").get(0);
        assertThat(personal.path("scopes")).extracting(JsonNode::asText).containsExactly("personal");
        assertThat(personal.path("commands").findValuesAsText("title")).containsExactlyInAnyOrderElementsOf(handled);
        // In a channel everyone sees who typed a command, so anonymous ones (wait, ask) are offered only where they
        // stay anonymous.
        JsonNode shared = bot.path("commandLists").get(1);
        assertThat(shared.path("scopes")).extracting(JsonNode::asText).containsExactly("team", "groupChat");
        assertThat(shared.path("commands").findValuesAsText("title")).containsExactlyInAnyOrderElementsOf(
                router.commands().stream().filter(spec -> !spec.anonymous()).map(CommandSpec::name).toList());
        assertThat(bot.path("commandLists")).hasSize(2);
        bot.path("commandLists").forEach(list -> list.path("commands").forEach(command ->
                assertThat(command.path("description").asText()).hasSizeLessThanOrEqualTo(128)));
        assertThat(bot.path("scopes")).extracting(JsonNode::asText).containsExactly("personal", "team", "groupChat");
        assertThat(bot.path("botId").asText()).isEqualTo("${teams.appId}");
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.25");
    }

    /**
     * Working-group channels through Microsoft Graph need no tenant-wide rights in the common case: the team's owner
     * consents, when adding the app, to exactly what creating, renaming and (to undo) deleting a channel take.
     */
    @Test
    void theAppAsksEachTeamForTheChannelPermissionsItUsesAndNoOthers() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());

        assertThat(manifest.path("webApplicationInfo").path("id").asText()).isEqualTo("${teams.appId}");
        assertThat(manifest.path("webApplicationInfo").path("resource").asText()).isNotBlank();
        JsonNode permissions = manifest.path("authorization").path("permissions").path("resourceSpecific");
        assertThat(permissions.findValuesAsText("name")).containsExactlyInAnyOrder("Channel.Create.Group",
                "ChannelSettings.ReadWrite.Group", "Channel.Delete.Group");
        assertThat(permissions.findValuesAsText("type")).containsOnly("Application");
    }

    @Test
    void theIconsHaveTheSizesTeamsRequires() throws Exception {
        BufferedImage color = ImageIO.read(DIR.resolve("color.png").toFile());
        BufferedImage outline = ImageIO.read(DIR.resolve("outline.png").toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).as("the outline icon is white on transparent").isTrue();
        assertThat(outline.getRGB(0, 0) >>> 24).isZero();
    }
}
