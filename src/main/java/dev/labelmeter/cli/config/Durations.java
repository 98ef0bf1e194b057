package dev.labelmeter.cli.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations of the configuration and the command line: a number of seconds ({@code
 * 300}), a number with units ({@code 5m}, {@code 1h30m}, {@code 90s}, {@code 250ms}, {@code 2d}),
 * or an ISO-8601 duration ({@code PT5M}).
 */
public final class Durations {
  private static final Pattern SECONDS = Pattern.compile("-?\\d+");
  private static final Pattern PART = Pattern.compile("(-?\\d+)(ms|d|h|m|s)");
  private static final Pattern UNITS = Pattern.compile("-?(\\d+(ms|d|h|m|s))+");

  /** The accepted forms, in words, for error messages and help. */
  public static final String SYNTAX =
      "seconds (300), a number with units d, h, m, s, ms (5m, 1h30m, 90s) or ISO-8601 (PT5M)";

  private Durations() {}

  /**
   * Returns the duration {@code text} denotes.
   *
   * @throws IllegalArgumentException if {@code text} is none of the accepted forms
   */
  public static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (SECONDS.matcher(value).matches()) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    if (UNITS.matcher(value).matches()) {
      return parseUnits(value);
    }
    if (value.startsWith("pt") || value.startsWith("p") || value.startsWith("-p")) {
      try {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration; use " + SYNTAX);
  }

  /** Returns {@code duration} in the short form this class parses, for example {@code 5m}. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (duration.getNano() != 0) {
      return duration.toMillis() + "ms";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static Duration parseUnits(String value) {
    boolean negative = value.startsWith("-");
    Matcher part = PART.matcher(negative ? value.substring(1) : value);
    Duration total = Duration.ZERO;
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(unit(part.group(2)).multipliedBy(amount));
    }
    return negative ? total.negated() : total;
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "d" -> Duration.ofDays(1);
      case "h" -> Duration.ofHours(1);
      case "m" -> Duration.ofMinutes(1);
      case "s" -> Duration.ofSeconds(1);
      default -> Duration.ofMillis(1);
    };
  }
}
