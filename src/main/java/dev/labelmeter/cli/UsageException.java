package dev.labelmeter.cli;

/**
 * The command line asks for something that cannot be, found out only while running: an unknown job
 * id, a directory that is not there, dates after the store's snapshot. Reported as a usage error
 * (exit code 2); the message names the argument and says how to fix it.
 */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
