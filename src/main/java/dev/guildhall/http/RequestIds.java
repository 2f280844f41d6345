package dev.guildhall.http;

import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One id per inbound request (HTTP, a Socket Mode envelope), kept in the logging context under {@link #KEY} while
 * the request is handled: every log line prints it, and a person whose request failed is shown the same id as its
 * reference, so the two can be matched.
 */
public final class RequestIds {
    /** The SLF4J MDC key. */
    public static final String KEY = "request_id";
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int LENGTH = 12;

    private RequestIds() {
    }

    /** 12 characters of Crockford base32 (60 bits): short enough to read out, long enough not to repeat by chance. */
    public static String next() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(id);
    }

    /** The id of the request this thread is handling, if any. */
    public static String current() {
        return MDC.get(KEY);
    }

    /**
     * Puts {@code id} into the logging context until the returned scope closes, then restores what was there: a
     * request handled inside another (Bolt run from an HTTP route) keeps the outer id.
     */
    public static Scope open(String id) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, id);
        return () -> {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        };
    }

    /** Work handed to another thread runs with the logging context of the thread that handed it over. */
    public static Runnable carried(Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context == null || context.isEmpty()) {
            return work;
        }
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            MDC.setContextMap(context);
            try {
                work.run();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }

    /** Closing a scope cannot fail. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
