package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scriptable stand-in for the Supervisely API on loopback: per API method, a queue of replies
 * (then an optional fallback), every request recorded. Replies can be JSON, any body, or a dropped
 * connection.
 */
final class RecordingServer implements AutoCloseable {
  static final String PREFIX = "/public/api/v3/";

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per request on a kept-alive connection. Read once per JVM.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as the server saw it. */
  record Recorded(
      String verb, String path, String method, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("request body is not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What to answer. */
  record Reply(
      int status,
      String contentType,
      String body,
      Map<String, String> headers,
      boolean dropConnection) {
    static Reply json(String body) {
      return json(200, body);
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, Map.of(), false);
    }

    static Reply text(int status, String contentType, String body) {
      return new Reply(status, contentType, body, Map.of(), false);
    }

    static Reply drop() {
      return new Reply(0, null, null, Map.of(), true);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> all = new HashMap<>(headers);
      all.put(name, value);
      return new Reply(status, contentType, body, all, dropConnection);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, Deque<Reply>> queues = new ConcurrentHashMap<>();
  private final Map<String, Function<Recorded, Reply>> fallbacks = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  RecordingServer() throws IOException {
    this(0);
  }

  /** Starts on {@code port} of loopback (0: any free port), e.g. to come back after a restart. */
  RecordingServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Returns {@code http://127.0.0.1:port}. */
  String address() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues replies for {@code method}, answered in order. */
  RecordingServer enqueue(String method, Reply... replies) {
    Deque<Reply> queue = queues.computeIfAbsent(method, m -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(replies));
    }
    return this;
  }

  /** Answers {@code method} with {@code responder} once its queue is empty. */
  RecordingServer fallback(String method, Function<Recorded, Reply> responder) {
    fallbacks.put(method, responder);
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<Recorded> requests(String method) {
    List<Recorded> matching = new ArrayList<>();
    for (Recorded r : requests) {
      if (r.method().equals(method)) {
        matching.add(r);
      }
    }
    return matching;
  }

  /** Returns a client builder aimed at this server with fast, recorded retries. */
  SuperviselyApi.Builder client(String token, Sleeper sleeper) {
    return SuperviselyApi.builder()
        .server(address())
        .token(token)
        .maxRetries(3)
        .backoffBase(Duration.ofMillis(1))
        .backoffCap(Duration.ofMillis(4))
        .requestTimeout(Duration.ofSeconds(20))
        .sleeper(sleeper);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Recorded request = record(exchange);
    Reply reply = replyFor(request);
    if (reply.dropConnection()) {
      exchange.close();
      return;
    }
    byte[] body =
        reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    }
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Recorded record(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Recorded request = new Recorded(exchange.getRequestMethod(), path, method, headers, body);
    requests.add(request);
    return request;
  }

  private Reply replyFor(Recorded request) {
    if (request.method().isEmpty()) {
      return Reply.text(404, "text/html", "<html><body>Not Found</body></html>");
    }
    Deque<Reply> queue = queues.get(request.method());
    if (queue != null) {
      synchronized (queue) {
        if (!queue.isEmpty()) {
          return queue.poll();
        }
      }
    }
    Function<Recorded, Reply> fallback = fallbacks.get(request.method());
    if (fallback != null) {
      return fallback.apply(request);
    }
    return Reply.json(418, "{\"error\":\"no scripted reply for " + request.method() + "\"}");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
