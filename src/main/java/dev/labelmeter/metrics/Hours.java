package dev.labelmeter.metrics;

/**
 * Converts durations to hours in one division, so that both engines agree: durations are summed
 * exactly (active time as a long of microseconds) and turned into hours only at the end.
 */
public final class Hours {
  /** Microseconds in one hour. */
  public static final long MICROS_PER_HOUR = 3_600_000_000L;

  /** Microseconds in one second. */
  public static final long MICROS_PER_SECOND = 1_000_000L;

  /** Microseconds in one day of 24 hours (durations, never calendar days). */
  public static final long MICROS_PER_DAY = 86_400_000_000L;

  private Hours() {}

  /** Returns {@code micros} microseconds in hours: {@code micros / 3.6e9}. */
  public static double fromMicros(long micros) {
    return micros / (double) MICROS_PER_HOUR;
  }

  /** Returns {@code seconds} in hours: {@code seconds / 3600}. */
  public static double fromSeconds(double seconds) {
    return seconds / 3600.0;
  }

  /** Returns {@code micros} microseconds in seconds: {@code micros / 1e6}. */
  public static double secondsFromMicros(long micros) {
    return micros / (double) MICROS_PER_SECOND;
  }
}
