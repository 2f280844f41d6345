package dev.guildhall.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/** Bodies shaped like the ones Slack sends to {@code /slack/events}, written for these tests. */
final class SlackRequests {
    static final String TEAM = "T0TEST";
    private static final AtomicInteger TRIGGERS = new AtomicInteger();

    private SlackRequests() {
    }

    static String newTriggerId() {
        return "7000" + TRIGGERS.incrementAndGet() + ".1111.3f2a9c0e5b7d41a8";
    }

    /** A slash command as Slack posts it (form-encoded); {@code text} null leaves the field out. */
    static Map<String, String> slashCommand(String userId, String userName, String command, String text,
                                            String channelId, String channelName, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", TEAM);
        form.put("team_domain", "guildhall-test");
        form.put("channel_id", channelId);
        form.put("channel_name", channelName);
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", command);
        if (text != null) {
            form.put("text", text);
        }
        form.put("api_app_id", "A0GUILDHALL");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", newTriggerId());
        return form;
    }

    static String form(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return body.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A button press in a message (block_actions), form-encoded as {@code payload=<json>}. */
    static String blockAction(String userId, String userName, String actionId, String channelId, String responseUrl,
                              String triggerId) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
                .put("team_id", TEAM);
        payload.put("api_app_id", "A0GUILDHALL").put("token", "legacy-verification-token");
        payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000001")
                .put("channel_id", channelId).put("is_ephemeral", false);
        payload.put("trigger_id", triggerId);
        payload.putObject("team").put("id", TEAM).put("domain", "guildhall-test");
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        payload.putObject("channel").put("id", channelId).put("name", "directmessage");
        payload.put("response_url", responseUrl);
        addButton(payload.putArray("actions"), actionId);
        return "payload=" + encode(payload.toString());
    }

