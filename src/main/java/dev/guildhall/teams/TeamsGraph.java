package dev.guildhall.teams;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.models.AadUserConversationMember;
import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ChannelMembershipType;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.teams.item.channels.item.ChannelItemRequestBuilder;
import com.microsoft.graph.teams.item.channels.item.archive.ArchivePostRequestBody;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import dev.guildhall.core.DeliveryException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Channels of a team through Microsoft Graph, signed in as the bot's own app registration. Creating a standard
 * channel and renaming one need only the team's resource-specific consent (declared in the Teams app manifest, given
 * by whoever adds the app to the team); private channels, their members and archiving need application permissions
 * an admin grants for the whole tenant ({@link GraphConfig#tenantWide()}). A refusal names what to grant.
 */
final class TeamsGraph {
    static final String SCOPE = "https://graph.microsoft.com/.default";
    /** The code a refused call's {@link DeliveryException} carries, so a caller can fall back. */
    static final String FORBIDDEN = "graph_forbidden";
    static final String TEAM_CONSENT = "the team's consent to Guildhall's permissions (Channel.Create.Group,"
            + " ChannelSettings.ReadWrite.Group): a team owner updates or re-adds the Guildhall app in the team"
            + " (Manage team › Apps) and accepts its permissions";
    static final String PRIVATE_CHANNELS = "the application permissions Channel.Create and"
            + " ChannelMember.ReadWrite.All, granted to Guildhall's app registration by an admin (Microsoft Entra"
            + " admin center › App registrations › Guildhall › API permissions › Grant admin consent)";
    static final String ARCHIVING = "the application permission ChannelSettings.ReadWrite.All, granted to"
            + " Guildhall's app registration by an admin (Microsoft Entra admin center › App registrations ›"
            + " Guildhall › API permissions › Grant admin consent), and " + GraphConfig.TENANT_WIDE + "=true";

    private final GraphConfig config;
    private final Function<String, TokenCredential> credentialForTenant;
    private final Map<String, GraphServiceClient> clients = new ConcurrentHashMap<>();

    /** {@code credentialForTenant}: how the app signs in to the tenant a team belongs to. */
    TeamsGraph(GraphConfig config, Function<String, TokenCredential> credentialForTenant) {
        this.config = config;
        this.credentialForTenant = credentialForTenant;
    }

    /**
     * The bot's app registration signing in with its client secret, to {@link TeamsConfig#TENANT_ID} or else to the
     * team's own tenant. {@code adjust} lets tests point it at a local sign-in endpoint.
     */
    static Function<String, TokenCredential> appCredential(TeamsConfig config,
                                                          UnaryOperator<ClientSecretCredentialBuilder> adjust) {
        return tenant -> adjust.apply(new ClientSecretCredentialBuilder().tenantId(config.tenantId().orElse(tenant))
                .clientId(config.appId()).clientSecret(config.appPassword())).build();
    }

    boolean tenantWide() {
        return config.tenantWide();
    }

    String createStandardChannel(String tenant, String team, String name, String description)
            throws DeliveryException {
        Channel channel = new Channel();
        channel.setDisplayName(name);
        channel.setDescription(description);
        channel.setMembershipType(ChannelMembershipType.Standard);
        return call("create the channel " + name, TEAM_CONSENT,
                () -> client(tenant).teams().byTeamId(team).channels().post(channel).getId());
    }

    /** A private channel has its own members; Graph wants its first owner in the request that creates it. */
    String createPrivateChannel(String tenant, String team, String name, String description, String ownerUserId)
            throws DeliveryException {
        Channel channel = new Channel();
        channel.setDisplayName(name);
        channel.setDescription(description);
        channel.setMembershipType(ChannelMembershipType.Private);
        channel.setMembers(List.of(member(ownerUserId, List.of("owner"))));
        return call("create the private channel " + name, PRIVATE_CHANNELS,
                () -> client(tenant).teams().byTeamId(team).channels().post(channel).getId());
    }

    void addMember(String tenant, String team, String channel, String userId) throws DeliveryException {
        call("add a member to the channel", PRIVATE_CHANNELS, () -> channel(tenant, team, channel).members()
                .post(member(userId, List.of())));
    }

    void deleteChannel(String tenant, String team, String channel) throws DeliveryException {
        call("delete the channel", TEAM_CONSENT, () -> {
            channel(tenant, team, channel).delete();
            return null;
        });
    }

    void archive(String tenant, String team, String channel) throws DeliveryException {
        call("archive the channel", ARCHIVING, () -> {
            channel(tenant, team, channel).archive().post(new ArchivePostRequestBody());
            return null;
        });
    }

    String displayName(String tenant, String team, String channel) throws DeliveryException {
        return call("read the channel's name", TEAM_CONSENT, () -> channel(tenant, team, channel).get().getDisplayName());
    }

    void rename(String tenant, String team, String channel, String name) throws DeliveryException {
        Channel renamed = new Channel();
        renamed.setDisplayName(name);
        call("rename the channel", TEAM_CONSENT, () -> channel(tenant, team, channel).patch(renamed));
    }

    private ChannelItemRequestBuilder channel(String tenant, String team, String channel) {
        return client(tenant).teams().byTeamId(team).channels().byChannelId(channel);
    }

    private static AadUserConversationMember member(String userId, List<String> roles) {
        AadUserConversationMember member = new AadUserConversationMember();
        member.setRoles(roles);
        member.setAdditionalData(Map.of("user@odata.bind", "https://graph.microsoft.com/v1.0/users('" + userId + "')"));
        return member;
    }

    private GraphServiceClient client(String tenant) {
        return clients.computeIfAbsent(tenant, key -> {
            String host = URI.create(config.baseUrl()).getHost();
            GraphServiceClient client = new GraphServiceClient(new AzureIdentityAuthenticationProvider(
                    credentialForTenant.apply(key), new String[] {host}, SCOPE));
            client.getRequestAdapter().setBaseUrl(config.baseUrl());
            return client;
        });
    }

    /** Runs one Graph request; Graph's refusals become the outbox's kinds of failure, with what to do about them. */
    private static <T> T call(String what, String whatToGrant, Supplier<T> request) throws DeliveryException {
        try {
            return request.get();
        } catch (ApiException e) {
            int status = e.getResponseStatusCode();
            if (status == 429) {
                String retryAfter = e.getResponseHeaders().getOrDefault("Retry-After", java.util.Set.of("5"))
                        .stream().findFirst().orElse("5");
                return rethrow(DeliveryException.rateLimited(Duration.ofSeconds(seconds(retryAfter))));
            }
            if (status >= 500 || status == 408) {
                return rethrow(DeliveryException.transientFailure("Microsoft Graph answered " + status
                        + " when I tried to " + what, e));
            }
            if (status == 401 || status == 403) {
                return rethrow(DeliveryException.permanent("Microsoft Graph refused (" + status + ") to let Guildhall "
                        + what + ": that needs " + whatToGrant + ".").withCode(FORBIDDEN));
            }
            return rethrow(DeliveryException.permanent("Microsoft Graph answered " + status + " when I tried to " + what
                    + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return rethrow(DeliveryException.transientFailure("Microsoft Graph could not be reached: "
                            + cause.getMessage(), cause));
                }
            }
            return rethrow(DeliveryException.transientFailure("Microsoft Graph call failed: " + e, e));
        }
    }

    private static <T> T rethrow(DeliveryException failure) throws DeliveryException {
        throw failure;
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 5;
        }
    }
}
