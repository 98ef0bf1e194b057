package dev.labelmeter.metrics.tablesaw;

import com.fasterxml.jackson.databind.JsonNode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;

/** Typed reads of server JSON and typed writes into Tablesaw columns, with missing kept missing. */
final class JsonValues {
  private JsonValues() {}

  /** Returns the integer at {@code field}, or null when absent, null or not a JSON integer. */
  static Long longOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      return null;
    }
    return value.longValue();
  }

  /** Returns the number at {@code field}, or null when absent, null or not a number. */
  static Double doubleOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isNumber()) {
      return null;
    }
    double d = value.doubleValue();
    return Double.isFinite(d) ? d : null;
  }

  /** Returns the text at {@code field} (a number or boolean as its text), or null when absent. */
  static String textOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode() || value.isMissingNode()) {
      return null;
    }
    return value.asText();
  }

  static void append(LongColumn column, Long value) {
    if (value == null) {
      column.appendMissing();
    } else {
      column.append(value.longValue());
    }
  }

  static void append(DoubleColumn column, Double value) {
    if (value == null) {
      column.appendMissing();
    } else {
      column.append(value.doubleValue());
    }
  }

  static void append(StringColumn column, String value) {
    if (value == null) {
      column.appendMissing();
    } else {
      column.append(value);
    }
  }

  /** Returns the value of row {@code row}, or null when missing. */
  static Long get(LongColumn column, int row) {
    return column.isMissing(row) ? null : column.getLong(row);
  }

  /** Returns the value of row {@code row}, or null when missing. */
  static Double get(DoubleColumn column, int row) {
    return column.isMissing(row) ? null : column.getDouble(row);
  }

  /** Returns the text of row {@code row}, or null when missing (Tablesaw stores it as empty). */
  static String get(StringColumn column, int row) {
    return column.isMissing(row) ? null : column.get(row);
  }
}
