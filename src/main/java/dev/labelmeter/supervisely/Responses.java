package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonFields.ResponseFormatException;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.util.function.Function;

/** Turns response trees into typed values, naming the method when a value cannot be read. */
final class Responses {
  private Responses() {}

  static <T> T parse(String method, JsonNode json, Function<JsonNode, T> parser) {
    if (json == null || !json.isObject()) {
      throw malformed(method, "expected a JSON object but got " + kindOf(json));
    }
    try {
      return parser.apply(json);
    } catch (ResponseFormatException e) {
      throw malformed(method, e.getMessage());
    }
  }

  static SuperviselyException malformed(String method, String problem) {
    return new SuperviselyException(
        Kind.MALFORMED_RESPONSE,
        method,
        null,
        null,
        null,
        "Unexpected answer to " + method + ": " + problem,
        "The server's API differs from what this client knows: check the server version",
        null);
  }

  static String kindOf(JsonNode json) {
    return json == null || json.isNull()
        ? "an empty body"
        : json.getNodeType().name().toLowerCase();
  }
}
