package dev.labelmeter.cli.config;

/**
 * The configuration is wrong: a caller's mistake, reported as a usage error (exit code 2). The
 * message names the setting, where it was read and how to fix it.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean inCommandLine;

  public ConfigException(String message) {
    this(message, null, false);
  }

  public ConfigException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private ConfigException(String message, Throwable cause, boolean inCommandLine) {
    super(message, cause);
    this.inCommandLine = inCommandLine;
  }

  /** Returns the failure of a value given on the command line, such as an option's. */
  public static ConfigException inCommandLine(String message) {
    return new ConfigException(message, null, true);
  }

  /** Returns whether the wrong value was given on the command line, where the help lists them. */
  public boolean inCommandLine() {
    return inCommandLine;
  }
}
