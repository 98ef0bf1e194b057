package dev.labelmeter.report.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Returns numbers, dates and times as the report shows them: the same rounding as the workbook
 * (hours with 2 decimals, rates as percentages with 1 decimal), a fixed locale so that a report
 * reads the same on every machine, and {@value #MISSING} for a value that could not be computed.
 */
final class Formats {

  /** The text of a missing value. */
  static final String MISSING = "n/a";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Formats() {}

  /** Returns a count with thousands separators, for example {@code 12,345}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Returns hours with 2 decimals, for example {@code 1,234.50}; n/a for null. */
  static String hours(Double hours) {
    return hours == null ? MISSING : String.format(Locale.ROOT, "%,.2f", hours);
  }

  /** Returns a number with 1 decimal, for example {@code 12.3}; n/a for null. */
  static String oneDecimal(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%,.1f", value);
  }

  /** Returns a fraction as a percentage with 1 decimal, for example {@code 87.5%}; n/a for null. */
  static String percent(Double fraction) {
    return fraction == null ? MISSING : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** Returns seconds as hours with 2 decimals; n/a for null. */
  static String secondsAsHours(Double seconds) {
    return seconds == null ? MISSING : hours(seconds / 3600);
  }

  /** Returns a signed difference of counts, for example {@code +12} or {@code -3}. */
  static String countChange(long current, long previous) {
    long change = current - previous;
    return (change > 0 ? "+" : "") + count(change);
  }

  /** Returns a signed difference with 2 decimals, for example {@code +1.25}; n/a if either is. */
  static String hoursChange(Double current, Double previous) {
    if (current == null || previous == null) {
      return MISSING;
    }
    return signed(String.format(Locale.ROOT, "%,.2f", current - previous));
  }

  /**
   * Returns a signed difference of two fractions in percentage points, for example {@code +2.5
   * pp}; n/a if either is missing.
   */
  static String percentPointChange(Double current, Double previous) {
    if (current == null || previous == null) {
      return MISSING;
    }
    return signed(String.format(Locale.ROOT, "%.1f", (current - previous) * 100)) + " pp";
  }

  /** Returns an ISO local date, for example {@code 2024-05-06}; n/a for null. */
  static String date(LocalDate date) {
    return date == null ? MISSING : date.toString();
  }

  /** Returns an instant as a local date and time in {@code zone}; n/a for null. */
  static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? MISSING : DATE_TIME.format(instant.atZone(zone));
  }

  /**
   * Returns {@code text} unchanged up to {@code max} characters; longer, its first characters
   * followed by a visible marker with the full length, for example {@code "abc… [cut, 40,000
   * characters]"}. Never splits a surrogate pair.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "\u2026 [cut, " + count(text.length()) + " characters]";
  }

  private static String signed(String formatted) {
    boolean zero = formatted.chars().noneMatch(c -> c >= '1' && c <= '9');
    if (zero) {
      return formatted.startsWith("-") ? formatted.substring(1) : formatted;
    }
    return formatted.startsWith("-") ? formatted : "+" + formatted;
  }
}
