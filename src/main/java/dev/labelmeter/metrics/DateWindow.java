package dev.labelmeter.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A half-open range of local dates {@code [from, to)}.
 *
 * @param from first date in the window
 * @param to first date after the window
 */
public record DateWindow(LocalDate from, LocalDate to) {

  public DateWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "window start " + from + " must be before its end " + to + " (the end is exclusive)");
    }
  }

  /** Returns the number of days in the window. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }

  /** Returns the window of the same length that ends where this one starts. */
  public DateWindow previous() {
    return new DateWindow(from.minusDays(days()), from);
  }

  /** Returns whether {@code date} is in the window. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && date.isBefore(to);
  }

  /** Returns every date of the window in order. */
  public List<LocalDate> dates() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }

  /** Returns the first instant of the window in {@code zone}. */
  public Instant startInstant(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** Returns the first instant after the window in {@code zone}. */
  public Instant endInstant(ZoneId zone) {
    return to.atStartOfDay(zone).toInstant();
  }

  @Override
  public String toString() {
    return "[" + from + ", " + to + ")";
  }
}
