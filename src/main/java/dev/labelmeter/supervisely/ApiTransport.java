package dev.labelmeter.supervisely;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.UnresolvedAddressException;
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
 * safe: it shares one {@link HttpClient} and keeps no mutable state.
 */
final class ApiTransport {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
  private static final int MAX_SERVER_TEXT = 300;

  private final HttpClient http;
  private final String apiBase;
  private final String token;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;

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
      long elapsedMs = elapsedMs(startNanos);
      int status = response.statusCode();
      if (RetryPolicy.isRetryable(status) && attempt <= retry.maxRetries()) {
        Optional<Duration> asked =
            RetryPolicy.parseRetryAfter(
                response.headers().firstValue("Retry-After").orElse(null), clock);
        Duration wait = retry.delay(attempt - 1, ThreadLocalRandom.current().nextDouble(), asked);
        LOG.warn(
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

  private void onIoFailure(String method, IOException e, int attempt, long elapsedMs) {
    if (isUnresolvedHost(e)) {
      LOG.warn("POST {} failed in {} ms: unknown host", method, elapsedMs);
      throw failure(
          Kind.UNREACHABLE,
          method,
          null,
          null,
          null,
          "Cannot resolve the host of " + apiBase + " (calling " + method + ")",
          "Check SERVER_ADDRESS: the host name is wrong or DNS is unavailable",
          e);
    }
    if (attempt > retry.maxRetries()) {
      LOG.warn(
          "POST {} failed in {} ms (attempt {}): {}, giving up",
          method,
          elapsedMs,
          attempt,
          describe(e));
      throw ioExhausted(method, e, attempt);
    }
    Duration wait =
        retry.delay(attempt - 1, ThreadLocalRandom.current().nextDouble(), Optional.empty());
    LOG.warn(
        "POST {} failed in {} ms (attempt {}): {}, retrying in {} ms",
        method,
        elapsedMs,
        attempt,
        describe(e),
        wait.toMillis());
    sleep(method, wait);
  }

  private SuperviselyException ioExhausted(String method, IOException e, int attempts) {
    if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
      return failure(
          Kind.UNREACHABLE,
          method,
          null,
          null,
          null,
          "Cannot connect to "
              + apiBase
              + " (calling "
              + method
              + ", "
              + attempts
              + " attempts: "
              + describe(e)
              + ")",
          "Check SERVER_ADDRESS (scheme, host and port) and that the server is up and reachable"
              + " from this machine",
          e);
    }
    return failure(
        Kind.RETRIES_EXHAUSTED,
        method,
        null,
        null,
        null,
        "Calling "
            + method
            + " failed "
            + attempts
            + " times in a row at "
            + apiBase
            + ": "
            + describe(e),
        "The connection keeps breaking: check the network or proxy, then run again",
        e);
  }

  private void logFinal(String method, int status, long elapsedMs, int attempt) {
    if (status / 100 == 2 || status == 404) {
      LOG.debug("POST {} -> {} in {} ms (attempt {})", method, status, elapsedMs, attempt);
    } else {
      LOG.warn("POST {} -> {} in {} ms (attempt {})", method, status, elapsedMs, attempt);
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
          "Check SERVER_ADDRESS: it must be the address of the Supervisely instance, e.g."
              + " https://app.supervisely.com, without any /public/api path",
          null);
    }
    String error = errorBody.map(ApiTransport::errorText).orElse(null);
    String details = errorBody.map(ApiTransport::detailsText).orElse(null);
    if (error == null && details == null && errorBody.isEmpty()) {
      details = snippet(response.body());
    }
    throw statusFailure(method, status, attempts, error, details);
  }

  private SuperviselyException statusFailure(
      String method, int status, int attempts, String error, String details) {
    String summary = "Calling " + method + " failed with HTTP " + status;
    if (RetryPolicy.isRetryable(status)) {
      return failure(
          Kind.RETRIES_EXHAUSTED,
          method,
          status,
          error,
          details,
          summary + " after " + attempts + " attempts",
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
        "Redirects are not followed: set SERVER_ADDRESS to the address the server redirects to"
            + " (often https:// instead of http://, or another host)",
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
          "The server's answer to " + method + " is broken JSON: " + firstLine(e.getMessage()),
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
        "Check SERVER_ADDRESS: it must point to the Supervisely instance itself (not a login"
            + " page or proxy), e.g. https://app.supervisely.com",
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
    if (error == null || error.isNull()) {
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
      return limit(details.asText());
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

  private static boolean isUnresolvedHost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private String describe(IOException e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return redact(message == null || message.isBlank() ? name : name + ": " + firstLine(message));
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("untyped");
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    return "\"" + text.replaceAll("\\s+", " ").strip() + (body.length > 120 ? "..." : "") + "\"";
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
