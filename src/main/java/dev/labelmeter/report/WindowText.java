package dev.labelmeter.report;

import dev.labelmeter.metrics.ResultParams;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Words a window of dates the same way in every report: its first and last dates, both included,
 * although the result holds the window half-open as {@code [from, to)}.
 */
public final class WindowText {

  private WindowText() {}

  /**
   * Returns the window {@code [from, toExclusive)} in words, its last date included.
   *
   * <pre>{@code
   * WindowText.of(2026-11-01, 2026-12-01)
   *     // from 2026-11-01 to 2026-11-30, both days included (30 days)
   * WindowText.of(2026-11-08, 2026-11-09) // 2026-11-08 (1 day)
   * }</pre>
   */
  public static String of(LocalDate from, LocalDate toExclusive) {
    long days = ChronoUnit.DAYS.between(from, toExclusive);
    if (days < 1) {
      throw new IllegalArgumentException(
          "window " + from + " to " + toExclusive + " (exclusive) holds no date");
    }
    if (days == 1) {
      return from + " (1 day)";
    }
    LocalDate last = toExclusive.minusDays(1);
    return "from " + from + " to " + last + ", both days included (" + days + " days)";
  }

  /** Returns a sentence naming the window of {@code params} and the previous window. */
  public static String sentence(ResultParams params) {
    return "This report's window is "
        + of(params.from(), params.to())
        + "; the previous window is "
        + of(params.previousFrom(), params.from())
        + ".";
  }
}
