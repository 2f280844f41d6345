package dev.guildhall.admin;

import dev.guildhall.app.Server;
import dev.guildhall.config.ConfigException;
import dev.guildhall.core.AdjustableClock;
import dev.guildhall.core.Command;
import dev.guildhall.core.Inbound;
import dev.guildhall.core.Message;
import dev.guildhall.core.Person;
import dev.guildhall.core.PersonId;
import dev.guildhall.testing.BotExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Teams admin's export: one-time, expiring links on the bot's own server. */
class TeamsExportLinksTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theLinksWorkOnceAndExpire() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AdjustableClock clock = AdjustableClock.fixedAt(BotExtension.START);
        try (Server server = Server.start(Map.of("GUILDHALL_DB", dir.resolve("bot.db").toString(),
                "PORT", String.valueOf(port), "GUILDHALL_TEAMS_DEV", "true",
                "GUILDHALL_ADMINS", "teams:tenant:boss", "GUILDHALL_PUBLIC_URL", "http://127.0.0.1:" + port + "/"),
                clock, false)) {
            // Given a Teams admin asks for an export
            Message reply = server.bot().handle(Inbound.of(new Command(Person.of(PersonId.of("teams", "tenant", "boss"), "Boss"),
                    Optional.empty(), "guildhall", "admin export"))).reply().messages().get(0);

            // Then they get two links on the bot's public address
            assertThat(reply.text()).contains("Each link works once, within 15 minutes");
            String json = reply.fields().get(0).value();
            String zip = reply.fields().get(1).value();
            assertThat(json).startsWith("http://127.0.0.1:" + port + "/download?token=").hasSizeGreaterThan(70);

            // When the JSON link is opened: the export, as an attachment; a second time: gone
            HttpResponse<byte[]> first = get(json);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment; filename=\"guildhall-export-").endsWith(".json\"");
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("\"person\"", "teams:tenant:boss");
            assertThat(get(json).statusCode()).isEqualTo(404);
            assertThat(get("http://127.0.0.1:" + port + "/download?token=guess").statusCode()).isEqualTo(404);

            // And the other link expires after 15 minutes
            clock.advance(Duration.ofMinutes(16));
            assertThat(get(zip).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePublicUrlMustBeAnHttpAddress() {
        assertThatThrownBy(() -> dev.guildhall.app.Config.from(Map.of("GUILDHALL_PUBLIC_URL", "guildhall.example")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("GUILDHALL_PUBLIC_URL must be");
    }
}
