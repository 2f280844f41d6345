package dev.guildhall.teams;

/** Bot Framework activities as Teams sends them; our own samples, modelled on the documented shapes. */
public final class Activities {
    public static final String TENANT = "6e8f3c2a-0000-4000-8000-guildhall00001";
    public static final String BOT = "28:guildhall-bot-id";

    private Activities() {
    }

    /** A Teams person's id in the core: {@code teams:<tenant>:<aad object id>}. */
    public static String tenantPerson(String aadObjectId) {
        return "teams:" + TENANT + ":" + aadObjectId;
    }

    public static String personalChat(String user) {
        return "a:personal-chat-with-" + user;
    }

    public static String personalMessage(String serviceUrl, String user, String text) {
        return """
                {
                  "type": "message",
                  "id": "msg-%2$s-%4$d",
                  "timestamp": "2026-03-02T09:00:00.000Z",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "name": "%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "personal", "tenantId": "%5$s", "id": "a:personal-chat-with-%2$s"},
                  "recipient": {"id": "%6$s", "name": "Guildhall"},
                  "textFormat": "plain",
                  "text": "%3$s",
                  "entities": [{"type": "clientInfo", "locale": "en-GB", "timezone": "Europe/London"}],
                  "channelData": {"tenant": {"id": "%5$s"}},
                  "locale": "en-GB"
                }""".formatted(serviceUrl, user, text, System.nanoTime(), TENANT, BOT);
    }

    public static String cardSubmit(String serviceUrl, String user, String actionId) {
        return """
                {
                  "type": "message",
                  "id": "submit-%2$s-%4$d",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "name": "%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "personal", "tenantId": "%5$s", "id": "a:personal-chat-with-%2$s"},
                  "recipient": {"id": "%6$s", "name": "Guildhall"},
                  "value": {"guildhall": "%3$s"},
                  "channelData": {"tenant": {"id": "%5$s"}}
                }""".formatted(serviceUrl, user, actionId, System.nanoTime(), TENANT, BOT);
    }

    public static String channelMention(String serviceUrl, String user, String text) {
        return """
                {
                  "type": "message",
                  "id": "1700000000%4$d",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "name": "%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "channel", "isGroup": true, "tenantId": "%5$s",
                                   "id": "19:platform-guild@thread.tacv2;messageid=1700000000001"},
                  "recipient": {"id": "%6$s", "name": "Guildhall"},
                  "text": "<at>Guildhall</at> %3$s",
                  "entities": [{"type": "mention", "text": "<at>Guildhall</at>",
                                "mentioned": {"id": "%6$s", "name": "Guildhall"}}],
                  "channelData": {"tenant": {"id": "%5$s"}, "team": {"id": "19:team-general@thread.tacv2"},
                                  "channel": {"id": "19:platform-guild@thread.tacv2"}}
                }""".formatted(serviceUrl, user, text, System.nanoTime() % 1000, TENANT, BOT);
    }

    public static String botAddedToPersonalScope(String serviceUrl, String user) {
        return """
                {
                  "type": "conversationUpdate",
                  "id": "f:install-%2$s",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "personal", "tenantId": "%3$s", "id": "a:personal-chat-with-%2$s"},
                  "recipient": {"id": "%4$s", "name": "Guildhall"},
                  "membersAdded": [{"id": "%4$s"}],
                  "channelData": {"tenant": {"id": "%3$s"}}
                }""".formatted(serviceUrl, user, TENANT, BOT);
    }

    public static String actionExecuteInvoke(String serviceUrl, String user, String actionId) {
        return """
                {
                  "type": "invoke",
                  "name": "adaptiveCard/action",
                  "id": "invoke-%2$s",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "name": "%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "personal", "tenantId": "%4$s", "id": "a:personal-chat-with-%2$s"},
                  "recipient": {"id": "%5$s", "name": "Guildhall"},
                  "value": {"action": {"type": "Action.Execute", "verb": "press", "data": {"guildhall": "%3$s"}}},
                  "channelData": {"tenant": {"id": "%4$s"}}
                }""".formatted(serviceUrl, user, actionId, TENANT, BOT);
    }

    public static final String CHANNEL = "19:platform-guild@thread.tacv2";

    /** {@code text} after the bot's mention, in the given channel (its thread suffix added as Teams does). */
    public static String channelMention(String serviceUrl, String user, String channel, String text) {
        return channelMention(serviceUrl, user, text).replace(CHANNEL + ";", channel + ";")
                .replace("\"id\": \"" + CHANNEL + "\"}", "\"id\": \"" + channel + "\"}");
    }

    /** Action.Execute pressed on a card in a channel, with what was typed in the card's text box. */
    public static String channelActionExecute(String serviceUrl, String user, String actionId, String typed) {
        return """
                {
                  "type": "invoke",
                  "name": "adaptiveCard/action",
                  "id": "invoke-%2$s-%6$d",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "name": "%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "channel", "isGroup": true, "tenantId": "%5$s",
                                   "id": "%7$s;messageid=1700000000001"},
                  "recipient": {"id": "%8$s", "name": "Guildhall"},
                  "replyToId": "1700000000001",
                  "value": {"action": {"type": "Action.Execute", "verb": "send",
                                       "data": {"guildhall": "%3$s", "guildhallText": "%4$s"}}},
                  "channelData": {"tenant": {"id": "%5$s"}, "team": {"id": "19:team-general@thread.tacv2"},
                                  "channel": {"id": "%7$s"}}
                }""".formatted(serviceUrl, user, actionId, typed, TENANT, System.nanoTime(), CHANNEL, BOT);
    }

    /** Action.Submit pressed in a personal chat, its data as the card carried it (a JSON object). */
    public static String cardSubmitData(String serviceUrl, String user, String data) {
        return cardSubmit(serviceUrl, user, "placeholder").replace("{\"guildhall\": \"placeholder\"}", data);
    }

    /**
     * An invoke from a dialog (task module) in a personal chat: {@code task/fetch}, {@code task/submit} or a
     * type-ahead's {@code application/search}, with its value (a JSON object) and the client's time zone.
     */
    public static String personalInvoke(String serviceUrl, String user, String name, String value, String timeZone) {
        return """
                {
                  "type": "invoke",
                  "name": "%3$s",
                  "id": "invoke-%2$s-%6$d",
                  "serviceUrl": "%1$s",
                  "channelId": "msteams",
                  "from": {"id": "29:teams-user-%2$s", "name": "%2$s", "aadObjectId": "aad-%2$s"},
                  "conversation": {"conversationType": "personal", "tenantId": "%5$s", "id": "a:personal-chat-with-%2$s"},
                  "recipient": {"id": "%7$s", "name": "Guildhall"},
                  "value": %4$s,
                  "entities": [{"type": "clientInfo", "locale": "en-GB", "timezone": "%8$s"}],
                  "channelData": {"tenant": {"id": "%5$s"}},
                  "locale": "en-GB"
                }""".formatted(serviceUrl, user, name, value, TENANT, System.nanoTime(), BOT, timeZone);
    }
}
