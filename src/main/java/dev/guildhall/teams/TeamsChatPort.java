package dev.guildhall.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.PagedMembersResult;
import dev.guildhall.core.BoundedCall;
import dev.guildhall.core.ChannelId;
import dev.guildhall.core.ChatPort;
import dev.guildhall.core.DeliveryException;
import dev.guildhall.core.FileUpload;
import dev.guildhall.core.Message;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Messages on Teams go through stored conversation references (Bot Framework "proactive messages"). Message refs
 * are {@code teams:<conversation id>|<activity id>}, all an update needs.
 */
final class TeamsChatPort implements ChatPort {
    private static final Logger log = LoggerFactory.getLogger(TeamsChatPort.class);
    private static final String SEPARATOR = "|";
    /** Opens a one-to-one chat with the named user in the Teams client. */
    static final String CHAT_LINK = "https://teams.microsoft.com/l/chat/0/0?users=";

    private final BotFrameworkAdapter adapter;
    private final TeamsConfig config;
    private final MicrosoftAppCredentials credentials;
    private final TeamsStore store;
    private final Clock clock;
    private final Optional<GraphChannels> channels;
    private final TeamsRoster roster;

    TeamsChatPort(BotFrameworkAdapter adapter, TeamsConfig config, MicrosoftAppCredentials credentials,
                  TeamsStore store, Clock clock, Optional<TeamsGraph> graph, TeamsRoster roster) {
        this.roster = roster;
        this.adapter = adapter;
        this.config = config;
        this.credentials = credentials;
        this.store = store;
        this.clock = clock;
        this.channels = graph.map(g -> new GraphChannels(g, store, new GraphChannels.Bot() {
            @Override
            public String teamGroupId(ConversationReference inTeam, String teamId) throws DeliveryException {
                return TeamsChatPort.this.teamGroupId(inTeam, teamId);
            }

            @Override
            public void post(ChannelId channel, Message message) throws DeliveryException {
                TeamsChatPort.this.post(channel, message);
            }
        }, clock));
    }

    @Override
    public MessageRef sendDirect(PersonId to, Message message) throws DeliveryException {
        return send(personalConversation(to), message);
    }

    private String personalConversation(PersonId to) throws DeliveryException {
        TeamsStore.KnownPerson person = store.person(to).orElseThrow(() -> DeliveryException.permanent(
                "Guildhall has never talked with " + to + " on Teams: ask them to say hi to Guildhall first"));
        return person.personalConversationId().isPresent()
                ? person.personalConversationId().get()
                : openPersonalChat(to, person);
    }

    @Override
    public MessageRef post(ChannelId channel, Message message) throws DeliveryException {
        return send(conversationOf(channel), message);
    }

    /** Teams has no messages only one person in a channel sees; the person gets it in their personal chat. */
    @Override
    public void postEphemeral(ChannelId channel, PersonId to, Message message) throws DeliveryException {
        sendDirect(to, message);
    }

    @Override
    public void update(MessageRef ref, Message message) throws DeliveryException {
        String value = ref.value().substring(TeamsInbound.PLATFORM.length() + 1);
        int separator = value.lastIndexOf(SEPARATOR);
        if (separator < 0) {
            throw DeliveryException.permanent("not a Teams message ref: " + ref.value());
        }
        String conversation = value.substring(0, separator);
        Activity activity = MessageFactory.attachment(AdaptiveCards.attachment(message));
        activity.setId(value.substring(separator + 1));
        run(reference(conversation), context -> context.updateActivity(activity).thenApply(r -> null));
    }

    /**
     * A bot cannot start a group chat on Teams: each person gets the message as a card with a chat deep link to the
     * others (it needs their user principal name, read from the roster once and kept), or their names to look up.
     */
    @Override
    public MessageRef openGroupChat(List<PersonId> people, Message message) throws DeliveryException {
        Map<PersonId, Optional<String>> principalNames = new LinkedHashMap<>();
        for (PersonId person : people) {
            principalNames.put(person, principalName(person));
        }
        MessageRef first = null;
        for (PersonId person : people) {
            ObjectNode card = AdaptiveCards.card(message);
            for (PersonId other : people) {
                if (!other.equals(person)) {
                    addChatLink(card, store.nameOf(other), principalNames.get(other));
                }
            }
            MessageRef sent = send(personalConversation(person), MessageFactory.attachment(AdaptiveCards.attachment(card)));
            first = first == null ? sent : first;
        }
        return first;
    }

