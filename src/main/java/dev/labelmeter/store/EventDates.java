package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
    try {
      return Optional.of(OffsetDateTime.parse(text.strip(), FORMAT).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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
