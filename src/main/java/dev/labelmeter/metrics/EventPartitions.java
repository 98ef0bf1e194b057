package dev.labelmeter.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which activity partitions ({@code activity/day=YYYY-MM-DD}, UTC dates of the event instants) hold
 * the events of a window in a report zone.
 */
public final class EventPartitions {
  private EventPartitions() {}

  /**
   * Returns the UTC days whose partitions can hold events of {@code window} in {@code zone}: from
   * the UTC date of the window's first instant to the UTC date of its last microsecond, inclusive.
   * A zone may shift a local date by up to 18 hours, so this is at most one day more on each side
   * than the window's dates.
   */
  public static List<LocalDate> utcDays(DateWindow window, ZoneId zone) {
    Instant start = window.startInstant(zone);
    Instant lastMicro = window.endInstant(zone).minusNanos(1_000);
    LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = lastMicro.atZone(ZoneOffset.UTC).toLocalDate();
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }
}
