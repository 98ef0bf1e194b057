package dev.labelmeter.supervisely;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks HTTP: posts a JSON body to {@code {apiBase}/v3/{method}}, retries what
 * is retryable, fails with the {@link SuperviselyException} that says what to check ({@link
 * ConnectFailures} when no HTTP response came, {@link ResponseChecks} otherwise) and logs one line
 * per attempt. Thread safe: it shares one {@link HttpClient}; its only mutable state is whether the
 * server has answered yet.
 */
final class ApiTransport {
  private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);

  /** The longest wait of the plain HTTP probe after an https connect timeout. */
  private static final Duration PROBE_WAIT = Duration.ofSeconds(3);

  private final HttpClient http;
  private final String apiBase;
  private final String token;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final ConnectFailures connectFailures;
  private final ResponseChecks responses;
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
    this.connectFailures =
        new ConnectFailures(apiBase, requestTimeout, http.connectTimeout(), this::redact);
    this.responses = new ResponseChecks(apiBase, this::redact);
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
    return responses.json(method, send(method, body));
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
      return responses.successOrThrow(method, response, attempt);
    }
  }

  /**
   * Returns the failure to report when the body of a successful {@code response} cannot be read:
   * see {@link ResponseChecks#unreadable}.
   */
  SuperviselyException unreadable(String method, HttpResponse<byte[]> response, IOException e) {
    return responses.unreadable(method, response, e);
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
          connectFailures.describe(failure, e));
      throw connectFailures.exhausted(method, failure, e, attempt, answered);
    }
    Duration wait =
        policy.delay(attempt - 1, ThreadLocalRandom.current().nextDouble(), Optional.empty());
    LOG.info(
        SuperviselyApi.ATTEMPT_LOG,
        "POST {} failed in {} ms (attempt {}): {}, retrying in {} ms",
        method,
        elapsedMs,
        attempt,
        connectFailures.describe(failure, e),
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

  private static SuperviselyException interrupted(String method, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new SuperviselyException(
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

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
