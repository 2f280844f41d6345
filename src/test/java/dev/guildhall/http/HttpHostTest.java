package dev.guildhall.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpHostTest {
    private HttpHost host;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        host = HttpHost.on(0)
                .route("POST", "/echo", request -> dev.guildhall.http.HttpResponse.json(200,
                        "{\"got\":\"" + request.body() + "\","
                        + "\"sig\":\"" + request.header("x-signature").orElse("") + "\"}"))
                .route("GET", "/boom", request -> {
                    throw new IllegalStateException("broken");
                });
        host.start();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path));
    }

    @Test
    void routesByMethodAndPathWithTheRawBodyAndHeadersWhateverTheirCase() throws Exception {
        HttpResponse<String> response = send(to("/echo").header("X-Signature", "v0=1")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=%2F")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"got\":\"a=1&b=%2F\",\"sig\":\"v0=1\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void answersUnknownPathsWrongMethodsAndOversizedBodies() throws Exception {
        assertThat(send(to("/nope").GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(to("/echo").GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(send(to("/echo").POST(HttpRequest.BodyPublishers.ofString("x".repeat(HttpHost.MAX_BODY_BYTES + 1))))
                .statusCode()).isEqualTo(413);
    }

    @Test
    void aFailingRouteGetsA500WithAReferenceNotAStackTrace() throws Exception {
        HttpResponse<String> response = send(to("/boom").GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).startsWith("internal error, reference ").doesNotContain("broken");
    }

    @Test
    void aRouteIsRegisteredOnceAndNagleIsOff() {
        assertThatThrownBy(() -> host.route("POST", "/echo", request -> dev.guildhall.http.HttpResponse.text(200, "")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
}
