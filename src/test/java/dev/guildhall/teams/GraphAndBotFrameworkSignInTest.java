package dev.guildhall.teams;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot Framework SDK and the Graph client's azure-identity share one MSAL (the pom aligns msal4j): each signs in
 * as the bot's app registration against a local token endpoint, and each uses the token it got.
 */
class GraphAndBotFrameworkSignInTest {
    private static final String TENANT = "tenant-1";
    private static final TeamsConfig APP = new TeamsConfig("app-id-1", "client-secret-1", Optional.of(TENANT), false);

    @TempDir
    Path dir;
    FakeLogin login;
    FakeGraph graph;

    @BeforeEach
    void start() throws Exception {
        login = new FakeLogin(dir);
        graph = new FakeGraph();
    }

    @AfterEach
    void stop() {
        login.close();
        graph.close();
    }

    @Test
    void theBotFrameworkGetsItsConnectorTokenThroughTheSharedMsal() throws Exception {
        MicrosoftAppCredentials credentials = new MicrosoftAppCredentials(APP.appId(), APP.appPassword(), TENANT) {
            @Override
            public String oAuthEndpoint() {
                return login.authorityHost() + "/" + TENANT;
            }
        };
        SSLSocketFactory previous = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(login.trusting().getSocketFactory());
        String token;
        try {
            token = credentials.getToken().join();
        } finally {
            HttpsURLConnection.setDefaultSSLSocketFactory(previous);
        }

        assertThat(token).isEqualTo(FakeLogin.tokenFor("https://api.botframework.com/.default"));
        assertThat(login.asks()).filteredOn(ask -> ask.form().containsKey("grant_type")).singleElement()
                .satisfies(ask -> {
                    assertThat(ask.tenant()).isEqualTo(TENANT);
                    assertThat(ask.form()).containsEntry("grant_type", "client_credentials")
                            .containsEntry("client_id", APP.appId()).containsEntry("client_secret", APP.appPassword());
                });
    }

    @Test
    void theGraphClientSignsInAsTheAppAndSendsItsTokenToGraph() throws Exception {
        HttpClient trustingLogin = new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                .secure(tls -> tls.sslContext(uncheckedSslContext()))).build();
        TeamsGraph teams = new TeamsGraph(new GraphConfig(graph.baseUrl(), false), TeamsGraph.appCredential(APP,
                builder -> builder.authorityHost(login.authorityHost()).httpClient(trustingLogin)
                        .disableInstanceDiscovery()));

        String channel = teams.createStandardChannel(TENANT, "team-group-1", "wg-vpc", "Working group wg-vpc");

        assertThat(channel).isEqualTo("19:wg-1@thread.tacv2");
        assertThat(graph.calls("create")).singleElement().satisfies(call -> assertThat(call.authorization())
                .isEqualTo("Bearer " + FakeLogin.tokenFor(TeamsGraph.SCOPE)));
        assertThat(login.asks()).filteredOn(ask -> ask.form().containsKey("grant_type")).singleElement()
                .satisfies(ask -> {
                    assertThat(ask.tenant()).isEqualTo(TENANT);
                    assertThat(ask.form().get("scope")).contains(TeamsGraph.SCOPE);
                    assertThat(ask.form()).containsEntry("client_id", APP.appId());
                });
    }

    private io.netty.handler.ssl.SslContext uncheckedSslContext() {
        try {
            return SslContextBuilder.forClient().trustManager(login.trustManagers()).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }
}
