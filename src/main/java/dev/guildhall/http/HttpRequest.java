package dev.guildhall.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request as routes see it: the raw body is kept byte-for-byte, since signatures are computed over it. */
public record HttpRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
                          String remoteAddress) {
    public HttpRequest {
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, whatever its case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
