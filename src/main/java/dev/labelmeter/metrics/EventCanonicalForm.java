package dev.labelmeter.metrics;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical text of an activity event, used to find duplicates: two events are duplicates
 * exactly when their canonical texts are equal.
 *
 * <p>The canonical text lists the 18 contract fields in a fixed order (a missing field counts as
 * null, fields outside the 18 are ignored). Objects are written with their keys sorted, so key
 * order does not matter; numbers keep their literal kind: an integer literal is written as an
 * integer and a literal with a fraction or exponent as a decimal with its scale ({@code 5},
 * {@code 5.0} and {@code 5.00} all differ; {@code 1e2} and {@code 1E2} are the same).
 *
 * <pre>{@code
 * canonicalJson("{\"b\":5.0,\"a\":[1,{\"d\":null,\"c\":\"x\"}]}")
 *     // {"a":[1,{"c":"x","d":null}],"b":5.0}
 * }</pre>
 */
public final class EventCanonicalForm {

  /** The 18 fields of an activity event, in the contract's order. */
  public static final List<String> FIELDS =
      List.of(
          "userId",
          "action",
          "date",
          "user",
          "projectId",
          "project",
          "datasetId",
          "dataset",
          "imageId",
          "image",
          "classId",
          "class",
          "figureId",
          "job",
          "jobId",
          "tag",
          "tagId",
          "meta");

  /**
   * A reader that keeps decimal literals exact ({@code 5.0} stays distinct from {@code 5.00} and
   * from {@code 5}). Read events with it so that canonical texts see numbers as written.
   */
  public static final ObjectMapper EXACT_READER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private EventCanonicalForm() {}

  /** Returns the canonical text of the 18 fields of {@code event}. */
  public static String ofEvent(JsonNode event) {
    StringBuilder out = new StringBuilder(256);
    out.append('[');
    for (int i = 0; i < FIELDS.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      JsonNode value = event == null ? null : event.get(FIELDS.get(i));
      write(value, out);
    }
    return out.append(']').toString();
  }

  /** Returns the canonical text of {@code value}: keys sorted at every level, literals kept. */
  public static String canonicalJson(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * Returns the canonical text of the JSON value {@code json}.
   *
   * @throws IllegalArgumentException if {@code json} is not valid JSON
   */
  public static String canonicalJson(String json) {
    try {
      return canonicalJson(EXACT_READER.readTree(json));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "not valid JSON, cannot build its canonical form: " + e.getOriginalMessage(), e);
    }
  }

  private static void write(JsonNode value, StringBuilder out) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      out.append("null");
    } else if (value.isObject()) {
      writeObject(value, out);
    } else if (value.isArray()) {
      writeArray(value, out);
    } else if (value.isTextual()) {
      out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value.textValue()));
      out.append('"');
    } else if (value.isIntegralNumber()) {
      out.append(value.asText());
    } else if (value.isNumber()) {
      out.append(decimalText(value));
    } else {
      out.append(value.asText());
    }
  }

  private static String decimalText(JsonNode number) {
    if (number.isBigDecimal()) {
      return number.decimalValue().toString();
    }
    // A tree read without exact decimals: the double's shortest text, e.g. 5.0.
    return BigDecimal.valueOf(number.doubleValue()).toString();
  }

  private static void writeObject(JsonNode object, StringBuilder out) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    Collections.sort(keys);
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(keys.get(i)));
      out.append("\":");
      write(object.get(keys.get(i)), out);
    }
    out.append('}');
  }

  private static void writeArray(JsonNode array, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < array.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(array.get(i), out);
    }
    out.append(']');
  }
}
