package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One element of a request's {@code "filter"} list: {@code {"field", "operator", "value"}}.
 *
 * @param field the field filtered on, e.g. {@code jobId}
 * @param operator one of {@code =}, {@code in}, {@code !in}, {@code >=}, {@code <=}, {@code <},
 *     {@code >}
 * @param value a number, text, list or null
 */
public record Filter(String field, String operator, Object value) {
  /** Validates the filter. */
  public Filter {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(operator, "operator");
    if (value instanceof List<?> list) {
      value = List.copyOf(list);
    }
  }

  /** Returns {@code field = value}. */
  public static Filter eq(String field, Object value) {
    return new Filter(field, "=", value);
  }

  /** Returns {@code field in values}. */
  public static Filter in(String field, List<?> values) {
    return new Filter(field, "in", values);
  }

  /** Returns the filter as the JSON object sent to the server. */
  public JsonNode toJson() {
    ObjectNode node = ClientJson.object();
    node.put("field", field);
    node.put("operator", operator);
    node.set("value", ClientJson.MAPPER.valueToTree(value));
    return node;
  }
}
