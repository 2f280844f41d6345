package dev.guildhall.http;

/** What a route answers. */
public record HttpResponse(int status, String contentType, String body) {
    public HttpResponse {
        body = body == null ? "" : body;
        contentType = contentType == null ? "text/plain; charset=utf-8" : contentType;
    }

    public static HttpResponse text(int status, String body) {
        return new HttpResponse(status, "text/plain; charset=utf-8", body);
    }

    public static HttpResponse json(int status, String body) {
        return new HttpResponse(status, "application/json; charset=utf-8", body);
    }
}
