package dev.labelmeter.cli.config;

/**
 * The configuration is wrong: a caller's mistake, reported as a usage error (exit code 2). The
 * message names the setting, where it was read and how to fix it.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