    /** A button press in the App Home tab: no channel, no response_url, a view instead. */
    static String homeBlockAction(String userId, String userName, String actionId, String triggerId) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
                .put("team_id", TEAM);
        payload.put("api_app_id", "A0GUILDHALL").put("token", "legacy-verification-token");
        payload.putObject("container").put("type", "view").put("view_id", "V0HOME");
        payload.put("trigger_id", triggerId);
        payload.putObject("team").put("id", TEAM).put("domain", "guildhall-test");
        payload.putObject("view").put("id", "V0HOME").put("type", "home").put("team_id", TEAM);
        addButton(payload.putArray("actions"), actionId);
        return "payload=" + encode(payload.toString());
    }

    private static void addButton(ArrayNode actions, String actionId) {
        ObjectNode action = actions.addObject();
        action.put("action_id", actionId).put("block_id", "b1").put("value", actionId).put("type", "button")
                .put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", "Press").put("emoji", true);
    }

    /**
     * A modal submitted ({@code view_submission}), shaped like Slack's documented example: the view as Slack sends it
     * back, with {@code state.values} by block id and action id and the {@code private_metadata} the modal was opened
     * with.
     */
    static String viewSubmission(String userId, String userName, String privateMetadata, ObjectNode stateValues) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", TEAM).put("domain", "guildhall-test");
        payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
                .put("team_id", TEAM);
        payload.put("api_app_id", "A0GUILDHALL").put("token", "legacy-verification-token");
        payload.put("trigger_id", newTriggerId());
        ObjectNode view = payload.putObject("view");
        view.put("id", "V0MODAL").put("team_id", TEAM).put("type", "modal").put("callback_id", "guildhall.form")
                .put("private_metadata", privateMetadata).put("hash", "156772938.1827394")
                .put("root_view_id", "V0MODAL").put("app_id", "A0GUILDHALL").put("bot_id", "B0TEST");
        view.putArray("blocks");
        view.putObject("state").set("values", stateValues);
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false);
        payload.putNull("enterprise");
        return "payload=" + encode(payload.toString());
    }

    /** One block's value in a submitted view's state: {@code {"<block>": {"<action>": {"type": …, …}}}}. */
    static ObjectNode stateValue(ObjectNode values, String field, String type, String key, String value) {
        ObjectNode entry = values.putObject(field).putObject(field).put("type", type);
        if (key.equals("selected_option")) {
            ObjectNode option = entry.putObject("selected_option");
            option.putObject("text").put("type", "plain_text").put("text", value).put("emoji", true);
            option.put("value", value);
        } else {
            entry.put(key, value);
        }
        return entry;
    }

    /** What an external select asks for as the person types ({@code block_suggestion}), as Slack documents it. */
    static String blockSuggestion(String userId, String actionId, String typed, String privateMetadata) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        payload.put("type", "block_suggestion");
        payload.putObject("user").put("id", userId).put("username", "alice").put("team_id", TEAM);
        payload.putObject("container").put("type", "view").put("view_id", "V0MODAL");
        payload.put("api_app_id", "A0GUILDHALL").put("token", "legacy-verification-token");
        payload.put("action_id", actionId).put("block_id", actionId).put("value", typed);
        payload.putObject("team").put("id", TEAM).put("domain", "guildhall-test");
        payload.putObject("view").put("id", "V0MODAL").put("type", "modal").put("callback_id", "guildhall.form")
                .put("private_metadata", privateMetadata).put("team_id", TEAM);
        return "payload=" + encode(payload.toString());
    }

    /** A global shortcut chosen from the shortcuts menu ({@code shortcut}), as Slack documents it. */
    static String globalShortcut(String userId, String userName, String callbackId, String triggerId) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        payload.put("type", "shortcut").put("token", "legacy-verification-token")
                .put("action_ts", "1700000003.000400");
        payload.putObject("team").put("id", TEAM).put("domain", "guildhall-test");
        payload.putObject("user").put("id", userId).put("username", userName).put("team_id", TEAM);
        payload.put("is_enterprise_install", false).putNull("enterprise");
        payload.put("callback_id", callbackId).put("trigger_id", triggerId);
        return "payload=" + encode(payload.toString());
    }

    /** A message shortcut chosen on a message ({@code message_action}), as Slack documents it. */
    static String messageShortcut(String userId, String userName, String callbackId, String triggerId,
                                  String channelId, String messageAuthor, String messageText) {
        ObjectNode payload = FakeSlack.JSON.createObjectNode();
        payload.put("type", "message_action").put("token", "legacy-verification-token")
                .put("action_ts", "1700000004.000500");
        payload.putObject("team").put("id", TEAM).put("domain", "guildhall-test");
        payload.putObject("user").put("id", userId).put("name", userName).put("team_id", TEAM);
        payload.putObject("channel").put("id", channelId).put("name", "general");
        payload.put("is_enterprise_install", false).putNull("enterprise");
        payload.put("callback_id", callbackId).put("trigger_id", triggerId)
                .put("message_ts", "1700000000.000100");
        payload.putObject("message").put("type", "message").put("user", messageAuthor)
                .put("ts", "1700000000.000100").put("text", messageText);
        payload.put("response_url", "https://hooks.slack.com/app/T0TEST/1/shortcut");
        return "payload=" + encode(payload.toString());
    }

    /** The Events API envelope for a person opening the bot's Home tab. */
    static String appHomeOpened(String userId, String eventId) {
        ObjectNode envelope = FakeSlack.JSON.createObjectNode();
        envelope.put("token", "legacy-verification-token").put("team_id", TEAM).put("api_app_id", "A0GUILDHALL");
        envelope.putObject("event").put("type", "app_home_opened").put("user", userId).put("channel", "D0HOME")
                .put("tab", "home").put("event_ts", "1700000002.000300");
        envelope.put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000002);
        envelope.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", TEAM)
                .put("user_id", FakeSlack.BOT_USER).put("is_bot", true).put("is_enterprise_install", false);
        return envelope.toString();
    }
}