    private static void addChatLink(ObjectNode card, String name, Optional<String> principalName) {
        if (principalName.isPresent()) {
            ArrayNode actions = card.has("actions") ? (ArrayNode) card.get("actions") : card.putArray("actions");
            actions.addObject().put("type", "Action.OpenUrl").put("title", "💬 Chat with " + name)
                    .put("url", CHAT_LINK + URLEncoder.encode(principalName.get(), StandardCharsets.UTF_8));
        } else {
            ((ArrayNode) card.get("body")).addObject().put("type", "TextBlock").put("wrap", true).put("isSubtle", true)
                    .put("text", AdaptiveCards.markdown("To chat with " + name + ", look them up by name in Teams."));
        }
    }

    /** The person's sign-in name, as kept or read once from the roster of their personal chat with the bot. */
    private Optional<String> principalName(PersonId person) throws DeliveryException {
        TeamsStore.KnownPerson known = store.person(person).orElse(null);
        if (known == null) {
            return Optional.empty();
        }
        if (known.userPrincipalName().isPresent()) {
            return known.userPrincipalName();
        }
        String conversation = personalConversation(person);
        AtomicReference<TeamsRoster.Answer> found = new AtomicReference<>();
        try {
            run(reference(conversation), context -> {
                ConnectorClient client = context.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
                found.set(roster.member(client, conversation, known.teamsUserId()));
                return CompletableFuture.completedFuture(null);
            });
        } catch (DeliveryException e) {
            if (e.retryAfter().isPresent()) {
                throw e;
            }
            // Without it the card names the person instead of linking to a chat: worth no failed delivery.
            return Optional.empty();
        }
        if (found.get() instanceof TeamsRoster.Unknown unknown) {
            DeliveryException failure = translate(unknown.failure());
            if (failure.retryAfter().isPresent()) {
                throw failure;
            }
        }
        Optional<String> upn = found.get() instanceof TeamsRoster.Member member ? member.principalName()
                : Optional.empty();
        upn.ifPresent(name -> store.rememberPrincipalName(person, name));
        return upn;
    }

    /**
     * The conversation's roster, page after page, all within a few seconds: a team channel counts the team, a group
     * chat its members, a personal chat the one person (the bot is not in its own roster).
     */
    @Override
    public OptionalInt memberCount(ChannelId channel) {
        String conversation = conversationOf(channel);
        long deadline = System.nanoTime() + BoundedCall.BRIEFLY.toNanos();
        int members = 0;
        String next = null;
        try {
            do {
                String from = next;
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                PagedMembersResult page = askConnector(conversation, left, client -> rosterPage(client, conversation, from));
                members += page == null || page.getMembers() == null ? 0 : page.getMembers().size();
                next = page == null ? null : page.getContinuationToken();
            } while (next != null && !next.isBlank());
        } catch (DeliveryException e) {
            log.warn("Teams roster of {}: {}", conversation, e.getMessage());
            return OptionalInt.empty();
        }
        return members > 0 ? OptionalInt.of(members) : OptionalInt.empty();
    }

