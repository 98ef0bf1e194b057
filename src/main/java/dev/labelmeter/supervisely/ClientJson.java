package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The client's JSON mapper: request bodies and the trees of responses. */
final class ClientJson {
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ClientJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }
}
