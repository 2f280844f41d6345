package dev.guildhall.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.model.Conversation;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.guildhall.core.BoundedCall;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.people.People;
import okhttp3.FormBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core's chat operations as Slack Web API calls, with the bot token. Slack's refusals become
 * {@link DeliveryException}s the outbox understands: rate limits and outages are retried, the rest say what an admin
 * has to do. The calls made for every message and caller go through {@link SlackWebApi}; the rarer ones through the
 * SDK's methods client.
 */
public final class SlackChatPort implements ChatPort {
    private static final int CHANNEL_NAME_LIMIT = 80;
    private static final int MAX_NAME_ATTEMPTS = 20;
    private static final int CONTINUATION_ATTEMPTS = 4;
    private static final Duration MAX_CONTINUATION_WAIT = Duration.ofSeconds(30);
    /** What conversations.create, .invite and .archive need for public channels, when Slack does not say. */
    static final String CHANNEL_SCOPE = "channels:manage";
    /** What conversations.info needs for a public channel; a private one needs groups:read. */
    static final String CHANNEL_READ_SCOPE = "channels:read";
    /** What conversations.open needs for a group DM (several users), when Slack does not say. */
    static final String GROUP_DM_SCOPE = "mpim:write";

    private final MethodsClient client;
    /** For calls on Slack's 3-second ack path (views.open): gives up well within it. */
    private final MethodsClient quickClient;
    /** The busiest calls, read without the SDK's per-answer parser set-up. */
    private final SlackWebApi webApi;
    /** A person's DM channel with the bot never changes; opening it once saves a call per message. */
    private final Map<String, String> directChannels = new ConcurrentHashMap<>();

    SlackChatPort(MethodsClient client, MethodsClient quickClient, SlackWebApi webApi) {
        this.client = client;
        this.quickClient = quickClient;
        this.webApi = webApi;
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
        return sendDirect(to, message, true);
    }

    /** {@code remember} false leaves no note of whom the bot DMed: for replies to anonymous presses. */
    MessageRef sendDirect(PersonId to, Message message, boolean remember) throws DeliveryException {
        String dm = directChannel(SlackIds.userId(to), remember);
        return SlackIds.ref(SlackIds.organizationOf(to), dm, postInOrder(dm, message));
    }

    @Override
    public MessageRef sendFileDirect(PersonId to, FileUpload file) throws DeliveryException {
        return upload(SlackIds.organizationOf(to), directChannel(SlackIds.userId(to), true), file);
    }

    @Override
    public MessageRef postFile(ChannelId channel, FileUpload file) throws DeliveryException {
        return upload(SlackIds.organizationOf(channel), SlackIds.channelId(channel), file);
    }

    /** The ref of an upload names the file Slack gave it: files.delete removes it from every conversation. */
    @Override
    public void deleteFile(MessageRef file) throws DeliveryException {
        SlackIds.Posted posted = SlackIds.posted(file).orElseThrow(() -> DeliveryException.permanent(
                "not a Slack file: " + file.value()));
        call("files.delete", () -> client.filesDelete(r -> r.file(posted.ts())));
    }

    /** Slack's files upload: an upload URL, the bytes, then completing it into the channel with the summary. */
    private MessageRef upload(String organization, String channel, FileUpload file) throws DeliveryException {
        var response = call("files.uploadV2", () -> client.filesUploadV2(r -> r.channel(channel)
                .filename(file.fileName()).title(file.title()).fileData(file.content())
                .initialComment(file.summary().isEmpty() ? null : file.summary())
                .altTxt(file.isImage() ? file.title() : null)
                .requestFileInfo(false)));
        String fileId = response.getFiles() == null || response.getFiles().isEmpty() ? "file"
                : response.getFiles().get(0).getId();
        return SlackIds.ref(organization, channel, fileId);
    }

    private String directChannel(String user, boolean remember) throws DeliveryException {
        String channel = directChannels.get(user);
        if (channel == null) {
            channel = openConversation(List.of(user), null);
            if (remember) {
                if (directChannels.size() > 50_000) {
                    directChannels.clear();
                }
                directChannels.put(user, channel);
            }
        }
        return channel;
    }

    /** A group DM of these people and the bot; Slack hands back the same one each time for the same people. */
    @Override
    public MessageRef openGroupChat(List<PersonId> people, Message message) throws DeliveryException {
        List<String> users = people.stream().map(SlackIds::userId).distinct().toList();
        String group = openConversation(users, GROUP_DM_SCOPE);
        return SlackIds.ref(SlackIds.organizationOf(people.get(0)), group, postInOrder(group, message));
    }