    /**
     * A page of the roster. Bot Framework 4.14.3 cannot ask for a page after the first (its
     * {@code getConversationPagedMembers(id, token)} fails before sending, on a bad annotation), so the next pages
     * go through the connector's own authenticated HTTP client, to the same {@code pagedmembers} endpoint.
     */
    private static CompletableFuture<PagedMembersResult> rosterPage(ConnectorClient client, String conversation,
                                                                    String continuation) {
        if (continuation == null) {
            return client.getConversations().getConversationPagedMembers(conversation);
        }
        HttpUrl url = HttpUrl.get(client.baseUrl()).newBuilder().addPathSegments("v3/conversations")
                .addPathSegment(conversation).addPathSegment("pagedmembers")
                .addQueryParameter("continuationToken", continuation).build();
        return CompletableFuture.supplyAsync(() -> {
            // bounded on its own: a hung page must not hold a thread of the shared pool past the roster's budget
            try (Response response = client.getRestClient().httpClient().newBuilder().callTimeout(BoundedCall.BRIEFLY)
                    .build().newCall(new Request.Builder().url(url).get().build()).execute()) {
                if (!response.isSuccessful() || response.body() == null) {
                    throw new IOException("Teams answered " + response.code() + " for a roster page");
                }
                return client.getRestClient().serializerAdapter()
                        .<PagedMembersResult>deserialize(response.body().string(), PagedMembersResult.class);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * One question to the connector about a conversation (its roster), given up after {@code limit}: a roster that is
     * slow to come costs a moment, never a stuck delivery.
     */
    private <T> T askConnector(String conversation, Duration limit,
                               Function<ConnectorClient, CompletableFuture<T>> question) throws DeliveryException {
        if (limit.isNegative() || limit.isZero()) {
            throw DeliveryException.transientFailure("Teams roster: out of time", null);
        }
        AtomicReference<T> answer = new AtomicReference<>();
        ConversationReference reference = reference(conversation);
        CompletableFuture<Void> asked = adapter.continueConversation(config.appId(), reference, context -> {
            ConnectorClient client = context.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
            return question.apply(client).thenApply(value -> {
                answer.set(value);
                return null;
            });
        });
        try {
            asked.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            asked.cancel(true);
            throw DeliveryException.transientFailure("Teams roster: no answer within " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("Teams roster: interrupted", e);
        }
        return answer.get();
    }

    @Override
    public ChannelId createChannel(String name, List<PersonId> invite) throws DeliveryException {
        return createChannel(name, invite, Optional.empty());
    }

    /** Channels are Microsoft Graph's, which needs the app's credentials: development mode has none. */
    @Override
    public ChannelId createChannel(String name, List<PersonId> invite, Optional<ChannelId> beside)
            throws DeliveryException {
        return channels().create(name, invite, beside);
    }

    @Override
    public void archiveChannel(ChannelId channel) throws DeliveryException {
        channels().archive(channel);
    }

    private GraphChannels channels() throws DeliveryException {
        return channels.orElseThrow(() -> DeliveryException.permanent("Guildhall cannot create or archive Teams"
                + " channels without Microsoft Graph, which needs " + TeamsConfig.APP_ID + " and "
                + TeamsConfig.APP_PASSWORD + " (development mode has neither): create the channel in Teams, add"
                + " Guildhall to the team, and link that channel instead"));
    }

    /** The team's Microsoft 365 group id, which Graph names a team by, as the Bot Framework connector tells it. */
    private String teamGroupId(ConversationReference inTeam, String teamId) throws DeliveryException {
        AtomicReference<String> group = new AtomicReference<>();
        run(inTeam, context -> TeamsInfo.getTeamDetails(context, teamId).thenApply(details -> {
            group.set(details == null ? null : details.getAadGroupId());
            return null;
        }));
        if (group.get() == null || group.get().isBlank()) {
            throw DeliveryException.permanent("Teams did not tell me the group id of team " + teamId);
        }
        return group.get();
    }

    @Override
    public Optional<Person> lookup(PersonId id) {
        return Optional.empty();
    }

    @Override
    public MessageRef sendFileDirect(PersonId to, FileUpload file) throws DeliveryException {
        return sendFile(personalConversation(to), file);
    }

    @Override
    public MessageRef postFile(ChannelId channel, FileUpload file) throws DeliveryException {
        return sendFile(conversationOf(channel), file);
    }

    /**
     * Pictures travel inline (a data URI), which Teams shows in personal chats and channels alike. Other files would
     * need the file-consent flow of personal chats; Guildhall does not use it, and says so.
     */
    private MessageRef sendFile(String conversation, FileUpload file) throws DeliveryException {
        if (!file.isImage()) {
            throw DeliveryException.permanent("Teams takes only pictures from Guildhall, not " + file.fileName());
        }
        Attachment picture = new Attachment();
        picture.setContentType(file.mediaType());
        picture.setName(file.fileName());
        picture.setContentUrl("data:" + file.mediaType() + ";base64," + Base64.getEncoder().encodeToString(file.content()));
        Activity activity = MessageFactory.attachment(picture, AdaptiveCards.markdown(
                file.summary().isEmpty() ? file.title() : "**" + file.title() + "** — " + file.summary()));
        return send(conversation, activity);
    }

    /** A message too big for one activity goes out as several, in order; the reference is the first one's. */
    private MessageRef send(String conversation, Message message) throws DeliveryException {
        MessageRef first = null;
        for (Attachment card : AdaptiveCards.attachments(message)) {
            MessageRef sent = send(conversation, MessageFactory.attachment(card));
            first = first == null ? sent : first;
        }
        return first;
    }

    private MessageRef send(String conversation, Activity activity) throws DeliveryException {
        AtomicReference<String> activityId = new AtomicReference<>();
        ConversationReference reference = reference(conversation);
        run(reference, context -> {
            // A new message, not a reply: the turn context would make it a reply to its made-up continuation id.
            activity.applyConversationReference(reference, false);
            activity.setReplyToId(null);
            ConnectorClient client = context.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
            return client.getConversations().sendToConversation(activity).thenApply(response -> {
                activityId.set(response == null ? "" : response.getId());
                return null;
            });
        });
        return new MessageRef(TeamsInbound.PLATFORM + ":" + conversation + SEPARATOR + activityId.get());
    }

    /** Opens a personal chat with someone seen only in a channel so far, and keeps it for next time. */
    private String openPersonalChat(PersonId to, TeamsStore.KnownPerson person) throws DeliveryException {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setMembers(List.of(new ChannelAccount(person.teamsUserId())));
        parameters.setTenantId(to.localPart().substring(0, to.localPart().indexOf(':')));
        AtomicReference<ConversationReference> opened = new AtomicReference<>();
        try {
            adapter.createConversation("msteams", person.serviceUrl(), credentials, parameters, context -> {
                opened.set(context.getActivity().getConversationReference());
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }).join();
        } catch (CompletionException e) {
            throw translate(e);
        }
        ConversationReference reference = opened.get();
        reference.setActivityId(null);
        String conversation = reference.getConversation().getId();
        store.rememberConversation(conversation, "personal", reference, clock.instant());
        store.rememberPerson(to, person.teamsUserId(), person.serviceUrl(), conversation, clock.instant());
        return conversation;
    }

    static String conversationOf(ChannelId channel) {
        String local = channel.localPart();
        return local.substring(local.indexOf(':') + 1);
    }

    private ConversationReference reference(String conversation) throws DeliveryException {
        return store.conversation(conversation).orElseThrow(() -> DeliveryException.permanent(
                "Guildhall has no way into Teams conversation " + conversation + ": add Guildhall to it first"));
    }

    private void run(ConversationReference reference, com.microsoft.bot.builder.BotCallbackHandler callback)
            throws DeliveryException {
        try {
            adapter.continueConversation(config.appId(), reference, callback).join();
        } catch (CompletionException e) {
            throw translate(e);
        }
    }

    static DeliveryException translate(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof RestException)) {
            cause = cause.getCause();
        }
        if (cause instanceof RestException rest && rest.response() != null) {
            int code = rest.response().code();
            if (code == 429) {
                String retryAfter = rest.response().headers().get("Retry-After");
                return DeliveryException.rateLimited(Duration.ofSeconds(parseSeconds(retryAfter)));
            }
            if (code >= 500 || code == 408) {
                return DeliveryException.transientFailure("Teams answered " + code, rest);
            }
            if (code == 403) {
                return DeliveryException.permanent("Teams refused (403): the bot was removed from that conversation"
                        + " or the user blocked it");
            }
            return DeliveryException.permanent("Teams answered " + code + ": " + rest.getMessage());
        }
        if (cause instanceof IOException) {
            return DeliveryException.transientFailure("Teams could not be reached: " + cause.getMessage(), cause);
        }
        return DeliveryException.transientFailure("Teams call failed: " + cause, cause);
    }

    private static long parseSeconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter == null ? "1" : retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
