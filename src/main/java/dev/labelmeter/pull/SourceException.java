package dev.labelmeter.pull;

import java.util.Optional;

/** A server call that failed for good, after the client's retries. */
public class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, as far as the pull needs to tell them apart. */
  public enum Kind {
    /** The object asked for does not exist (404). */
    NOT_FOUND,
    /** The server refused the API token (401, 403). */
    REFUSED,
    /** The server could not be reached or did not answer. */
    UNREACHABLE,
    /** Anything else: a server error that outlasted the retries, a malformed answer. */
    FAILED
  }

  private final Kind kind;
  private final Integer status;

  public SourceException(Kind kind, Integer status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** Returns the HTTP status of the last answer, if there was one. */
  public Optional<Integer> status() {
    return Optional.ofNullable(status);
  }
}
