package dev.guildhall.http;

import dev.guildhall.core.FileUpload;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files handed out as links, where a chat cannot take the file itself (Teams bots send only pictures): each link is
 * unguessable (256 random bits), works once, and expires after {@link #LIFETIME}. The files live only in memory, so
 * a restart voids every link. Served at {@code GET /download?token=…} on the bot's public URL.
 */
public final class DownloadLinks {
    public static final String PATH = "/download";
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int MAX_OPEN = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Offer(FileUpload file, Instant expiresAt) {
    }

    private final Optional<URI> publicUrl;
    private final Clock clock;
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();

    public DownloadLinks(Optional<URI> publicUrl, Clock clock) {
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Links need the bot's public address ({@code GUILDHALL_PUBLIC_URL}); without it there are none. */
    public static DownloadLinks none() {
        return new DownloadLinks(Optional.empty(), Clock.systemUTC());
    }

    public boolean enabled() {
        return publicUrl.isPresent();
    }

    /** A one-time link to {@code file}. */
    public URI offer(FileUpload file) {
        URI base = publicUrl.orElseThrow(() -> new IllegalStateException("no public URL for download links"));
        Instant now = clock.instant();
        offers.values().removeIf(offer -> !offer.expiresAt().isAfter(now));
        if (offers.size() >= MAX_OPEN) {
            throw new IllegalStateException("too many download links open at once");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        offers.put(token, new Offer(file, now.plus(LIFETIME)));
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + PATH + "?token=" + token);
    }

    /** The route: the file once, then 404; 404 too for an expired or unknown token (no hint which). */
    public Route route() {
        return request -> {
            String token = "";
            for (String pair : request.query().split("&")) {
                if (pair.startsWith("token=")) {
                    token = pair.substring("token=".length());
                }
            }
            Offer offer = token.isEmpty() ? null : offers.remove(token);
            if (offer == null || !offer.expiresAt().isAfter(clock.instant())) {
                return HttpResponse.text(404, "This download link has been used or has expired. Ask for a new"
                        + " export.");
            }
            return HttpResponse.attachment(offer.file().fileName(), offer.file().mediaType(), offer.file().content());
        };
    }
}
