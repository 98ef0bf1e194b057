package dev.labelmeter.supervisely;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a Supervisely call fails for good: after retries, on a non-retryable status, on a
 * response that is not what the API sends, or on a configuration mistake. The message says what
 * went wrong and {@link #hint()} what to do. It never contains the API token.
 */
public class SuperviselyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is, so that callers can react (e.g. map to exit codes). */
  public enum Kind {
    /**
     * Server address, token or environment set up wrongly (also: redirects, non-JSON bodies, http
     * and https mixed up, a certificate this machine does not trust).
     */
    CONFIGURATION,
    /** The server could not be reached at all (connection refused, unknown host, timeouts). */
    UNREACHABLE,
    /** HTTP 401 or 403: the token is wrong or has no access to the object. */
    ACCESS_DENIED,
    /** HTTP 404 with a JSON body: the object does not exist or is not visible. */
    NOT_FOUND,
    /** Any other 4xx: the server rejected the request as made. */
    REJECTED,
    /** A 5xx outside the retryable set. */
    SERVER_ERROR,
    /** A retryable status or I/O error persisted through every retry. */
    RETRIES_EXHAUSTED,
    /** The body was JSON-like but broken, or lacked a field the client needs. */
    MALFORMED_RESPONSE,
    /** {@link LabelingJobApi#waitFor} ran out of attempts. */
    WAIT_TIMEOUT,
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED
  }

  private final Kind kind;
  private final String method;
  private final Integer status;
  private final String serverError;
  private final String serverMessage;
  private final String hint;
  private final String reason;

  SuperviselyException(
      Kind kind,
      String method,
      Integer status,
      String serverError,
      String serverMessage,
      String summary,
      String hint,
      Throwable cause) {
    this(kind, method, status, serverError, serverMessage, summary, hint, null, cause);
  }

  /** A failure with a short {@code reason} that callers may quote, e.g. "connection refused". */
  SuperviselyException(
      Kind kind,
      String method,
      Integer status,
      String serverError,
      String serverMessage,
      String summary,
      String hint,
      String reason,
      Throwable cause) {
    super(compose(summary, serverError, serverMessage, hint), cause);
    this.kind = kind;
    this.method = method;
    this.status = status;
    this.serverError = serverError;
    this.serverMessage = serverMessage;
    this.hint = hint;
    this.reason = reason;
  }

  static SuperviselyException configuration(String summary, String hint) {
    return new SuperviselyException(
        Kind.CONFIGURATION, null, null, null, null, summary, hint, null);
  }

  private static String compose(String summary, String error, String message, String hint) {
    StringBuilder text = new StringBuilder(summary);
    if (error != null) {
      text.append(": server says \"").append(error).append('"');
    }
    if (message != null && !message.equals(error)) {
      text.append(error == null ? ": server says \"" : " (\"").append(message);
      text.append(error == null ? "\"" : "\")");
    }
    if (hint != null && !hint.isEmpty()) {
      text.append(". ").append(hint);
    }
    return text.toString();
  }

  /** Returns the kind of failure. */
  public Kind kind() {
    return kind;
  }

  /** Returns the API method called, e.g. {@code jobs.info}; empty for configuration errors. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /** Returns the last HTTP status received; empty when no response came (I/O errors). */
  public OptionalInt status() {
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Returns the server's {@code error} field, when the error body had one. */
  public Optional<String> serverError() {
    return Optional.ofNullable(serverError);
  }

  /** Returns the server's {@code details.message} (messages of a list joined by "; "). */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /**
   * Returns, for a call that got no usable answer (e.g. {@link Kind#UNREACHABLE}), the short cause
   * such as {@code connection refused, 3 attempts} or {@code unknown host}, for callers that put
   * it in a message of their own; empty when the message is all there is.
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Returns what the user should do about it, in one sentence. */
  public String hint() {
    return hint;
  }
}
