package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Reads the {@code date} of an activity event: an ISO-8601 date-time with {@code Z} or a numeric
 * offset ({@code +HH:MM} or {@code +HHMM}) and 0 to 9 fraction digits. Anything else does not
 * parse.
 */
public final class EventDates {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private EventDates() {}

  /** Returns the instant of {@code text}, or empty when it is not a date-time with an offset. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Instant utc = parseUtc(text);
    if (utc != null) {
      return Optional.of(utc);
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip(), FORMAT).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the instant of the form servers send, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read
   * without the general formatter; null for any other form (the formatter then decides).
   */
  private static Instant parseUtc(String t) {
    int n = t.length();
    if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || !separatorsAt(t)) {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int nano = n == 20 ? 0 : fraction(t, n);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
      return null;
    }
    if (day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nano);
  }

  private static boolean separatorsAt(String t) {
    return t.charAt(4) == '-'
        && t.charAt(7) == '-'
        && t.charAt(10) == 'T'
        && t.charAt(13) == ':'
        && t.charAt(16) == ':';
  }

  /** Returns the nanoseconds of the fraction {@code .f{1,9}} before the final Z, or -1. */
  private static int fraction(String t, int n) {
    int count = n - 21;
    if (t.charAt(19) != '.' || count < 1 || count > 9) {
      return -1;
    }
    int value = digits(t, 20, count);
    if (value < 0) {
      return -1;
    }
    for (int i = count; i < 9; i++) {
      value *= 10;
    }
    return value;
  }

  /** Returns the number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Returns the instant of an event's {@code date} field, or empty when it does not parse. */
  public static Optional<Instant> of(JsonNode event) {
    JsonNode date = event.get("date");
    return date != null && date.isTextual() ? parse(date.textValue()) : Optional.empty();
  }

  /** Returns the UTC day of an event's {@code date}, or empty when it does not parse. */
  public static Optional<LocalDate> utcDay(JsonNode event) {
    return of(event).map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }
}
