package dev.labelmeter.pull;

/**
 * A pull that could not start, with a one-line message saying what to fix. Nothing was written to
 * the store.
 */
public class PullException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the pull could not start. */
  public enum Reason {
    /** The server has no such team, or the token cannot see it. */
    UNKNOWN_TEAM,
    /** The server refused the API token. */
    TOKEN_REFUSED,
    /** The server could not be reached. */
    SERVER_UNREACHABLE,
    /** The data directory cannot be created or written. */
    DATA_DIR_UNUSABLE,
    /** Another pull is writing the same store. */
    STORE_BUSY,
    /** An option does not fit the store or the clock, such as a start in the future. */
    BAD_OPTION,
    /** The server failed on the first call for another reason. */
    SERVER_FAILED
  }

  private final Reason reason;

  public PullException(Reason reason, String message) {
    this(reason, message, null);
  }

  public PullException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
