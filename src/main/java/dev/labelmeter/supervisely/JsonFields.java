package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers of response fields: a missing or null field gives null, numbers given as text
 * are accepted, and a value of the wrong kind throws {@link ResponseFormatException} naming it.
 */
final class JsonFields {
  private JsonFields() {}

  /** Thrown when a field holds a value the client cannot read; wrapped with the method name. */
  static final class ResponseFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResponseFormatException(String message) {
      super(message);
    }
  }

  static JsonNode field(JsonNode node, String name) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  static long requiredLong(JsonNode node, String name) {
    Long value = optLong(node, name);
    if (value == null) {
      throw new ResponseFormatException("field \"" + name + "\" is missing");
    }
    return value;
  }

  static Long optLong(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (value == null) {
      return null;
    }
    if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw wrongKind(name, "a whole number", value);
  }

  static Integer optInt(JsonNode node, String name) {
    Long value = optLong(node, name);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongKind(name, "a 32-bit whole number", node.get(name));
    }
    return value.intValue();
  }

  static Double optDouble(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      try {
        return Double.parseDouble(value.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw wrongKind(name, "a number", value);
  }

  static String optText(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (value == null) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  static Boolean optBoolean(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (value == null) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.asText().strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw wrongKind(name, "true or false", value);
  }

  static Instant optInstant(JsonNode node, String name) {
    String text = optText(node, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new ResponseFormatException(
          "field \"" + name + "\" is not an ISO-8601 timestamp: \"" + text + "\"");
    }
  }

  /** Returns the elements of an array field; empty for a missing or null field. */
  static List<JsonNode> optArray(JsonNode node, String name) {
    JsonNode value = field(node, name);
    List<JsonNode> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (!value.isArray()) {
      throw wrongKind(name, "a list", value);
    }
    value.forEach(items::add);
    return items;
  }

  /** Returns the {@code name} (or else {@code title}) of an object, or a plain string's text. */
  static String nameOf(JsonNode item) {
    if (item.isTextual()) {
      return item.asText();
    }
    String name = optText(item, "name");
    return name != null ? name : optText(item, "title");
  }

  /** Returns a deep copy of an object or array field, or null when missing. */
  static JsonNode optTree(JsonNode node, String name) {
    JsonNode value = field(node, name);
    return value == null ? null : value.deepCopy();
  }

  private static ResponseFormatException wrongKind(String name, String expected, JsonNode value) {
    String shown = value.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 80) + "...";
    }
    return new ResponseFormatException(
        "field \"" + name + "\" should be " + expected + " but is " + shown);
  }
}
