package dev.labelmeter.supervisely;

import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The failures of a call that got no HTTP response: what went wrong in a few words for the log,
 * and the {@link SuperviselyException} that says what to check once the retries are over. Whether
 * the server has answered before tells a wrong address from a server that went away.
 */
final class ConnectFailures {
  private final String apiBase;
  private final Duration requestTimeout;
  private final Optional<Duration> connectTimeout;
  private final UnaryOperator<String> redact;

  /**
   * Words the failures of calls to {@code apiBase} with these timeouts; {@code redact} takes the
   * API token out of any text.
   */
  ConnectFailures(
      String apiBase,
      Duration requestTimeout,
      Optional<Duration> connectTimeout,
      UnaryOperator<String> redact) {
    this.apiBase = apiBase;
    this.requestTimeout = requestTimeout;
    this.connectTimeout = connectTimeout;
    this.redact = redact;
  }

  /**
   * Returns the failure of {@code method} after {@code attempts} that all ended as {@code e}, of
   * a server that has {@code answered} an earlier call or not.
   */
  SuperviselyException exhausted(
      String method, IoFailure failure, IOException e, int attempts, boolean answered) {
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
          unreachable(method, failure, server, reason, e, answered);
    };
  }

  /** Returns what went wrong in a few words, e.g. "connection refused" or "unknown host". */
  String describe(IoFailure failure, IOException e) {
    return switch (failure) {
      case UNKNOWN_HOST -> "unknown host " + URI.create(apiBase).getHost();
      case REFUSED -> firstMessage(e).map(ConnectFailures::lowerFirst).orElse("connection refused");
      case HTTPS_TO_PLAIN ->
          e instanceof HttpConnectTimeoutException
              ? "it answers plain HTTP but not the TLS handshake"
              : "it answered without TLS";
      case HTTP_TO_TLS -> "it answered in TLS";
      case CONNECT_TIMEOUT ->
          requestTimeoutIsShorter()
              ? "no connection within the request timeout of " + seconds(requestTimeout)
              : "no connection within " + seconds(connectTimeout.orElseThrow());
      default ->
          e instanceof HttpTimeoutException
              ? "no response within the request timeout of " + seconds(requestTimeout)
              : describe(e);
    };
  }

  /** Returns "Did you mean {the other scheme}? Set the server address ... to it". */
  static String useOtherScheme(String server) {
    return "Did you mean "
        + ServerAddress.otherScheme(server)
        + "? Set "
        + ServerAddress.SETTING
        + " to it";
  }

  /** Returns the configuration error of an address that answers, but not as the API would. */
  private SuperviselyException wrongAddress(String method, IoFailure failure, IOException e) {
    String server = ServerAddress.origin(apiBase);
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
          case HTTPS_TO_PLAIN, HTTP_TO_TLS -> useOtherScheme(server);
          case UNTRUSTED_CERTIFICATE ->
              "Check the host in "
                  + ServerAddress.SETTING
                  + "; for a private CA, add it to the Java truststore";
          default -> "Check the port in " + ServerAddress.SETTING + ": it must be the server's";
        };
    return connectFailure(Kind.CONFIGURATION, method, summary, hint, reason, e);
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
      String method,
      IoFailure failure,
      String server,
      String reason,
      IOException e,
      boolean answered) {
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
    return connectTimeout.map(connect -> requestTimeout.compareTo(connect) < 0).orElse(true);
  }

  private SuperviselyException connectFailure(
      Kind kind, String method, String summary, String hint, String reason, IOException cause) {
    return new SuperviselyException(
        kind,
        method,
        null,
        null,
        null,
        redact.apply(summary),
        redact.apply(hint),
        redact.apply(reason),
        cause);
  }

  /** Returns the exception's class and the first message in its chain, on one line. */
  private String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return redact.apply(firstMessage(e).map(message -> name + ": " + message).orElse(name));
  }

  /** Returns the first line of the first message in the chain, control characters replaced. */
  private static Optional<String> firstMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        String message = ResponseChecks.firstLine(t.getMessage());
        return Optional.of(message.replaceAll("\\p{Cntrl}", "?"));
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
}
