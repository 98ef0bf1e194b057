package dev.labelmeter.supervisely;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the server's last HTTP response to a call means: its JSON, or the {@link
 * SuperviselyException} its status or body says, with what to check. Texts from the server are
 * cut to a few hundred characters and have the API token taken out.
 */
final class ResponseChecks {
  private static final int MAX_SERVER_TEXT = 300;

  private final String apiBase;
  private final UnaryOperator<String> redact;

  /** Reads the responses of {@code apiBase}; {@code redact} takes the API token out of a text. */
  ResponseChecks(String apiBase, UnaryOperator<String> redact) {
    this.apiBase = apiBase;
    this.redact = redact;
  }

  /** Returns a 2xx response; throws the failure any other status means. */
  HttpResponse<byte[]> successOrThrow(String method, HttpResponse<byte[]> response, int attempts) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response;
    }
    if (status / 100 == 3) {
      throw redirect(method, response);
    }
    Optional<JsonNode> errorBody = tryParse(response.body());
    if (status == 404 && errorBody.isEmpty() && response.body().length > 0) {
      throw noSuchMethod(method, response);
    }
    String error = errorBody.map(ResponseChecks::errorText).orElse(null);
    String details = errorBody.map(ResponseChecks::detailsText).orElse(null);
    if (error == null && details == null && errorBody.isEmpty()) {
      details = bodyText(response.body()).orElse(null);
    }
    throw statusFailure(method, status, attempts, error, details);
  }

  /** Returns the JSON of a successful response; an empty body is JSON null. */
  JsonNode json(String method, HttpResponse<byte[]> response) {
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
      return answerFailure(
          Kind.MALFORMED_RESPONSE,
          method,
          response.statusCode(),
          "The server's answer to " + method + " is broken JSON: " + jsonProblem(e),
          "Run again; if it persists, a proxy may be cutting responses short",
          e);
    }
    return answerFailure(
        Kind.CONFIGURATION,
        method,
        response.statusCode(),
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

  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Returns the failure of a 404 whose body is not the API's JSON: the path is not the API. */
  private SuperviselyException noSuchMethod(String method, HttpResponse<byte[]> response) {
    return answerFailure(
        Kind.CONFIGURATION,
        method,
        response.statusCode(),
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

  private SuperviselyException statusFailure(
      String method, int status, int attempts, String error, String details) {
    if (status == 400 && isPlainHttpToHttpsPort(details)) {
      String server = ServerAddress.origin(apiBase);
      return answerFailure(
          Kind.CONFIGURATION,
          method,
          status,
          "The server at " + server + " speaks HTTPS, not plain HTTP (HTTP 400)",
          ConnectFailures.useOtherScheme(server),
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
    return answerFailure(
        Kind.CONFIGURATION,
        method,
        response.statusCode(),
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

  /** Returns a failure of an answer that is not the server's error body: no error or details. */
  private SuperviselyException answerFailure(
      Kind kind, String method, int status, String summary, String hint, Throwable cause) {
    return failure(kind, method, status, null, null, summary, hint, cause);
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
        kind,
        method,
        status,
        redact.apply(error),
        redact.apply(details),
        redact.apply(summary),
        hint,
        cause);
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

  private static String limit(String text) {
    return text.length() <= MAX_SERVER_TEXT ? text : text.substring(0, MAX_SERVER_TEXT) + "...";
  }
}
