package dev.labelmeter.metrics.tablesaw;

import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.store.EventDates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The local dates of the previous window followed by the window, with the instant each date starts
 * in the report zone, to turn an event instant into a day index without a time-zone lookup per
 * event. Day {@code d < days()} is in the previous window, the rest in the window.
 */
final class WindowCalendar {
  private final DateWindow window;
  private final List<LocalDate> dates;
  private final long[] startMicros;

  WindowCalendar(DateWindow window, ZoneId zone) {
    this.window = window;
    DateWindow both = new DateWindow(window.previous().from(), window.to());
    this.dates = both.dates();
    this.startMicros = new long[dates.size() + 1];
    for (int i = 0; i < dates.size(); i++) {
      startMicros[i] = micros(dates.get(i), zone);
    }
    startMicros[dates.size()] = micros(window.to(), zone);
  }

  private static long micros(LocalDate date, ZoneId zone) {
    return EventDates.toEpochMicros(date.atStartOfDay(zone).toInstant());
  }

  /** Returns the number of dates in the window (and in the previous window). */
  int days() {
    return (int) window.days();
  }

  /** Returns the index of the local date of {@code micros}, or -1 outside both windows. */
  int dayIndex(long micros) {
    if (micros < startMicros[0] || micros >= startMicros[startMicros.length - 1]) {
      return -1;
    }
    int found = Arrays.binarySearch(startMicros, micros);
    return found >= 0 ? found : -found - 2;
  }

  /** Returns 0 for a day of the window, 1 for a day of the previous window, -1 otherwise. */
  int windowOf(int dayIndex) {
    if (dayIndex < 0) {
      return -1;
    }
    return dayIndex >= days() ? CURRENT : PREVIOUS;
  }

  /** Returns the first day index of {@code which} ({@link #CURRENT} or {@link #PREVIOUS}). */
  int firstDay(int which) {
    return which == CURRENT ? days() : 0;
  }

  /** Returns the local dates of the window, in order. */
  List<LocalDate> windowDates() {
    return dates.subList(days(), dates.size());
  }

  static final int CURRENT = 0;
  static final int PREVIOUS = 1;
}
