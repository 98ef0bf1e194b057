package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/** The shared shape of the {@code *.info} calls: {@code {"id": N}}, 404 meaning absent. */
final class InfoCalls {
  private InfoCalls() {}

  static <T> Optional<T> info(
      ApiTransport transport, String method, long id, Function<JsonNode, T> parser) {
    ObjectNode body = ClientJson.object();
    body.put("id", id);
    return transport.postOrEmpty(method, body).map(json -> Responses.parse(method, json, parser));
  }
}
