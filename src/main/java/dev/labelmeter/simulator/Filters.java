package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code filter} array of a list request, turned into a predicate over one kind of entity:
 * {@code [{"field": ..., "operator": ..., "value": ...}]}, every element must hold.
 */
final class Filters {
  private static final Set<String> OPERATORS =
      Set.of("=", "eq", "!=", "in", "!in", ">=", "<=", "<", ">");

  private Filters() {}

  /**
   * A filterable field.
   *
   * @param <T> the entity
   * @param read the field's value of an entity: a Long, String, Boolean or null
   * @param isDate whether values are instants (compared as instants, not as text)
   */
  record Field<T>(Function<T, Object> read, boolean isDate) {
    static <T> Field<T> of(Function<T, Object> read) {
      return new Field<>(read, false);
    }

    static <T> Field<T> date(Function<T, Object> read) {
      return new Field<>(read, true);
    }
  }

  /** One parsed filter condition, with its date value parsed when the field is a date. */
  record Condition(String field, String operator, JsonNode value, Long dateMillis) {}

  /**
   * Returns the conditions of {@code body.filter} for {@code method}.
   *
   * @throws ApiException 400 naming the bad element and what is accepted
   */
  static <T> List<Condition> parse(JsonNode body, String method, Map<String, Field<T>> fields) {
    JsonNode filter = body.get("filter");
    List<Condition> out = new ArrayList<>();
    if (filter == null || filter.isNull()) {
      return out;
    }
    if (!filter.isArray()) {
      throw ApiException.badRequest("'filter' of " + method + " must be an array of conditions");
    }
    for (JsonNode c : filter) {
      out.add(condition(c, method, fields));
    }
    return out;
  }

  private static <T> Condition condition(JsonNode c, String method, Map<String, Field<T>> fields) {
    String field = c.path("field").asText(null);
    String operator = c.path("operator").asText(null);
    if (field == null || !fields.containsKey(field)) {
      throw ApiException.badRequest(
          "filter field '"
              + field
              + "' is not supported by "
              + method
              + ": use one of "
              + fields.keySet());
    }
    if (operator == null || !OPERATORS.contains(operator)) {
      throw ApiException.badRequest(
          "filter operator '" + operator + "' is not supported: use one of " + OPERATORS);
    }
    JsonNode value = c.has("value") ? c.get("value") : SimJson.MAPPER.nullNode();
    if ((operator.equals("in") || operator.equals("!in")) && !value.isArray()) {
      throw ApiException.badRequest(
          "filter '" + field + " " + operator + "' needs an array value, got " + value);
    }
    Long date = null;
    if (fields.get(field).isDate() && value.isTextual()) {
      try {
        date = WireTime.parse(value.asText());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("filter '" + field + "': " + e.getMessage());
      }
    }
    return new Condition(field, operator, value, date);
  }

  /** Returns a predicate that holds when every condition holds. */
  static <T> Predicate<T> predicate(List<Condition> conditions, Map<String, Field<T>> fields) {
    Predicate<T> all = t -> true;
    for (Condition c : conditions) {
      Field<T> field = fields.get(c.field());
      all = all.and(t -> test(c, field.read().apply(t)));
    }
    return all;
  }

  private static boolean test(Condition c, Object actual) {
    return switch (c.operator()) {
      case "=", "eq" -> equal(actual, c.value());
      case "!=" -> !equal(actual, c.value());
      case "in" -> anyEqual(actual, c.value());
      case "!in" -> !anyEqual(actual, c.value());
      default -> compare(c, actual);
    };
  }

  private static boolean anyEqual(Object actual, JsonNode values) {
    for (JsonNode v : values) {
      if (equal(actual, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(Object actual, JsonNode value) {
    if (value == null || value.isNull()) {
      return actual == null;
    }
    if (actual instanceof Long n) {
      return value.isIntegralNumber() && value.asLong() == n;
    }
    if (actual instanceof Boolean b) {
      return value.isBoolean() && value.asBoolean() == b;
    }
    return actual != null && value.isTextual() && value.asText().equals(actual.toString());
  }

  private static boolean compare(Condition c, Object actual) {
    if (actual == null || c.value() == null || c.value().isNull()) {
      return false;
    }
    int cmp;
    if (c.dateMillis() != null && actual instanceof Long millis) {
      cmp = Long.compare(millis, c.dateMillis());
    } else if (actual instanceof Long n && c.value().isNumber()) {
      cmp = Double.compare(n, c.value().asDouble());
    } else if (actual instanceof String s && c.value().isTextual()) {
      cmp = s.compareTo(c.value().asText());
    } else {
      return false;
    }
    return switch (c.operator()) {
      case ">=" -> cmp >= 0;
      case "<=" -> cmp <= 0;
      case "<" -> cmp < 0;
      default -> cmp > 0;
    };
  }
}
