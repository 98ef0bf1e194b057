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
  private final boolean afterServerLost;

  public SourceException(Kind kind, Integer status, String message, Throwable cause) {
    this(kind, status, message, cause, false);
  }

  private SourceException(
      Kind kind, Integer status, String message, Throwable cause, boolean afterServerLost) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.afterServerLost = afterServerLost;
  }

  /**
   * Returns the failure of a call that was not made, or not carried on to its next page, because
   * {@code lost}, an earlier call, found the server no longer answering.
   */
  static SourceException notCalled(SourceException lost) {
    return new SourceException(
        lost.kind, null, "not asked: the server had stopped answering", lost, true);
  }

  /**
   * Returns the failure of a paged call stopped before its next page because {@code lost}, an
   * earlier call, found the server no longer answering; the pages before it are kept.
   */
  static SourceException stoppedBetweenPages(SourceException lost) {
    return new SourceException(
        lost.kind,
        null,
        "stopped before its next page: the server had stopped answering",
        lost,
        true);
  }

  /**
   * Returns the failure of a call that was under way, most likely waiting out its retries, when
   * {@code lost}, another call, found the server no longer answering, and that was interrupted for
   * it; {@code failure} is how the interrupted call ended.
   */
  static SourceException cutShort(SourceException lost, SourceException failure) {
    return new SourceException(
        lost.kind, null, "cut short: the server had stopped answering", failure, true);
  }

  /**
   * Returns {@code e}, a call that was under way when another found the server no longer
   * answering and that then failed the same way, marked as part of that one failure.
   */
  static SourceException alsoLost(SourceException e) {
    return new SourceException(e.kind, e.status().orElse(null), e.getMessage(), e.getCause(), true);
  }

  /**
   * Returns whether this failure is one of those that followed the loss of the server, which the
   * pull reports once rather than call by call; see {@link CircuitBreaker}.
   */
  public boolean afterServerLost() {
    return afterServerLost;
  }

  public Kind kind() {
    return kind;
  }

  /** Returns the HTTP status of the last answer, if there was one. */
  public Optional<Integer> status() {
    return Optional.ofNullable(status);
  }
}
