package dev.guildhall.http;

import java.nio.charset.StandardCharsets;

/** What a route answers: text, or bytes to download ({@code attachmentName} set). */
public record HttpResponse(int status, String contentType, String body, byte[] bytes, String attachmentName) {
    public HttpResponse {
        body = body == null ? "" : body;
        contentType = contentType == null ? "text/plain; charset=utf-8" : contentType;
    }

    public HttpResponse(int status, String contentType, String body) {
        this(status, contentType, body, null, null);
    }

    public static HttpResponse text(int status, String body) {
        return new HttpResponse(status, "text/plain; charset=utf-8", body);
    }

    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, "application/json; charset=utf-8", body);
    }

    /** A file the browser saves rather than shows. */
    public static HttpResponse attachment(String fileName, String mediaType, byte[] content) {
        return new HttpResponse(200, mediaType, "", content.clone(), fileName);
    }

    /** The bytes sent: the download's, or the text's in UTF-8. */
    public byte[] payload() {
        return bytes != null ? bytes.clone() : body.getBytes(StandardCharsets.UTF_8);
    }
}
