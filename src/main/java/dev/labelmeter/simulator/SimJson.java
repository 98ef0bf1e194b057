package dev.labelmeter.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The simulator's own JSON plumbing: one mapper, and writers turned into trees or strings. */
final class SimJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Writes one JSON value to a generator. */
  @FunctionalInterface
  interface Body {
    void writeTo(JsonGenerator g) throws IOException;
  }

  private SimJson() {}

  /**
   * Returns what {@code body} writes, as a tree parsed back from the JSON text, so numbers get the
   * node types a client's parser would give them.
   */
  static JsonNode tree(Body body) {
    try {
      return MAPPER.readTree(text(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns what {@code body} writes, as an object tree. */
  static ObjectNode object(Body body) {
    return (ObjectNode) tree(body);
  }

  /** Returns what {@code body} writes, as compact JSON text. */
  static String text(Body body) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
