package dev.labelmeter.metrics.spark;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.metrics.EventCanonicalForm;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.StoreJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The per-value rules of the metrics, as plain Java that the Spark jobs call through user-defined
 * functions: an event line is read with {@link EventCanonicalForm#EXACT_READER}, its duplicate key
 * is {@link EventCanonicalForm#ofEvent}, its {@code date} is parsed by {@link
 * EventDates#parseStrict}, and its fields are typed exactly as the Tablesaw engine types them (ids
 * only from JSON integers, texts from any scalar, numbers only when finite).
 */
final class EventFunctions {
  /** Column of a parsed line: false when the line is not valid JSON. */
  static final String VALID = "valid";

  /** Column of a parsed line: the canonical text of the 18 fields (the duplicate key). */
  static final String CANONICAL = "canonical";

  private static final java.util.Set<String> ID_FIELDS =
      java.util.Set.of(
          "userId", "projectId", "datasetId", "imageId", "classId", "figureId", "jobId", "tagId");

  /**
   * The struct of a parsed line: {@link #VALID}, {@link #CANONICAL}, the 18 event fields (ids as
   * long, {@code meta} as compact JSON text), the instant in epoch microseconds, {@code
   * meta.reviewStatus} and {@code meta.duration}.
   */
  static final StructType LINE_TYPE = lineType();

  private EventFunctions() {}

  private static StructType lineType() {
    StructType type =
        new StructType()
            .add(VALID, DataTypes.BooleanType, false)
            .add(CANONICAL, DataTypes.StringType, true);
    for (String name : EventCanonicalForm.FIELDS) {
      DataType t = ID_FIELDS.contains(name) ? DataTypes.LongType : DataTypes.StringType;
      type = type.add(name, t, true);
    }
    return type.add(EventFrames.MICROS, DataTypes.LongType, true)
        .add(EventFrames.REVIEW_STATUS, DataTypes.StringType, true)
        .add(EventFrames.DURATION, DataTypes.DoubleType, true);
  }

  /** Returns the struct fields of {@link #LINE_TYPE}, in order. */
  static StructField[] lineFields() {
    return LINE_TYPE.fields();
  }

  /** Returns the parsed line ({@link #LINE_TYPE}); null for a blank line. */
  static Row parseLine(String line) {
    if (line == null || line.isBlank()) {
      return null;
    }
    JsonNode event;
    try {
      event = EventCanonicalForm.EXACT_READER.readTree(line);
    } catch (JacksonException e) {
      Object[] values = new Object[LINE_TYPE.size()];
      values[0] = false;
      values[1] = line;
      return RowFactory.create(values);
    }
    Object[] values = new Object[LINE_TYPE.size()];
    values[0] = true;
    values[1] = EventCanonicalForm.ofEvent(event);
    int i = 2;
    for (String name : EventCanonicalForm.FIELDS) {
      values[i++] = field(event, name);
    }
    JsonNode meta = event.get("meta");
    values[i++] = parseInstantMicros(textOrNull(event, "date"));
    values[i++] = textOrNull(meta, "reviewStatus");
    values[i] = doubleOrNull(meta, "duration");
    return RowFactory.create(values);
  }

  private static Object field(JsonNode event, String name) {
    if (ID_FIELDS.contains(name)) {
      return longOrNull(event, name);
    }
    if (name.equals("meta")) {
      JsonNode meta = event.get("meta");
      if (meta == null || meta.isNull()) {
        return null;
      }
      try {
        return StoreJson.MAPPER.writeValueAsString(meta);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write meta back as JSON", e);
      }
    }
    return textOrNull(event, name);
  }

  /** Returns the integer at {@code field}, or null when absent, null or not a JSON integer. */
  static Long longOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      return null;
    }
    return value.longValue();
  }

  /** Returns the finite number at {@code field}, or null. */
  static Double doubleOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isNumber()) {
      return null;
    }
    double d = value.doubleValue();
    return Double.isFinite(d) ? d : null;
  }

  /** Returns the text at {@code field} (a number or boolean as its text), or null. */
  static String textOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode() || value.isMissingNode()) {
      return null;
    }
    return value.asText();
  }

  /** Returns the instant of {@code text} in epoch microseconds, or null when it does not parse. */
  static Long parseInstantMicros(String text) {
    return EventDates.parseStrict(text).map(EventDates::toEpochMicros).orElse(null);
  }

  /** Returns {@code instant} in microseconds since the epoch, truncated. */
  static long toMicros(Instant instant) {
    return EventDates.toEpochMicros(instant);
  }

  /** Returns the instant of {@code micros} since the epoch. */
  static Instant fromMicros(long micros) {
    return EventDates.fromEpochMicros(micros);
  }

  /** Returns the local date of {@code micros} in {@code zone}, as days since 1970-01-01. */
  static int localEpochDay(long micros, ZoneId zone) {
    return (int) fromMicros(micros).atZone(zone).toLocalDate().toEpochDay();
  }

  /** Returns the date of {@code epochDay} days since 1970-01-01. */
  static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }
}
