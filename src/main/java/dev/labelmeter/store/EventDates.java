package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code date} of an activity event: an ISO-8601 date-time with {@code Z} or a numeric
 * offset ({@code +HH:MM} or {@code +HHMM}) and 0 to 9 fraction digits. Anything else does not
 * parse.
 *
 * <p>Two readings: {@link #parse} is lenient (any letter case, surrounding blanks) and files an
 * event under its day in the store; {@link #parseStrict} is the exact form the metrics count (see
 * {@code docs/metrics.md}, rule 3), truncated to the microsecond, the precision both engines
 * compute with in epoch microseconds ({@link #toEpochMicros}).
 */
public final class EventDates {
  private static final Pattern STRICT =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(Z|([+-])(\\d{2}):?(\\d{2}))");

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
   * Returns the instant of {@code text} truncated to the microsecond, or empty unless it is
   * exactly {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits after a dot, then
   * {@code Z} or a numeric offset {@code +HH:MM} or {@code +HHMM} (also with {@code -}, at most 18
   * hours, minutes up to 59). Upper-case {@code T} and {@code Z} only, no blanks; an impossible
   * date such as February 30 does not parse.
   *
   * <pre>{@code
   * EventDates.parseStrict("2026-10-25T01:30:00.5+0200") // 2026-10-24T23:30:00.500Z
   * EventDates.parseStrict("2026-10-25 01:30:00Z")       // empty
   * }</pre>
   */
  public static Optional<Instant> parseStrict(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Instant utc = parseUtc(text);
    if (utc == null) {
      utc = parseWithOffset(text);
    }
    return utc == null ? Optional.empty() : Optional.of(utc.truncatedTo(ChronoUnit.MICROS));
  }

  /** Returns {@code instant} as microseconds since the epoch (sub-microsecond digits dropped). */
  public static long toEpochMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** Returns the instant {@code micros} microseconds after the epoch. */
  public static Instant fromEpochMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Returns the instant of the strict form with any offset, or null. */
  private static Instant parseWithOffset(String text) {
    Matcher m = STRICT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              nanos(m.group(7)));
      return local.toInstant(offset(m));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    return Integer.parseInt((fraction + "000000000").substring(0, 9));
  }

  private static ZoneOffset offset(Matcher m) {
    if ("Z".equals(m.group(8))) {
      return ZoneOffset.UTC;
    }
    int hours = Integer.parseInt(m.group(10));
    int minutes = Integer.parseInt(m.group(11));
    if (minutes > 59) {
      throw new DateTimeException("offset minutes out of range: " + minutes);
    }
    int sign = "-".equals(m.group(9)) ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
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
