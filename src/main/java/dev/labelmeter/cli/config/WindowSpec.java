package dev.labelmeter.cli.config;

import dev.labelmeter.metrics.DateWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report window as written in the configuration or on the command line, resolved against "today"
 * (the local date of the snapshot in the report zone). Windows are half-open: the end date is not
 * included.
 *
 * <table>
 *   <caption>Window syntax</caption>
 *   <tr><td>{@code 7d}</td><td>the 7 full days before today</td></tr>
 *   <tr><td>{@code 2w}</td><td>the 14 full days before today</td></tr>
 *   <tr><td>{@code yesterday}</td><td>the day before today</td></tr>
 *   <tr><td>{@code today}</td><td>today so far</td></tr>
 *   <tr><td>{@code last-week}</td><td>the previous Monday to Sunday</td></tr>
 *   <tr><td>{@code this-week}</td><td>Monday of this week up to and including today</td></tr>
 *   <tr><td>{@code last-month}</td><td>the previous calendar month</td></tr>
 *   <tr><td>{@code this-month}</td><td>the 1st of this month up to and including today</td></tr>
 *   <tr><td>{@code 2026-11-01..2026-11-08}</td><td>explicit dates, the second excluded</td></tr>
 *   <tr><td>{@code 2026-11-01..}</td><td>from a date up to, not including, today</td></tr>
 * </table>
 */
public final class WindowSpec {
  private static final Pattern DAYS = Pattern.compile("(\\d{1,4})([dw])");

  /** The accepted forms, in words, for error messages and help. */
  public static final String SYNTAX =
      "Nd or Nw (the N full days or weeks before the snapshot date, e.g. 7d, 2w), yesterday, today,"
          + " last-week, this-week, last-month, this-month, or FROM..TO with ISO dates"
          + " (TO excluded, e.g. 2026-11-01..2026-11-08; FROM.. ends before the snapshot date)";

  private final String text;

  private WindowSpec(String text) {
    this.text = text;
  }

  /** Returns the default window: the 7 full days before today. */
  public static WindowSpec defaultWindow() {
    return new WindowSpec("7d");
  }

  /**
   * Returns the window {@code text} denotes.
   *
   * @throws IllegalArgumentException if {@code text} is none of the accepted forms
   */
  public static WindowSpec parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    WindowSpec spec = new WindowSpec(value);
    spec.validate();
    return spec;
  }

  private void validate() {
    if (DAYS.matcher(text).matches()) {
      resolve(LocalDate.of(2000, 1, 15)); // rejects 0d
      return;
    }
    if (text.contains("..")) {
      int dots = text.indexOf("..");
      String end = text.substring(dots + 2).strip();
      LocalDate from = date(text.substring(0, dots));
      if (!end.isEmpty()) {
        new DateWindow(from, date(end));
      }
      return;
    }
    resolve(LocalDate.of(2000, 1, 15));
  }

  private LocalDate date(String part) {
    try {
      return LocalDate.parse(part.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + part.strip() + "' in window '" + text + "' is not an ISO date such as 2026-11-01",
          e);
    }
  }

  /** Returns the explicit window {@code [from, to)}. */
  public static WindowSpec between(LocalDate from, LocalDate to) {
    DateWindow checked = new DateWindow(from, to);
    return new WindowSpec(checked.from() + ".." + checked.to());
  }

  /** Returns the window's dates for a snapshot whose local date is {@code today}. */
  public DateWindow resolve(LocalDate today) {
    Matcher days = DAYS.matcher(text);
    if (days.matches()) {
      return lastDays(today, days);
    }
    return switch (text) {
      case "yesterday" -> new DateWindow(today.minusDays(1), today);
      case "today" -> new DateWindow(today, today.plusDays(1));
      case "last-week" -> lastWeek(today);
      case "this-week" ->
          new DateWindow(
              today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today.plusDays(1));
      case "last-month" ->
          new DateWindow(today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1));
      case "this-month" -> new DateWindow(today.withDayOfMonth(1), today.plusDays(1));
      default -> explicit(today);
    };
  }

  private static DateWindow lastDays(LocalDate today, Matcher days) {
    int count = Integer.parseInt(days.group(1)) * (days.group(2).equals("w") ? 7 : 1);
    if (count == 0) {
      throw new IllegalArgumentException("a window of 0 days is empty; use 1d or more");
    }
    return new DateWindow(today.minusDays(count), today);
  }

  private static DateWindow lastWeek(LocalDate today) {
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new DateWindow(monday.minusWeeks(1), monday);
  }

  private DateWindow explicit(LocalDate today) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      throw new IllegalArgumentException("'" + text + "' is not a window; use " + SYNTAX);
    }
    LocalDate from = date(text.substring(0, dots));
    String end = text.substring(dots + 2).strip();
    return new DateWindow(from, end.isEmpty() ? today : date(end));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WindowSpec spec && spec.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  /** Returns the window as written, in the syntax {@link #parse} reads. */
  @Override
  public String toString() {
    return text;
  }
}
