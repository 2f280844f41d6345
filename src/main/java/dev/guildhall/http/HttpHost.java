package dev.guildhall.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one HTTP server of the bot. Platform adapters register their routes here (Slack's {@code POST /slack/events},
 * Teams' {@code POST /api/messages}); it knows nothing about them.
 *
 * <p>Built on Jetty's core server (no servlets), because a bot on the public internet must not be held by slow
 * clients: headers and bodies are read without holding a thread, each phase has its own deadline
 * ({@link HttpLimits}), and routes run on a bounded pool of workers, answering "busy" at once when it is full
 * rather than letting requests pile up until platforms time out.
 */
public final class HttpHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpHost.class);
    /** Platform callbacks are small; anything bigger is not one of them. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final long DRAIN_LIMIT_BYTES = 16L << 20;
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration BUSY_LOG_INTERVAL = Duration.ofSeconds(10);

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final HttpLimits limits;
    private final Map<String, Map<String, Route>> routes = new ConcurrentHashMap<>();
    private final Map<Connection, ConnectionDeadline> deadlines = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong busyAnswers = new AtomicLong();
    private final AtomicLong lastBusyLog = new AtomicLong(System.nanoTime() - BUSY_LOG_INTERVAL.toNanos());

    private HttpHost(InetSocketAddress address, HttpLimits limits) {
        this.limits = limits;
        QueuedThreadPool io = new QueuedThreadPool(16, 2);
        io.setName("http-io");
        io.setDaemon(true);
        server = new Server(io);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setSendDateHeader(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(configuration));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setAcceptQueueSize(128);
        // Small requests and answers: Nagle's algorithm would hold each answer ~40 ms for a delayed ACK.
        connector.setAcceptedTcpNoDelay(true);
        // Jetty's own idle timeout covers silence; the deadlines below cover clients that trickle.
        connector.setIdleTimeout(limits.idle().toMillis());
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                ConnectionDeadline deadline = new ConnectionDeadline(connection);
                deadlines.put(connection, deadline);
                deadline.awaitRequest(limits.headers());
            }

            @Override
            public void onClosed(Connection connection) {
                ConnectionDeadline deadline = deadlines.remove(connection);
                if (deadline != null) {
                    deadline.cancel();
                }
            }
        });
        server.addConnector(connector);
        server.setHandler(new Dispatch());
        AtomicInteger count = new AtomicInteger();
        workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 60, TimeUnit.SECONDS,
                limits.queue() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
    }

    /** A server on all interfaces at {@code port} (0 picks a free one); call {@link #start()} after adding routes. */
    public static HttpHost on(int port) throws IOException {
        return on(new InetSocketAddress(port), HttpLimits.DEFAULT);
    }

    public static HttpHost on(InetSocketAddress address) throws IOException {
        return on(address, HttpLimits.DEFAULT);
    }

    /** Binds at once, so a taken port is found before anything else starts. */
    public static HttpHost on(InetSocketAddress address, HttpLimits limits) throws IOException {
        HttpHost host = new HttpHost(address, limits);
        try {
            host.connector.open();
        } catch (IOException e) {
            host.workers.shutdownNow();
            throw e;
        }
        return host;
    }

    public HttpHost route(String method, String path, Route route) {
        Route previous = routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(method, route);
        if (previous != null) {
            throw new IllegalStateException(method + " " + path + " is registered twice");
        }
        return this;
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Requests waiting for a worker. */
    public int waiting() {
        return workers.getQueue().size();
    }

    public HttpLimits limits() {
        return limits;
    }

    /** Routes by path and method; reads the body without a thread; runs the route on a worker. */
    private final class Dispatch extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String requestId = RequestIds.next();
            ConnectionDeadline deadline = deadlines.get(request.getConnectionMetaData().getConnection());
            if (deadline != null) {
                deadline.requestArrived();
                callback = deadline.afterResponse(callback);
            }
            response.getHeaders().put("X-Request-Id", requestId);
            String path = request.getHttpURI().getPath();
            Map<String, Route> byMethod = path == null ? null : routes.get(path);
            String method = request.getMethod();
            // HEAD is GET without the body (Jetty leaves the body out), so probes that use it get the same status.
            Route route = byMethod == null ? null
                    : byMethod.getOrDefault(method, "HEAD".equals(method) ? byMethod.get("GET") : null);
            if (byMethod == null) {
                write(response, callback, HttpResponse.text(404, "not found"));
            } else if (route == null) {
                response.getHeaders().put("Allow", String.join(", ", byMethod.keySet()));
                write(response, callback, HttpResponse.text(405, "method not allowed"));
            } else {
                new BodyReader(request, response, callback, route, requestId).start();
            }
            return true;
        }
    }

    /** Collects the body as it arrives, within the body deadline; then hands the request to a worker. */
    private final class BodyReader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Route route;
        private final String requestId;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean finished = new AtomicBoolean();
        private long received;
        private Scheduler.Task timeout;

        BodyReader(Request request, Response response, Callback callback, Route route, String requestId) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.route = route;
            this.requestId = requestId;
        }

        void start() {
            long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > DRAIN_LIMIT_BYTES) {
                finish(HttpResponse.text(413, "request body too large"), true);
                return;
            }
            timeout = server.getScheduler().schedule(this::timedOut, limits.body().toMillis(), TimeUnit.MILLISECONDS);
            read();
        }

        private void read() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    aborted(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                received += bytes.remaining();
                if (received <= MAX_BODY_BYTES) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    body.write(copy, 0, copy.length);
                }
                boolean last = chunk.isLast();
                chunk.release();
                // Past the limit the rest is read and dropped (up to a bound), so the client hears the 413 rather
                // than a connection reset in the middle of its upload.
                if (received > DRAIN_LIMIT_BYTES || (last && received > MAX_BODY_BYTES)) {
                    finish(HttpResponse.text(413, "request body too large"), true);
                    return;
                }
                if (last) {
                    complete();
                    return;
                }
            }
        }

        private void complete() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel();
            HttpRequest parsed = new HttpRequest(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(), headers(request), body.toString(StandardCharsets.UTF_8),
                    Request.getRemoteAddr(request));
            try {
                workers.execute(() -> run(parsed));
            } catch (RejectedExecutionException e) {
                long refused = busyAnswers.incrementAndGet();
                long now = System.nanoTime();
                long last = lastBusyLog.get();
                // One line per interval, not one per refused request: overload must not also flood the log.
                if (now - last >= BUSY_LOG_INTERVAL.toNanos() && lastBusyLog.compareAndSet(last, now)) {
                    try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
                        log.warn("{} {} answered busy: {} requests running and {} waiting ({} busy answers so far)",
                                parsed.method(), parsed.path(), workers.getActiveCount(), workers.getQueue().size(),
                                refused);
                    }
                }
                write(response, callback, route.busy(parsed));
            }
        }

        private void run(HttpRequest parsed) {
            inFlight.incrementAndGet();
            try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
                HttpResponse answer;
                try {
                    answer = route.handle(parsed);
                } catch (Exception | Error e) {
                    log.error("{} {} failed, reference {}", parsed.method(), parsed.path(), requestId, e);
                    answer = HttpResponse.text(500, "internal error, reference " + requestId);
                }
                write(response, callback, answer);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private void timedOut() {
            if (finished.get()) {
                return;
            }
            try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
                log.warn("{} {} from {}: the body did not arrive within {} ms ({} bytes); closing the connection",
                        request.getMethod(), request.getHttpURI().getPath(), Request.getRemoteAddr(request),
                        limits.body().toMillis(), received);
            }
            finish(HttpResponse.text(408, "request body not received in time"), true);
        }

        /** The client went away mid-body (or the body was cut): nothing to answer, one line to log, no trace. */
        private void aborted(Throwable failure) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel();
            try (RequestIds.Scope ignored = RequestIds.open(requestId)) {
                log.warn("{} {} from {}: the client stopped sending the body after {} bytes ({})", request.getMethod(),
                        request.getHttpURI().getPath(), Request.getRemoteAddr(request), received, failure.toString());
            }
            callback.failed(failure);
        }

        private void finish(HttpResponse answer, boolean closeConnection) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            if (timeout != null) {
                timeout.cancel();
            }
            if (closeConnection) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            write(response, callback, answer);
        }
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static void write(Response response, Callback callback, HttpResponse answer) {
        byte[] body = answer.payload();
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        if (answer.attachmentName() != null) {
            response.getHeaders().put("Content-Disposition", "attachment; filename=\""
                    + answer.attachmentName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Closes a connection that has not delivered a request's headers in time: {@code headers} after it opened, and
     * {@code idle} after its last response. Jetty's idle timeout alone would let a client that sends one byte every
     * few seconds hold the connection for ever.
     */
    private final class ConnectionDeadline {
        private final Connection connection;
        private final AtomicLong requests = new AtomicLong();
        private volatile Scheduler.Task task;
        private volatile boolean handling;

        ConnectionDeadline(Connection connection) {
            this.connection = connection;
        }

        void awaitRequest(Duration within) {
            long seen = requests.get();
            task = server.getScheduler().schedule(() -> {
                if (requests.get() == seen && !handling && connection.getEndPoint().isOpen()) {
                    log.debug("closing a connection from {}: no complete request within {} ms",
                            connection.getEndPoint().getRemoteSocketAddress(), within.toMillis());
                    connection.getEndPoint().close();
                }
            }, within.toMillis(), TimeUnit.MILLISECONDS);
        }

        void requestArrived() {
            handling = true;
            requests.incrementAndGet();
            cancel();
        }

        /** The idle deadline starts when the answer is sent, before the connection may read the next request. */
        Callback afterResponse(Callback callback) {
            return new Callback.Nested(callback) {
                @Override
                public void succeeded() {
                    handling = false;
                    awaitRequest(limits.idle());
                    super.succeeded();
                }
            };
        }

        void cancel() {
            Scheduler.Task current = task;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Stops taking requests; those under way get up to {@link #GRACE} to finish. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTP server: {}", e.toString());
        }
        workers.shutdownNow();
    }

    /** For start-up messages: a port that is taken. */
    public static boolean isPortTaken(IOException e) {
        return e instanceof BindException || e.getCause() instanceof BindException;
    }
}
