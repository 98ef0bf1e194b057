package dev.labelmeter.metrics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code date} of activity events and converts instants to and from epoch
 * microseconds, the precision both engines compute with.
 *
 * <p>Accepted: {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits after a dot, then
 * {@code Z} or a numeric offset {@code +HH:MM} or {@code +HHMM} (also with {@code -}). Anything
 * else, including a missing offset or an impossible date such as February 30, does not parse.
 * Digits beyond the microsecond are truncated.
 *
 * <pre>{@code
 * EventTimestamps.parse("2026-10-25T01:30:00.5+0200") // 2026-10-24T23:30:00.500Z
 * EventTimestamps.parse("2026-10-25 01:30:00")        // null
 * }</pre>
 */
public final class EventTimestamps {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
              + "(Z|([+-])(\\d{2}):?(\\d{2}))");

  private EventTimestamps() {}

  /**
   * Returns the instant of {@code text} truncated to microseconds, or null when it does not parse.
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ISO.matcher(text);
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
      return local.toInstant(offset(m)).truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeException e) {
      return null;
    }
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

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String padded = (fraction + "000000000").substring(0, 9);
    return Integer.parseInt(padded);
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
}
