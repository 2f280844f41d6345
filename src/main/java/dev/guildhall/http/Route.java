package dev.guildhall.http;

/** Answers requests to one method and path. */
@FunctionalInterface
public interface Route {
    HttpResponse handle(HttpRequest request) throws Exception;

    /**
     * What to answer, at once, when every worker is busy and the queue of waiting requests is full: by default a
     * 503, which clients retry. A route whose caller shows a 503 to a person as an error answers something kinder.
     */
    default HttpResponse busy(HttpRequest request) {
        return HttpResponse.text(503, "busy, try again in a moment");
    }
}
