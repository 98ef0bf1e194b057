package dev.labelmeter.metrics.spark;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.StoreJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The per-value rules of the metrics, as plain Java: parsing an event's {@code date}, the
 * key-order-insensitive form of {@code meta}, and instants as epoch microseconds. The Spark jobs call
 * them through user-defined functions, so every row follows exactly these rules.
 */
// TODO(#6): call EventTimestamps, EventCanonicalForm and Percentiles of dev.labelmeter.metrics
// once the Tablesaw engine's helpers are on main, so both engines share one implementation.
final class EventFunctions {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private EventFunctions() {}

  /**
   * Returns the instant of an ISO-8601 date-time with {@code Z} or a numeric offset, truncated to
   * the microsecond, in microseconds since the epoch; null when the text does not parse.
   */
  static Long parseInstantMicros(String text) {
    if (text == null) {
      return null;
    }
    try {
      Instant instant =
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      return toMicros(instant);
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /** Returns {@code instant} in microseconds since the epoch, truncated. */
  static long toMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  /** Returns the instant of {@code micros} since the epoch. */
  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  /** Returns the local date of {@code micros} in {@code zone}, as days since 1970-01-01. */
  static int localEpochDay(long micros, ZoneId zone) {
    return (int) fromMicros(micros).atZone(zone).toLocalDate().toEpochDay();
  }

  /** Returns the date of {@code epochDay} days since 1970-01-01. */
  static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  /**
   * Returns {@code meta} as compact JSON with object keys sorted at every depth, so that two
   * objects that differ only in key order give the same text; numbers keep their written type ({@code
   * 5} and {@code 5.0} stay different). Returns null for a missing {@code meta} and the text itself
   * when it is not JSON.
   */
  static String canonicalJson(String json) {
    if (json == null) {
      return null;
    }
    try {
      return StoreJson.MAPPER.writeValueAsString(sorted(StoreJson.MAPPER.readTree(json)));
    } catch (JacksonException e) {
      return json;
    }
  }

  /** Returns the text of {@code field} of the JSON object {@code json}; null if absent. */
  static String textField(String json, String field) {
    JsonNode value = field(json, field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Returns the number in {@code field} of the JSON object {@code json}; null if not a number. */
  static Double numberField(String json, String field) {
    JsonNode value = field(json, field);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }

  private static JsonNode field(String json, String field) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = StoreJson.MAPPER.readTree(json);
      return node != null && node.isObject() ? node.get(field) : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.sort(names);
      ObjectNode copy = StoreJson.MAPPER.createObjectNode();
      for (String name : names) {
        copy.set(name, sorted(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = StoreJson.MAPPER.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
