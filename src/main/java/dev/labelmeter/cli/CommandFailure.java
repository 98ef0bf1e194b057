package dev.labelmeter.cli;

/**
 * A command could not do what was asked for a reason outside the command line (exit code 1). The
 * message says what went wrong and what to do.
 */
public class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandFailure(String message) {
    super(message);
  }

  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
