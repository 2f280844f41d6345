package dev.guildhall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.guildhall.app.Config;
import dev.guildhall.app.Wiring;
import dev.guildhall.command.CommandRouter;
import dev.guildhall.command.CommandSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack app manifests: valid by Slack's rules, and listing exactly the commands the bot handles. When a command
 * is added to the router, this test says to add it to both manifests (description = its summary).
 */
class SlackManifestTest {
    static final Path SOCKET = Path.of("manifests/slack/manifest.yml");
    static final Path HTTP = Path.of("manifests/slack/manifest.http.yml");
    /** What the adapter calls: commands; chat.postMessage/update/postEphemeral; conversations.open; users.info. */
    // chat:write.public: guild announcements and live sessions post in channels the bot was never invited to.
    // files:write: charts and exports are shared as files. channels:manage: working groups' channels —
    // conversations.create, .invite and .archive (public channels). mpim:write: a new mentorship pair's group DM
    // (conversations.open with both people). channels:read and groups:read: a live session's channel size
    // (conversations.info with include_num_members, public and private channels).
    static final Set<String> BOT_SCOPES = Set.of("commands", "chat:write", "chat:write.public", "files:write",
            "channels:manage", "channels:read", "groups:read", "im:write", "mpim:write", "users:read");
    static final String EVENTS_URL = "https://YOUR_HOST/slack/events";

    private static JsonNode read(Path path) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
    }

    private static Map<String, CommandSpec> routerCommands() {
        CommandRouter router = new CommandRouter();
        Wiring.capabilities(Config.from(Map.of())).forEach(capability -> capability.register(router));
        return router.commands().stream().collect(Collectors.toMap(spec -> "/" + spec.name(), spec -> spec,
                (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifests/slack/manifest.yml", "manifests/slack/manifest.http.yml"})
    void listsExactlyTheCommandsTheBotHandles(String file) throws Exception {
        JsonNode commands = read(Path.of(file)).at("/features/slash_commands");
        Map<String, CommandSpec> expected = routerCommands();

        Set<String> listed = StreamSupport.stream(commands.spliterator(), false)
                .map(command -> command.get("command").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("slash_commands in " + file + " must be the router's commands; add or remove"
                + " them in both Slack manifests").isEqualTo(expected.keySet());
        for (JsonNode command : commands) {
            String name = command.get("command").asText();
            assertThat(name).matches("/[a-z0-9_-]{1,31}");
            assertThat(command.path("description").asText()).as(name + " description (the command's summary)")
                    .isEqualTo(expected.get(name).summary()).hasSizeLessThanOrEqualTo(2000);
            assertThat(command.path("usage_hint").asText()).as(name + " usage_hint").isNotBlank()
                    .hasSizeLessThanOrEqualTo(1000);
            assertThat(command.path("should_escape").asBoolean()).as(name + " should_escape: mentions must arrive"
                    + " as <@U…|name> so they are resolved by id, not by a display name anyone can choose").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifests/slack/manifest.yml", "manifests/slack/manifest.http.yml"})
    void followsSlacksManifestRules(String file) throws Exception {
        JsonNode manifest = read(Path.of(file));

        assertThat(manifest.at("/_metadata/major_version").asInt()).isEqualTo(1);
        assertThat(manifest.at("/display_information/name").asText()).isNotBlank().hasSizeLessThanOrEqualTo(35);
        assertThat(manifest.at("/display_information/description").asText()).hasSizeLessThanOrEqualTo(140);
        assertThat(manifest.at("/display_information/long_description").asText().length()).isBetween(175, 4000);
        assertThat(manifest.at("/display_information/background_color").asText()).matches("#[0-9a-fA-F]{6}");
        assertThat(manifest.at("/features/bot_user/display_name").asText()).isNotBlank().hasSizeLessThanOrEqualTo(80);
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(manifest.at("/settings/event_subscriptions/bot_events").spliterator(), false)
                .map(JsonNode::asText)).containsExactly("app_home_opened");
        assertThat(StreamSupport.stream(manifest.at("/oauth_config/scopes/bot").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet())).as("only the bot scopes the adapter uses")
                .isEqualTo(BOT_SCOPES);
        assertThat(manifest.at("/oauth_config/scopes/user").isMissingNode()).isTrue();
    }

    @Test
    void theSocketModeManifestNeedsNoUrl() throws Exception {
        JsonNode manifest = read(SOCKET);

        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.findValues("url")).isEmpty();
        assertThat(manifest.findValues("request_url")).isEmpty();
    }

    @Test
    void theHttpManifestSendsEverythingToSlackEvents() throws Exception {
        JsonNode manifest = read(HTTP);

        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(manifest.at("/settings/interactivity/request_url").asText()).isEqualTo(EVENTS_URL);
        assertThat(manifest.at("/settings/event_subscriptions/request_url").asText()).isEqualTo(EVENTS_URL);
        assertThat(manifest.at("/features/slash_commands").findValuesAsText("url")).isNotEmpty()
                .allMatch(EVENTS_URL::equals);
    }

    @Test
    void theHttpManifestAsksForTopicSuggestionsAtSlackEvents() throws Exception {
        assertThat(read(HTTP).at("/settings/interactivity/message_menu_options_url").asText()).isEqualTo(EVENTS_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifests/slack/manifest.yml", "manifests/slack/manifest.http.yml"})
    void declaresTheShortcutsTheBotHandles(String file) throws Exception {
        JsonNode shortcuts = read(Path.of(file)).at("/features/shortcuts");

        assertThat(shortcuts.findValuesAsText("callback_id"))
                .containsExactly(SlackFormRequests.LEARN_SHORTCUT, SlackFormRequests.TEACH_SHORTCUT);
        assertThat(shortcuts.findValuesAsText("type")).containsExactly("global", "message");
    }

    @Test
    void bothManifestsSayTheSameApartFromHowSlackReachesTheBot() throws Exception {
        assertThat(withoutTransport(read(HTTP))).isEqualTo(withoutTransport(read(SOCKET)));
    }

    private static JsonNode withoutTransport(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        ((ObjectNode) copy.get("settings")).remove("socket_mode_enabled");
        ((ObjectNode) copy.at("/settings/interactivity")).remove("request_url");
        ((ObjectNode) copy.at("/settings/interactivity")).remove("message_menu_options_url");
        ((ObjectNode) copy.at("/settings/event_subscriptions")).remove("request_url");
        for (JsonNode command : (ArrayNode) copy.at("/features/slash_commands")) {
            ((ObjectNode) command).remove("url");
        }
        return copy;
    }
}
