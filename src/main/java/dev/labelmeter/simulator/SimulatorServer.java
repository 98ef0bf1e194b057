package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Supervisely-compatible HTTP server on loopback that serves one synthetic team over {@code
 * POST /public/api/v3/{method}}, with injectable faults and ground-truth accessors for tests.
 *
 * <pre>{@code
 * try (SimulatorServer server = SimulatorServer.builder()
 *     .teamSize(TeamSize.MEDIUM).seed(7).now(Instant.now()).build().start()) {
 *   String url = server.baseUrl(); // http://127.0.0.1:PORT
 *   String token = server.token();
 * }
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {
  /** The path prefix every API method is served under. */
  public static final String API_PREFIX = "/public/api/v3/";

  private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);
  private static final String TOKEN_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Builder config;
  private final String token;
  private final ServerState state;
  private final SimulatorApi api;
  private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
  private volatile FaultConfig faults;

  /** Draws the latencies of all requests. */
  private SplittableRandom latencyRandom;

  /**
   * Draws the drops and errors, only for requests to the methods the faults apply to, so the n-th
   * such request fails or not by the seed alone, whatever other calls run beside it.
   */
  private SplittableRandom failureRandom;

  private HttpServer http;
  private ExecutorService executor;

  private SimulatorServer(Builder config) {
    this.config = config;
    this.token = config.token != null ? config.token : randomToken();
    SyntheticTeam team = TeamGenerator.generate(config.size, config.seed, config.now);
    this.state = new ServerState(team, config.clock);
    this.api = new SimulatorApi(state);
    setFaults(config.faults);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Turns on TCP_NODELAY in the JDK's HTTP server, which otherwise answers a kept-alive request
   * about 40 ms late (Nagle's algorithm against delayed ACKs). The JDK reads the property once,
   * when its server class first loads, so an explicit setting made earlier wins.
   */
  private static void disableNagleDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Starts listening on 127.0.0.1 and returns this server. */
  public SimulatorServer start() throws IOException {
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port);
    disableNagleDelay();
    http = HttpServer.create(address, 128);
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            config.threads,
            r -> {
              Thread t = new Thread(r, "simulator-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
    log.info(
        "Simulator serving team {} ({} jobs, {} events) at {}",
        teamId(),
        state.jobs.size(),
        state.events.size(),
        baseUrl());
    return this;
  }

  /** Returns the server address, e.g. {@code http://127.0.0.1:8000}. */
  public String baseUrl() {
    requireStarted();
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  public int port() {
    requireStarted();
    return http.getAddress().getPort();
  }

  /** Returns the API token clients must send in {@code x-api-key}. */
  public String token() {
    return token;
  }

  public long teamId() {
    return state.plan.teamId;
  }

  public TeamSize teamSize() {
    return state.plan.size;
  }

  /** Returns the end of the served history: every event is before it. */
  public Instant now() {
    return read(() -> Instant.ofEpochMilli(state.nowMillis));
  }

  public FaultConfig faults() {
    return faults;
  }

  /** Replaces the faults, effective for the next request. */
  public synchronized void setFaults(FaultConfig newFaults) {
    this.faults = Objects.requireNonNull(newFaults, "faults");
    this.latencyRandom = new SplittableRandom(newFaults.seed());
    this.failureRandom = new SplittableRandom(newFaults.seed() ^ 0x5DEECE66DL);
  }

  // ---------------------------------------------------------------- ground truth

  /** Returns every job (disabled ones too) as {@code jobs.info} returns it, by id. */
  public List<ObjectNode> jobs() {
    return read(
        () -> {
          List<ObjectNode> out = new ArrayList<>();
          for (SimJob job : state.jobs.values()) {
            out.add(SimJson.object(g -> job.writeInfo(g, true)));
          }
          return out;
        });
  }

  /** Returns the {@code jobs.stats} object of every job, by job id. */
  public Map<Long, ObjectNode> stats() {
    return read(
        () -> {
          Map<Long, ObjectNode> out = new TreeMap<>();
          for (SimJob job : state.jobs.values()) {
            out.put(job.id, SimJson.object(job::writeStats));
          }
          return out;
        });
  }

  /** Returns every member as {@code members.list} returns them. */
  public List<ObjectNode> members() {
    return read(
        () -> {
          List<ObjectNode> out = new ArrayList<>();
          for (Person p : state.plan.members) {
            out.add(SimJson.object(g -> state.members.writeMember(g, p)));
          }
          return out;
        });
  }

  /** Returns the whole activity log in server order (by date, then as recorded). */
  public List<ObjectNode> events() {
    return read(
        () -> {
          List<ObjectNode> out = new ArrayList<>(state.events.size());
          for (SimEvent e : state.events) {
            out.add(SimJson.object(e::write));
          }
          return out;
        });
  }

  public int eventCount() {
    return read(state.events::size);
  }

  /**
   * Continues the team's work for {@code moreWork}: the events of that period are appended, jobs
   * and stats move on accordingly, and {@link #now()} advances. Changes made through the API
   * (stop, archive, status, removal, new jobs) are kept.
   */
  public void appendActivity(Duration moreWork) {
    if (moreWork.isNegative()) {
      throw new IllegalArgumentException("more work must be a positive duration, got " + moreWork);
    }
    write(() -> state.appendActivity(moreWork));
  }

  /**
   * Adds events (objects with the 18 wire keys; {@code date} and {@code action} required) to the
   * log, each after every event dated at or before it.
   */
  public void appendEvents(List<ObjectNode> events) {
    write(
        () -> {
          for (ObjectNode node : events) {
            state.insert(state.fromJson(node));
          }
        });
  }

  /** Returns how many requests each API method received, including failed ones. */
  public Map<String, Long> requestCounts() {
    Map<String, Long> out = new TreeMap<>();
    requestCounts.forEach((method, count) -> out.put(method, count.sum()));
    return out;
  }

  /** Returns how many requests {@code method} received, including failed ones. */
  public long requestCount(String method) {
    LongAdder count = requestCounts.get(method);
    return count == null ? 0 : count.sum();
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      http = null;
    }
  }

  // ---------------------------------------------------------------- request handling

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] request = readBody(exchange.getRequestBody());
      if (!path.startsWith(API_PREFIX)) {
        sendError(
            exchange,
            new ApiException(
                404, "Not found", "no API at " + path + "; use " + API_PREFIX + "{method}"));
        return;
      }
      String method = path.substring(API_PREFIX.length());
      requestCounts.computeIfAbsent(method, m -> new LongAdder()).increment();
      FaultConfig f = faults;
      if (injectFault(exchange, method, f)) {
        return;
      }
      respond(exchange, method, request, f);
    }
  }

  /** Applies latency, drops and error responses; returns true when the request is answered. */
  private boolean injectFault(HttpExchange exchange, String method, FaultConfig f)
      throws IOException {
    double dropDraw;
    double errorDraw;
    Duration latency;
    boolean applies = f.appliesTo(method);
    synchronized (this) {
      latency = f.drawLatency(latencyRandom);
      dropDraw = applies ? failureRandom.nextDouble() : 1;
      errorDraw = applies ? failureRandom.nextDouble() : 1;
    }
    sleep(latency);
    if (!applies) {
      return false;
    }
    if (dropDraw < f.dropShare()) {
      return true; // closing the exchange without headers drops the connection
    }
    if (errorDraw < f.errorShare()) {
      if (f.errorStatus() == 429) {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(f.retryAfterSeconds()));
      }
      sendError(
          exchange,
          new ApiException(f.errorStatus(), "FAIL", "injected fault: status " + f.errorStatus()));
      return true;
    }
    return false;
  }

  private void respond(HttpExchange exchange, String method, byte[] request, FaultConfig f)
      throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        throw new ApiException(
            405, "Method not allowed", "use POST with a JSON body for " + method);
      }
      if (!token.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
        throw new ApiException(
            401, "Unauthorized", "missing or wrong API token in the x-api-key header");
      }
      byte[] answer = api.call(method, parse(request));
      // New events arrive after this page was computed and before the client can ask for the
      // next one, so a test sees them as soon as it has the answer.
      if (method.equals("teams.activity") && f.appendPerActivityPage() > 0) {
        write(() -> state.appendNewEvents(f.appendPerActivityPage(), f.appendedEventAge()));
      }
      send(exchange, 200, answer);
    } catch (ApiException e) {
      sendError(exchange, e);
    } catch (RuntimeException e) {
      log.warn("Simulator failed on {}: {}", method, e.toString(), e);
      sendError(exchange, new ApiException(500, "Internal error", e.toString()));
    }
  }

  private static JsonNode parse(byte[] request) {
    if (request.length == 0) {
      return SimJson.MAPPER.createObjectNode();
    }
    JsonNode body;
    try {
      body = SimJson.MAPPER.readTree(request);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw ApiException.badRequest(
          "the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    return body;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void sendError(HttpExchange exchange, ApiException e) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.error);
    body.put("details", Map.of("message", e.getMessage()));
    send(exchange, e.status, SimJson.MAPPER.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T read(java.util.function.Supplier<T> body) {
    state.lock.readLock().lock();
    try {
      return body.get();
    } finally {
      state.lock.readLock().unlock();
    }
  }

  private void write(Runnable body) {
    state.lock.writeLock().lock();
    try {
      body.run();
    } finally {
      state.lock.writeLock().unlock();
    }
  }

  private void requireStarted() {
    if (http == null) {
      throw new IllegalStateException("the simulator is not running: call start() first");
    }
  }

  private static String randomToken() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < 128; i++) {
      sb.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "SimulatorServer[team " + teamId() + ", " + (http == null ? "stopped" : baseUrl()) + "]";
  }

  /** Configures a {@link SimulatorServer}. */
  public static final class Builder {
    private TeamSize size = TeamSize.SMALL;
    private long seed = 7;
    private Instant now = Instant.now();
    private int port;
    private String token;
    private FaultConfig faults = FaultConfig.none();
    private Clock clock = Clock.systemUTC();
    private int threads = 16;

    private Builder() {}

    /** Sets the team size (default small). */
    public Builder teamSize(TeamSize size) {
      this.size = Objects.requireNonNull(size, "size");
      return this;
    }

    /** Sets the seed of the team (default 7). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the end of the team's history (default: the current time). */
    public Builder now(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
      return this;
    }

    /** Sets the port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the API token (default: 128 random characters). */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("the token must not be empty");
      }
      this.token = token;
      return this;
    }

    public Builder faults(FaultConfig faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Sets the clock that dates jobs created through the API and events appended by faults. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the number of request threads (default 16). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Generates the team and returns the server, not yet started. */
    public SimulatorServer build() {
      return new SimulatorServer(this);
    }
  }
}
