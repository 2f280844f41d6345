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
