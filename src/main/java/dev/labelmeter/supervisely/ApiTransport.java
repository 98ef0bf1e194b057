package dev.labelmeter.supervisely;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks HTTP: posts a JSON body to {@code {apiBase}/v3/{method}}, retries what
 * is retryable, maps failures to {@link SuperviselyException} and logs one line per attempt. Thread
 * safe: it shares one {@link HttpClient}; its only mutable state is whether the server has
 * answered yet.
 */
final class ApiTransport {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
  private static final int MAX_SERVER_TEXT = 300;

  /** The longest wait of the plain HTTP probe after an https connect timeout. */
  private static final Duration PROBE_WAIT = Duration.ofSeconds(3);

  private final HttpClient http;
  private final String apiBase;
  private final String token;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;

  /** Whether this server has sent any HTTP response yet: then its address is known to be right. */
  private volatile boolean answered;

  ApiTransport(
      HttpClient http,
      String apiBase,
      String token,
      Duration requestTimeout,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock) {
    this.http = http;
    this.apiBase = apiBase;
    this.token = token;
    this.requestTimeout = requestTimeout;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  String apiBase() {
    return apiBase;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /** Returns the JSON the server answered to {@code method}, after any retries. */
  JsonNode post(String method, JsonNode body) {
    return parseSuccess(method, send(method, body));
  }

  /**
   * Returns the successful response to {@code method}, after any retries, with its body unread:
   * for callers that read the bytes themselves and report what they cannot read with {@link
   * #unreadable}.
   */
  HttpResponse<byte[]> postForBytes(String method, JsonNode body) {
    return send(method, body);
  }

  /** Returns {@code call}'s answer, or empty when the server says 404 (object not found). */
  static <T> Optional<T> emptyIfNotFound(java.util.function.Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (SuperviselyException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private HttpResponse<byte[]> send(String method, JsonNode body) {
    HttpRequest request = request(method, body);
    for (int attempt = 1; ; attempt++) {
      long startNanos = System.nanoTime();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, BodyHandlers.ofByteArray());
      } catch (IOException e) {
        onIoFailure(method, e, attempt, elapsedMs(startNanos));
        continue;
      } catch (InterruptedException e) {
        throw interrupted(method, e);
      }
      answered = true;
      long elapsedMs = elapsedMs(startNanos);
      int status = response.statusCode();
      if (RetryPolicy.isRetryable(status) && attempt <= retry.maxRetries()) {
        Optional<Duration> asked =
            RetryPolicy.parseRetryAfter(
                response.headers().firstValue("Retry-After").orElse(null), clock);
        Duration wait = retry.delay(attempt - 1, ThreadLocalRandom.current().nextDouble(), asked);
        LOG.info(
            SuperviselyApi.ATTEMPT_LOG,
            "POST {} -> {} in {} ms (attempt {}), retrying in {} ms",
            method,
            status,
            elapsedMs,
            attempt,
            wait.toMillis());
        sleep(method, wait);
        continue;
      }
      logFinal(method, status, elapsedMs, attempt);
      return successOrThrow(method, response, attempt);
    }
  }

  /** Returns the JSON answer, or empty when the server says 404 (object not found). */
  Optional<JsonNode> postOrEmpty(String method, JsonNode body) {
    return emptyIfNotFound(() -> post(method, body));
  }

  private HttpRequest request(String method, JsonNode body) {
    byte[] payload;
    try {
      payload = ClientJson.MAPPER.writeValueAsBytes(body == null ? NullNode.instance : body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Request body of " + method + " is not serialisable", e);
    }
    return HttpRequest.newBuilder(URI.create(apiBase + "/v3/" + method))
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("x-api-key", token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
        .build();
  }

  /**
   * Waits before the next attempt of a call that got no HTTP response, or throws when it is not
   * to be retried (again): see {@link IoFailure#policy} for which failures are retried how.
   */
  private void onIoFailure(String method, IOException e, int attempt, long elapsedMs) {
    IoFailure failure = classify(e);
    RetryPolicy policy = failure.policy(answered, retry);
    if (attempt > policy.maxRetries()) {
      LOG.warn(
          SuperviselyApi.ATTEMPT_LOG,
          "POST {} failed in {} ms (attempt {}): {}, giving up",
          method,
          elapsedMs,
          attempt,
          describe(failure, e));
      throw ioExhausted(method, failure, e, attempt);
    }
    Duration wait =
        policy.delay(attempt - 1, ThreadLocalRandom.current().nextDouble(), Optional.empty());
    LOG.info(
        SuperviselyApi.ATTEMPT_LOG,
        "POST {} failed in {} ms (attempt {}): {}, retrying in {} ms",
        method,
        elapsedMs,
        attempt,
        describe(failure, e),
        wait.toMillis());
    sleep(method, wait);
  }

  /**
   * Returns what {@code e} says about the server. A connect timeout of an https address that has
   * never answered is checked once more: a plain HTTP server never answers the TLS handshake.
   */
  private IoFailure classify(IOException e) {
    boolean https = apiBase.startsWith("https://");
    IoFailure failure = IoFailure.of(e, https);
    if (failure == IoFailure.CONNECT_TIMEOUT && https && !answered) {
      Optional<Duration> wait = http.connectTimeout().filter(t -> t.compareTo(PROBE_WAIT) < 0);
      if (PlainHttpProbe.answersPlainHttp(apiBase, wait.orElse(PROBE_WAIT))) {
        return IoFailure.HTTPS_TO_PLAIN;
      }
    }
    return failure;
  }

  private SuperviselyException ioExhausted(
      String method, IoFailure failure, IOException e, int attempts) {
    String server = ServerAddress.origin(apiBase);
    String reason = describe(failure, e) + (attempts > 1 ? ", " + attempts + " attempts" : "");
    return switch (failure) {
      case HTTPS_TO_PLAIN, HTTP_TO_TLS, UNTRUSTED_CERTIFICATE -> wrongAddress(method, failure, e);
      case NOT_HTTP ->
          answered
              ? retriesExhausted(method, server, attempts, reason, e)
              : wrongAddress(method, failure, e);
      case OTHER ->
          answered
              ? retriesExhausted(method, server, attempts, reason, e)
              : neverAnswered(method, server, reason, e);
      case UNKNOWN_HOST, REFUSED, CONNECT_TIMEOUT ->
          unreachable(method, failure, server, reason, e);
    };
  }

  /** Returns the configuration error of an address that answers, but not as the API would. */
  private SuperviselyException wrongAddress(String method, IoFailure failure, IOException e) {
    String server = ServerAddress.origin(apiBase);
    String useOther = useOtherScheme(server);
    String reason = describe(failure, e);
    String summary =
        switch (failure) {
          case HTTPS_TO_PLAIN ->
              "The server at " + server + " does not speak HTTPS (" + reason + ")";
          case HTTP_TO_TLS ->
              "The server at " + server + " speaks HTTPS, not plain HTTP (" + reason + ")";
          case UNTRUSTED_CERTIFICATE ->
              "The TLS certificate of " + server + " is not trusted here (" + reason + ")";
          default -> "The server at " + server + " does not answer in HTTP (" + reason + ")";
        };
    String hint =
        switch (failure) {
          case HTTPS_TO_PLAIN, HTTP_TO_TLS -> useOther;
          case UNTRUSTED_CERTIFICATE ->
              "Check the host in "
                  + ServerAddress.SETTING
                  + "; for a private CA, add it to the Java truststore";
          default -> "Check the port in " + ServerAddress.SETTING + ": it must be the server's";
        };
    return connectFailure(Kind.CONFIGURATION, method, summary, hint, reason, e);
  }

  /** Returns "Did you mean {the other scheme}? Set the server address ... to it". */
  private static String useOtherScheme(String server) {
    return "Did you mean "
        + ServerAddress.otherScheme(server)
        + "? Set "
        + ServerAddress.SETTING
        + " to it";
  }

  /**
   * Returns the failure of a server that never sent an HTTP response: its connections break, as a
   * TLS server's do when it gets plain HTTP. Over {@code http://} that mix-up is the likely cause.
   */
  private SuperviselyException neverAnswered(
      String method, String server, String reason, IOException e) {
    String hint =
        server.startsWith("http://")
            ? "Did you mean "
                + ServerAddress.otherScheme(server)
                + "? The server may speak HTTPS; if not, check the network or proxy"
            : "Check the host and port of " + ServerAddress.SETTING + ", and the network or proxy";
    return connectFailure(
        Kind.UNREACHABLE,
        method,
        "No HTTP answer from " + server + " (" + reason + ")",
        hint,
        reason,
        e);
  }

  private SuperviselyException retriesExhausted(
      String method, String server, int attempts, String reason, IOException e) {
    return connectFailure(
        Kind.RETRIES_EXHAUSTED,
        method,
        "Calling " + method + " failed " + attempts + " times in a row at " + server,
        "The connection keeps breaking (" + describe(e) + "): check the network or proxy",
        reason,
        e);
  }

  private SuperviselyException unreachable(
      String method, IoFailure failure, String server, String reason, IOException e) {
    if (answered) {
      return connectFailure(
          Kind.UNREACHABLE,
          method,
          "Lost the connection to " + server + " while calling " + method + " (" + reason + ")",
          "The server answered earlier and stopped: check that it is up, then run again",
          reason,
          e);
    }
    String hint =
        switch (failure) {
          case UNKNOWN_HOST ->
              "Check the host name in " + ServerAddress.SETTING + ", and that DNS works here";
          case CONNECT_TIMEOUT -> connectTimeoutHint(server);
          default ->
              "Check the scheme, host and port of "
                  + ServerAddress.SETTING
                  + ", and that the server is up";
        };
    return connectFailure(
        Kind.UNREACHABLE,
        method,
        "Cannot connect to " + server + " (" + reason + ")",
        hint,
        reason,
        e);
  }

  private String connectTimeoutHint(String server) {
    String check =
        server.startsWith("https://")
            ? "check the host and port of "
                + ServerAddress.SETTING
                + " (or "
                + ServerAddress.otherScheme(server)
                + " if the server speaks plain HTTP), and that no firewall drops the connection"
            : "check the scheme, host and port of "
                + ServerAddress.SETTING
                + ", and that no firewall drops the connection";
    if (requestTimeoutIsShorter()) {
      return "Raise the request timeout (LABELMETER_REQUEST_TIMEOUT, or requestTimeout of the"
          + " client) if it is too short, or "
          + check;
    }
    return Character.toUpperCase(check.charAt(0)) + check.substring(1);
  }

  /** Returns whether the request timeout ends a connect before the connect timeout would. */
  private boolean requestTimeoutIsShorter() {
    return http.connectTimeout().map(connect -> requestTimeout.compareTo(connect) < 0).orElse(true);
  }

  private SuperviselyException connectFailure(
      Kind kind, String method, String summary, String hint, String reason, IOException cause) {
    return new SuperviselyException(
        kind, method, null, null, null, redact(summary), redact(hint), redact(reason), cause);
  }

  private void logFinal(String method, int status, long elapsedMs, int attempt) {
    if (status / 100 == 2 || status == 404) {
      LOG.debug("POST {} -> {} in {} ms (attempt {})", method, status, elapsedMs, attempt);
    } else {
      LOG.warn(
          SuperviselyApi.ATTEMPT_LOG,
          "POST {} -> {} in {} ms (attempt {})",
          method,
          status,
          elapsedMs,
          attempt);
    }
  }

  /** Returns a 2xx response; throws the failure any other status means. */
  private HttpResponse<byte[]> successOrThrow(
      String method, HttpResponse<byte[]> response, int attempts) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response;
    }
    if (status / 100 == 3) {
      throw redirect(method, response);
    }
    Optional<JsonNode> errorBody = tryParse(response.body());
    if (status == 404 && errorBody.isEmpty() && response.body().length > 0) {
      throw failure(
          Kind.CONFIGURATION,
          method,
          status,
          null,
          null,
          "The server at "
              + apiBase
              + " has no API method "
              + method
              + " (HTTP 404 with a "
              + contentType(response)
              + " body)",
          "Check "
              + ServerAddress.SETTING
              + ": it must be the address of the Supervisely instance, e.g."
              + " https://app.supervisely.com, without any /public/api path",
          null);
    }
    String error = errorBody.map(ApiTransport::errorText).orElse(null);
    String details = errorBody.map(ApiTransport::detailsText).orElse(null);
    if (error == null && details == null && errorBody.isEmpty()) {
      details = bodyText(response.body()).orElse(null);
    }
    throw statusFailure(method, status, attempts, error, details);
  }

  private SuperviselyException statusFailure(
      String method, int status, int attempts, String error, String details) {
    if (status == 400 && isPlainHttpToHttpsPort(details)) {
      String server = ServerAddress.origin(apiBase);
      return failure(
          Kind.CONFIGURATION,
          method,
          status,
          null,
          null,
          "The server at " + server + " speaks HTTPS, not plain HTTP (HTTP 400)",
          useOtherScheme(server),
          null);
    }
    String summary = "Calling " + method + " failed with HTTP " + status;
    if (RetryPolicy.isRetryable(status)) {
      return failure(
          Kind.RETRIES_EXHAUSTED,
          method,
          status,
          error,
          details,
          summary
              + (attempts == 1 ? " (retries are turned off)" : " after " + attempts + " attempts"),
          "The server is overloaded or unavailable: try again later, or raise the retries",
          null);
    }
    if (status == 401 || status == 403) {
      return failure(
          Kind.ACCESS_DENIED,
          method,
          status,
          error,
          details,
          summary,
          "Check API_TOKEN: it must be the API token of a user who is a member of the team you"
              + " asked for (Supervisely: your profile, then API token)",
          null);
    }
    if (status == 404) {
      return failure(
          Kind.NOT_FOUND,
          method,
          status,
          error,
          details,
          summary,
          "The object does not exist or this token's user cannot see it: check the id and team",
          null);
    }
    if (status / 100 == 4) {
      return failure(
          Kind.REJECTED,
          method,
          status,
          error,
          details,
          summary,
          "The server rejected the request: check the ids and arguments passed",
          null);
    }
    return failure(
        Kind.SERVER_ERROR,
        method,
        status,
        error,
        details,
        summary,
        "The server failed on this request: try again later or report it to the admin",
        null);
  }

  /** Returns whether a 400 body is nginx's or Go's "plain HTTP sent to an HTTPS port" page. */
  private boolean isPlainHttpToHttpsPort(String details) {
    return apiBase.startsWith("http://")
        && details != null
        && (details.contains("plain HTTP request was sent to HTTPS port")
            || details.contains("Client sent an HTTP request to an HTTPS server"));
  }

  private SuperviselyException redirect(String method, HttpResponse<byte[]> response) {
    String location = response.headers().firstValue("Location").orElse("(no Location header)");
    return failure(
        Kind.CONFIGURATION,
        method,
        response.statusCode(),
        null,
        null,
        "The server at "
            + apiBase
            + " answered "
            + method
            + " with a redirect (HTTP "
            + response.statusCode()
            + ") to "
            + location,
        "Redirects are not followed: set "
            + ServerAddress.SETTING
            + " to the address the server redirects to (often https:// instead of http://, or"
            + " another host)",
        null);
  }

  private JsonNode parseSuccess(String method, HttpResponse<byte[]> response) {
    byte[] body = response.body();
    if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return NullNode.instance;
    }
    try {
      return ClientJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw unreadable(method, response, e);
    }
  }

  /**
   * Returns the failure to report when the body of a successful {@code response} cannot be read
   * as JSON: broken JSON (a response cut short), or no JSON at all (the address is not the API).
   */
  SuperviselyException unreadable(String method, HttpResponse<byte[]> response, IOException e) {
    byte[] body = response.body();
    if (looksLikeJson(body)) {
      return failure(
          Kind.MALFORMED_RESPONSE,
          method,
          response.statusCode(),
          null,
          null,
          "The server's answer to " + method + " is broken JSON: " + jsonProblem(e),
          "Run again; if it persists, a proxy may be cutting responses short",
          e);
    }
    return failure(
        Kind.CONFIGURATION,
        method,
        response.statusCode(),
        null,
        null,
        "The server at "
            + apiBase
            + " answered "
            + method
            + " with a "
            + contentType(response)
            + " body that is not JSON, starting "
            + snippet(body),
        "Check "
            + ServerAddress.SETTING
            + ": it must point to the Supervisely instance itself (not a login page or proxy),"
            + " e.g. https://app.supervisely.com",
        e);
  }

  private static boolean looksLikeJson(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{") || text.startsWith("[");
  }

  private static Optional<JsonNode> tryParse(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = ClientJson.MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String errorText(JsonNode body) {
    JsonNode error = body.get("error");
    if (error == null || error.isNull() || (error.isTextual() && error.asText().isBlank())) {
      return null;
    }
    return limit(error.isTextual() ? error.asText() : error.toString());
  }

  static String detailsText(JsonNode body) {
    JsonNode details = body.get("details");
    if (details == null || details.isNull()) {
      return null;
    }
    if (details.isTextual()) {
      return details.asText().isBlank() ? null : limit(details.asText());
    }
    if (details.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode item : details) {
        String text = item.hasNonNull("message") ? item.get("message").asText() : item.toString();
        joined.append(joined.length() == 0 ? "" : "; ").append(text);
      }
      return joined.length() == 0 ? null : limit(joined.toString());
    }
    JsonNode message = details.get("message");
    return limit(message != null && !message.isNull() ? message.asText() : details.toString());
  }

  private SuperviselyException failure(
      Kind kind,
      String method,
      Integer status,
      String error,
      String details,
      String summary,
      String hint,
      Throwable cause) {
    return new SuperviselyException(
        kind, method, status, redact(error), redact(details), redact(summary), hint, cause);
  }

  private SuperviselyException interrupted(String method, InterruptedException e) {
    Thread.currentThread().interrupt();
    return failure(
        Kind.INTERRUPTED,
        method,
        null,
        null,
        null,
        "Interrupted while calling " + method,
        "The run was cancelled",
        e);
  }

  private void sleep(String method, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw interrupted(method, e);
    }
  }

  /** Returns {@code text} with every occurrence of the token replaced; null stays null. */
  String redact(String text) {
    if (text == null || token.isEmpty()) {
      return text;
    }
    return text.replace(token, "<API_TOKEN>");
  }

  /** Returns what went wrong in a few words, e.g. "connection refused" or "unknown host". */
  private String describe(IoFailure failure, IOException e) {
    return switch (failure) {
      case UNKNOWN_HOST -> "unknown host " + URI.create(apiBase).getHost();
      case REFUSED -> firstMessage(e).map(ApiTransport::lowerFirst).orElse("connection refused");
      case HTTPS_TO_PLAIN ->
          e instanceof HttpConnectTimeoutException
              ? "it answers plain HTTP but not the TLS handshake"
              : "it answered without TLS";
      case HTTP_TO_TLS -> "it answered in TLS";
      case CONNECT_TIMEOUT ->
          requestTimeoutIsShorter()
              ? "no connection within the request timeout of " + seconds(requestTimeout)
              : "no connection within " + seconds(http.connectTimeout().orElseThrow());
      default ->
          e instanceof HttpTimeoutException
              ? "no response within the request timeout of " + seconds(requestTimeout)
              : describe(e);
    };
  }

  /**
   * Returns what is wrong with a JSON text in words and where, such as {@code Unexpected
   * end-of-input: expected close marker for Object, at line 1, column 560244}, without the
   * parser's description of its source.
   */
  private static String jsonProblem(IOException e) {
    if (!(e instanceof JsonProcessingException json)) {
      return firstLine(String.valueOf(e.getMessage()));
    }
    String problem =
        firstLine(String.valueOf(json.getOriginalMessage()))
            .replaceAll("\\s*\\((start marker )?at \\[Source:.*$", "");
    JsonLocation where = json.getLocation();
    return where == null || where.getLineNr() < 0
        ? problem
        : problem + ", at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  /** Returns the exception's class and the first message in its chain, on one line. */
  private String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return redact(firstMessage(e).map(message -> name + ": " + message).orElse(name));
  }

  /** Returns the first line of the first message in the chain, control characters replaced. */
  private static Optional<String> firstMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return Optional.of(firstLine(t.getMessage()).replaceAll("\\p{Cntrl}", "?"));
      }
    }
    return Optional.empty();
  }

  private static String seconds(Duration duration) {
    long ms = duration.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("untyped");
  }

  private static String snippet(byte[] body) {
    return "\"" + bodyText(body).orElse("") + "\"";
  }

  /** Returns the start of a body on one line, or empty when it holds nothing but white space. */
  private static Optional<String> bodyText(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    String line = text.replaceAll("\\s+", " ").strip();
    return line.isEmpty() ? Optional.empty() : Optional.of(line + (body.length > 120 ? "..." : ""));
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String limit(String text) {
    return text.length() <= MAX_SERVER_TEXT ? text : text.substring(0, MAX_SERVER_TEXT) + "...";
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
