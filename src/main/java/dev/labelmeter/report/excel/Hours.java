package dev.labelmeter.report.excel;

/** Converts seconds to hours, keeping a missing value missing. */
final class Hours {

  private static final double SECONDS_PER_HOUR = 3600.0;

  private Hours() {}

  /** Returns {@code seconds} in hours, or null when {@code seconds} is null. */
  static Double ofSeconds(Double seconds) {
    return seconds == null ? null : seconds / SECONDS_PER_HOUR;
  }

  /** Returns {@code seconds} in hours. */
  static double ofSeconds(double seconds) {
    return seconds / SECONDS_PER_HOUR;
  }
}
