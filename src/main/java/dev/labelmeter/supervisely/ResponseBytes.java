package dev.labelmeter.supervisely;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.supervisely.JsonFields.ResponseFormatException;
import dev.labelmeter.supervisely.Paginator.PageBody;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads responses as byte slices of the values the server sent, in one pass of tokens over the
 * body: values are located and checked to be well-formed, not parsed into trees. A page's other
 * fields ({@code total}, {@code perPage}, {@code pagesCount}, ...) are read as trees and checked
 * like those of a parsed page.
 */
final class ResponseBytes {
  private ResponseBytes() {}

  /** Returns the page of a paginated list. */
  static PageBody<JsonBytes> page(
      String method, HttpResponse<byte[]> response, ApiTransport transport) {
    byte[] body = response.body();
    if (!isUtf8(body)) {
      return reencoded(method, response, transport);
    }
    try (JsonParser parser = ClientJson.MAPPER.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return PageBody.whole(elements(parser, body));
      }
      if (first != JsonToken.START_OBJECT) {
        throw Responses.malformed(method, "expected a JSON object but got " + kindOf(first));
      }
      ObjectNode envelope = ClientJson.object();
      List<JsonBytes> entities = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("entities") && value == JsonToken.START_ARRAY && entities == null) {
          entities = elements(parser, body);
        } else {
          envelope.set(name, parser.readValueAsTree());
        }
      }
      if (entities == null) {
        throw Responses.malformed(method, "a page must have an \"entities\" list");
      }
      return PageBody.fromEnvelope(envelope, entities);
    } catch (ResponseFormatException e) {
      throw Responses.malformed(method, e.getMessage());
    } catch (IOException e) {
      throw transport.unreadable(method, response, e);
    }
  }

  /** Returns the answer to a call that returns one object. */
  static JsonBytes object(String method, HttpResponse<byte[]> response, ApiTransport transport) {
    byte[] body = response.body();
    if (!isUtf8(body)) {
      JsonNode json = tree(method, response, transport);
      if (json == null || !json.isObject()) {
        throw Responses.malformed(
            method, "expected a JSON object but got " + Responses.kindOf(json));
      }
      return JsonBytes.of(json.toString().getBytes(StandardCharsets.UTF_8));
    }
    try (JsonParser parser = ClientJson.MAPPER.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw Responses.malformed(method, "expected a JSON object but got " + kindOf(first));
      }
      return slice(parser, body);
    } catch (IOException e) {
      throw transport.unreadable(method, response, e);
    }
  }

  /** Returns the slices of the array's elements; the parser is on the array's start. */
  private static List<JsonBytes> elements(JsonParser parser, byte[] body) throws IOException {
    List<JsonBytes> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == null) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(
            parser, null, "the list of entities ends early");
      }
      items.add(slice(parser, body));
    }
    return items;
  }

  /** Returns the slice of the value whose first token the parser is on, and skips the value. */
  private static JsonBytes slice(JsonParser parser, byte[] body) throws IOException {
    long start = parser.currentTokenLocation().getByteOffset();
    if (parser.currentToken().isStructStart()) {
      parser.skipChildren();
    } else {
      parser.finishToken();
    }
    long end = parser.currentLocation().getByteOffset();
    return new JsonBytes(body, (int) start, (int) (end - start));
  }

  /**
   * Returns whether the body is UTF-8 (JSON's encoding on the wire), so that byte slices are the
   * text; a body in UTF-16 or UTF-32 (a zero byte among the first two) is not.
   */
  private static boolean isUtf8(byte[] body) {
    if (body.length >= 2 && (body[0] == 0 || body[1] == 0)) {
      return false;
    }
    return !(body.length >= 2 && (body[0] & 0xFF) >= 0xFE && (body[1] & 0xFF) >= 0xFE);
  }

  /** Reads a body in another encoding as a tree and hands its entities on as UTF-8. */
  private static PageBody<JsonBytes> reencoded(
      String method, HttpResponse<byte[]> response, ApiTransport transport) {
    PageBody<JsonNode> page = PageBody.of(method, tree(method, response, transport));
    List<JsonBytes> entities = new ArrayList<>(page.entities().size());
    for (JsonNode entity : page.entities()) {
      entities.add(JsonBytes.of(entity.toString().getBytes(StandardCharsets.UTF_8)));
    }
    return new PageBody<>(page.total(), page.perPage(), page.pagesCount(), entities);
  }

  private static JsonNode tree(
      String method, HttpResponse<byte[]> response, ApiTransport transport) {
    try {
      return ClientJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw transport.unreadable(method, response, e);
    }
  }

  private static String kindOf(JsonToken token) {
    if (token == null) {
      return "an empty body";
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "an empty body";
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      default -> token.name().toLowerCase();
    };
  }
}
