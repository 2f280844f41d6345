package dev.guildhall.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local stand-in for the Microsoft identity platform's token endpoint, over HTTPS (MSAL accepts no other scheme)
 * with a certificate made for the test. It hands out a token named after the scope asked for, and records each ask.
 */
final class FakeLogin implements AutoCloseable {
    /** One token request: the tenant in its path and its form fields. */
    record Ask(String tenant, Map<String, String> form) {
    }

    private final HttpsServer server;
    private final SSLContext trusting;
    private final TrustManagerFactory trustManagers;
    private final List<Ask> asks = new CopyOnWriteArrayList<>();

    FakeLogin(Path dir) throws Exception {
        char[] password = "fake-login".toCharArray();
        Path store = dir.resolve("login.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "login", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(password)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("login", certificate(keys));
        trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.createContext("/", this::handle);
        server.start();
    }

    private static Certificate certificate(KeyStore keys) throws Exception {
        return keys.getCertificate("login");
    }

    /** Trusts this server's certificate only. */
    SSLContext trusting() {
        return trusting;
    }

    /** The same trust, for clients that build their own TLS (Netty). */
    TrustManagerFactory trustManagers() {
        return trustManagers;
    }

    String authorityHost() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Ask> asks() {
        return List.copyOf(asks);
    }

    static String tokenFor(String scope) {
        return "token-for-" + scope.replaceAll("[^a-z.]+", "-");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String tenant = path.split("/")[1];
        if (exchange.getRequestMethod().equals("POST") && path.endsWith("/oauth2/v2.0/token")) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            asks.add(new Ask(tenant, form));
            // MSAL adds openid, profile and offline_access: the token is for the resource, the .default scope.
            String resource = java.util.Arrays.stream(form.getOrDefault("scope", "").split(" "))
                    .filter(scope -> scope.endsWith("/.default")).findFirst().orElse("none");
            FakeConnector.respond(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"" + tokenFor(resource) + "\"}");
            return;
        }
        String base = authorityHost() + "/" + tenant;
        if (path.endsWith("/.well-known/openid-configuration")) {
            FakeConnector.respond(exchange, 200, "{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\","
                    + "\"authorization_endpoint\":\"" + base + "/oauth2/v2.0/authorize\",\"issuer\":\"" + base + "/v2.0\"}");
            return;
        }
        if (path.endsWith("/discovery/instance")) {
            String host = authorityHost().substring("https://".length());
            FakeConnector.respond(exchange, 200, "{\"tenant_discovery_endpoint\":\"" + base
                    + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\",\"metadata\":[{"
                    + "\"preferred_network\":\"" + host + "\",\"preferred_cache\":\"" + host + "\",\"aliases\":[\""
                    + host + "\"]}]}");
            return;
        }
        asks.add(new Ask(tenant, Map.of("unexpected", exchange.getRequestMethod() + " " + exchange.getRequestURI())));
        FakeConnector.respond(exchange, 404, "{\"error\":\"not_found\"}");
    }

    private static Map<String, String> form(String body) {
        return java.util.Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> b));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
