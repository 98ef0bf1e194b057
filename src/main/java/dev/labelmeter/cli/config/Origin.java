package dev.labelmeter.cli.config;

/**
 * Where the effective value of a setting came from.
 *
 * @param kind the layer: default, file, dotenv file, environment or flag
 * @param detail where exactly, such as {@code conf/labelmeter.yaml line 7} or {@code
 *     LABELMETER_ZONE}
 */
public record Origin(Kind kind, String detail) {

  /** The layers of the configuration, lowest precedence first. */
  public enum Kind {
    DEFAULT,
    FILE,
    DOTENV,
    ENVIRONMENT,
    FLAG
  }

  public static Origin byDefault() {
    return new Origin(Kind.DEFAULT, "default");
  }

  /** Returns the origin in words, for example {@code environment LABELMETER_ZONE}. */
  public String describe() {
    return switch (kind) {
      case DEFAULT -> "default";
      case FILE -> detail;
      case DOTENV -> detail;
      case ENVIRONMENT -> "environment " + detail;
      case FLAG -> "flag " + detail;
    };
  }
}