    private String openConversation(List<String> users, String scope) throws DeliveryException {
        SlackWebApi.Answer answer = post("conversations.open", scope,
                RequestFormBuilder.toForm(ConversationsOpenRequest.builder().users(users).build()));
        String channel = answer.text("channel", "id");
        if (channel == null) {
            throw DeliveryException.transientFailure("conversations.open: Slack's answer named no channel", null);
        }
        return channel;
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
        String id = SlackIds.channelId(channel);
        return SlackIds.ref(SlackIds.organizationOf(channel), id, postInOrder(id, message));
    }

    /**
     * A message of more than 50 blocks goes out as several Slack messages, one after the other; the reference is the
     * first one's, where the message starts.
     */
    private String postInOrder(String channel, Message message) throws DeliveryException {
        List<BlockKit.Posting> postings = BlockKit.postings(message);
        String first = null;
        for (int part = 0; part < postings.size(); part++) {
            BlockKit.Posting posting = postings.get(part);
            String ts = part(part, () -> post("chat.postMessage", null, RequestFormBuilder.toForm(
                    ChatPostMessageRequest.builder().channel(channel).text(posting.fallback()).blocks(posting.blocks())
                            .build()))).text("ts");
            first = part == 0 ? ts : first;
        }
        return first;
    }

    /**
     * One part of a split message. From the second part on, the first is delivered already and a retry by the outbox
     * would post it twice, so a rate limit or outage is waited out on the spot, a few times, before giving up.
     */
    private static <T> T part(int part, Delivery<T> delivery) throws DeliveryException {
        if (part == 0) {
            return delivery.run();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return delivery.run();
            } catch (DeliveryException e) {
                if (!e.retryable() || attempt == CONTINUATION_ATTEMPTS) {
                    throw e;
                }
                pause(e.retryAfter().orElse(Duration.ofSeconds(1)));
            }
        }
    }

    private static void pause(Duration wait) throws DeliveryException {
        try {
            Thread.sleep(Math.min(wait.toMillis(), MAX_CONTINUATION_WAIT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while sending the rest of a long message", e);
        }
    }

    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException {
        List<BlockKit.Posting> postings = BlockKit.postings(message);
        for (int part = 0; part < postings.size(); part++) {
            BlockKit.Posting posting = postings.get(part);
            part(part, () -> call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r
                    .channel(SlackIds.channelId(channel)).user(SlackIds.userId(to)).text(posting.fallback())
                    .blocks(posting.blocks()))));
        }
    }

    @Override
    public void update(MessageRef ref, Message message) throws DeliveryException {
        SlackIds.Posted posted = SlackIds.posted(ref).orElseThrow(() -> DeliveryException.permanent(
                "not a Slack message reference: " + ref.value()));
        BlockKit.Posting posting = BlockKit.inPlace(message);
        post("chat.update", null, RequestFormBuilder.toForm(ChatUpdateRequest.builder().channel(posted.channelId())
                .ts(posted.ts()).text(posting.fallback()).blocks(posting.blocks()).build()));
    }

    /**
     * Creates a public channel and invites people. A taken name gets a number ({@code wg-vpc-2}, {@code wg-vpc-3}…)
     * like people do by hand. If the invitation fails, the new channel is archived again, so a failed creation
     * leaves no empty channel behind.
     */
    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) throws DeliveryException {
        String wish = channelName(name);
        String id = null;
        for (int attempt = 1; id == null; attempt++) {
            String slackName = attempt == 1 ? wish : numbered(wish, attempt);
            try {
                id = call("conversations.create", CHANNEL_SCOPE, () -> client.conversationsCreate(r -> r
                        .name(slackName).isPrivate(false))).getChannel().getId();
            } catch (DeliveryException e) {
                if (!e.hasCode("name_taken") || attempt >= MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
        String created = id;
        List<String> users = invite.stream().map(SlackIds::userId).distinct().toList();
        if (!users.isEmpty()) {
            try {
                call("conversations.invite", CHANNEL_SCOPE, () -> client.conversationsInvite(r -> r.channel(created)
                        .users(users)));
            } catch (DeliveryException e) {
                if (!e.hasCode("already_in_channel")) {
                    try {
                        archive(created);
                    } catch (DeliveryException ignored) {
                        // The invitation's failure is the one worth reporting.
                    }
                    throw e;
                }
            }
        }
        return ChannelId.of(SlackIds.PLATFORM, SlackIds.organizationOf(invite.get(0)), created);
    }

    static String numbered(String wish, int number) {
        String suffix = "-" + number;
        return (wish.length() + suffix.length() <= CHANNEL_NAME_LIMIT ? wish
                : wish.substring(0, CHANNEL_NAME_LIMIT - suffix.length())) + suffix;
    }

    /** Archives a channel; one that is archived already counts as done. */
    @Override
    public void archiveChannel(ChannelId channel) throws DeliveryException {
        archive(SlackIds.channelId(channel));
    }

    private void archive(String channelId) throws DeliveryException {
        try {
            call("conversations.archive", CHANNEL_SCOPE, () -> client.conversationsArchive(r -> r.channel(channelId)));
        } catch (DeliveryException e) {
            if (!e.hasCode("already_archived")) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Person> lookup(PersonId id) throws DeliveryException {
        SlackWebApi.Answer answer;
        try {
            answer = post("users.info", null, RequestFormBuilder.toForm(UsersInfoRequest.builder()
                    .user(SlackIds.userId(id)).build()));
        } catch (DeliveryException e) {
            if (e.hasCode("user_not_found")) {
                return Optional.empty();
            }
            throw e;
        }
        if (!answer.has("user")) {
            return Optional.empty();
        }
        String name = displayName(answer.text("user", "profile", "display_name"),
                answer.text("user", "profile", "real_name"), answer.text("user", "real_name"),
                answer.text("user", "name"));
        return Optional.of(new Person(id, name, People.zone(answer.text("user", "tz"))));
    }

    /**
     * {@code conversations.info} with {@code include_num_members}: Slack's count includes bots and the bot itself,
     * close enough for a share of the audience. A DM or group DM counts as unknown.
     */
    @Override
    public OptionalInt memberCount(ChannelId channel) {
        String id = SlackIds.channelId(channel);
        Optional<Integer> count = BoundedCall.ask("conversations.info for " + id, BoundedCall.BRIEFLY, () -> {
            Conversation conversation = call("conversations.info", CHANNEL_READ_SCOPE,
                    () -> quickClient.conversationsInfo(r -> r.channel(id).includeNumMembers(true))).getChannel();
            return Optional.ofNullable(conversation).filter(c -> !c.isIm() && !c.isMpim())
                    .map(Conversation::getNumOfMembers).filter(members -> members > 0);
        });
        return count.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Shows a person's App Home tab. */
    void publishHome(PersonId viewer, List<LayoutBlock> blocks) throws DeliveryException {
        View view = View.builder().type("home").blocks(blocks).build();
        call("views.publish", () -> client.viewsPublish(r -> r.userId(SlackIds.userId(viewer)).view(view)));
    }

    /**
     * Opens a modal with a trigger Slack gave moments ago (single-use, valid for 3 s): at once, not through the outbox,
     * and on the quick client, so a slow Slack fails it (retryable) before the ack is late.
     */
    void openView(String triggerId, View view) throws DeliveryException {
        call("views.open", () -> quickClient.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** Asks Slack who the bot token belongs to: fails fast on a token Slack does not accept. */
    String botUserId() throws DeliveryException {
        return call("auth.test", () -> client.authTest(r -> r)).getUserId();
    }

    /** What people see of a user: the profile's display name, else the profile's real name, else the account's. */
    static String displayName(String profileDisplayName, String profileRealName, String realName, String name) {
        if (profileDisplayName != null && !profileDisplayName.isBlank()) {
            return profileDisplayName;
        }
        if (profileRealName != null && !profileRealName.isBlank()) {
            return profileRealName;
        }
        return realName != null && !realName.isBlank() ? realName : name;
    }

    /** Slack channel names: lower case letters, digits, hyphens and underscores, at most 80. */
    static String channelName(String wish) {
        String name = wish.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (name.isEmpty()) {
            name = "guildhall";
        }
        return name.length() <= CHANNEL_NAME_LIMIT ? name : name.substring(0, CHANNEL_NAME_LIMIT);
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    @FunctionalInterface
    private interface Delivery<T> {
        T run() throws DeliveryException;
    }

    /** {@code scope}: the scope to name in a missing_scope refusal if Slack's answer does not say. */
    private SlackWebApi.Answer post(String method, String scope, FormBody.Builder form) throws DeliveryException {
        SlackWebApi.Answer answer;
        try {
            answer = webApi.post(method, form);
        } catch (IOException e) {
            throw unreachable(method, e);
        }
        if (!answer.successful()) {
            throw httpFailure(method, answer.status(), answer.retryAfter(), answer.text("error"), null);
        }
        if (!answer.readable()) {
            throw DeliveryException.transientFailure(method + ": Slack's answer was not JSON", null);
        }
        if (!answer.ok()) {
            String needed = answer.text("needed");
            throw refusal(method, answer.text("error"), needed == null ? scope : needed);
        }
        return answer;
    }

    private static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) throws DeliveryException {
        return call(method, null, call);
    }

    /** {@code scope}: the scope to name in a missing_scope refusal if Slack's answer does not say. */
    private static <T extends SlackApiTextResponse> T call(String method, String scope, SlackCall<T> call)
            throws DeliveryException {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw httpFailure(method, e.getResponse().code(), e.getResponse().header("Retry-After"),
                    e.getError() == null ? null : e.getError().getError(), e);
        } catch (IOException e) {
            throw unreachable(method, e);
        }
        if (!response.isOk()) {
            throw refusal(method, response.getError(), response.getNeeded() == null ? scope : response.getNeeded());
        }
        return response;
    }

    private static DeliveryException httpFailure(String method, int status, String retryAfter, String error,
                                                 Exception cause) {
        if (status == 429) {
            return DeliveryException.rateLimited(retryAfter(retryAfter));
        }
        if (status >= 500) {
            return DeliveryException.transientFailure(method + ": Slack answered HTTP " + status, cause);
        }
        return DeliveryException.permanent(method + ": Slack answered HTTP " + status + " "
                + (error != null ? error : ""));
    }

    private static DeliveryException unreachable(String method, IOException e) {
        return DeliveryException.transientFailure(method + ": could not reach Slack (" + e.getMessage() + ")", e);
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "" : header.strip());
            return Duration.ofSeconds(Math.max(1, seconds));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** Slack's error codes, as what went wrong and what an admin can do about it. */
    static DeliveryException refusal(String method, String error, String needed) {
        String code = error == null ? "unknown_error" : error;
        return described(method, code, needed).withCode(code);
    }

    private static DeliveryException described(String method, String code, String needed) {
        return switch (code) {
            case "ratelimited" -> DeliveryException.rateLimited(Duration.ofSeconds(1));
            case "internal_error", "fatal_error", "service_unavailable", "request_timeout" ->
                    DeliveryException.transientFailure(code + ": Slack failed on " + method + "; trying again", null);
            case "channel_not_found" -> DeliveryException.permanent(code + ": the bot cannot see that channel ("
                    + method + "). An admin should check that it still exists; for a private channel, invite the"
                    + " bot with /invite @Guildhall.");
            case "not_in_channel" -> DeliveryException.permanent(code + ": the bot is not a member of that channel ("
                    + method + "). Someone in the channel must add it with /invite @Guildhall.");
            case "is_archived" -> DeliveryException.permanent(code + ": that channel is archived (" + method
                    + "). An admin must unarchive it or choose another channel.");
            case "missing_scope" -> DeliveryException.permanent(code + ": the Slack app lacks the "
                    + (needed == null ? "needed" : needed) + " scope for " + method + ". An admin must add it under"
                    + " OAuth & Permissions (or update the app from manifests/slack/manifest.yml) and reinstall the"
                    + " app.");
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
                    DeliveryException.permanent(code + ": Slack rejected SLACK_BOT_TOKEN (" + method + "). An admin"
                            + " must put the app's current Bot User OAuth Token in SLACK_BOT_TOKEN and restart.");
            case "user_not_found", "user_not_visible", "user_disabled", "cannot_dm_bot" ->
                    DeliveryException.permanent(code + ": Slack cannot reach that person (" + method + "); their"
                            + " account may be deactivated or outside this workspace.");
            case "name_taken" -> DeliveryException.permanent(code + ": a channel with that name already exists.");
            case "restricted_action" -> DeliveryException.permanent(code + ": a workspace setting stops the bot from "
                    + method + ". A Slack admin can allow it under Settings & Permissions → Permissions.");
            default -> DeliveryException.permanent(code + ": Slack refused " + method + ".");
        };
    }
}
