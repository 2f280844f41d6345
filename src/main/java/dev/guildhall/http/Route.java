package dev.guildhall.http;

/** Answers requests to one method and path. */
@FunctionalInterface
public interface Route {
    HttpResponse handle(HttpRequest request) throws Exception;
}
