package dev.labelmeter.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A canonical text form of a JSON value and a 128-bit digest: two values have the same form when
 * they are equal as JSON objects (key order does not matter), while numbers keep their kind, so
 * {@code 5} and {@code 5.0} differ.
 */
public final class CanonicalJson {
  private static final long SEED_A = 0x9E3779B97F4A7C15L;
  private static final long SEED_B = 0xC2B2AE3D27D4EB4FL;

  private CanonicalJson() {}

  /** Returns the canonical text of {@code value}. */
  public static String canonical(JsonNode value) {
    StringBuilder out = new StringBuilder(256);
    append(value, out);
    return out.toString();
  }

  /**
   * Returns a 128-bit digest of {@code value}: equal for values with the same canonical text,
   * different otherwise except with a negligible probability. It is computed in one pass without
   * building the text: object members are combined in an order-independent way, array items in
   * order, and every leaf carries its kind.
   */
  public static Digest digest(JsonNode value) {
    long[] lanes = new long[2];
    hash(value, lanes);
    return new Digest(lanes[0], lanes[1]);
  }

  /**
   * Returns the digest of the JSON value in {@code utf8[offset, offset + length)}, read as tokens
   * without building a tree, with the text of its top-level string field {@code field}: the same
   * digest as {@link #digest(JsonNode)} of the parsed value (except for an object with a repeated
   * key, which a tree holds once).
   *
   * @param field the name of a top-level field whose string value to return, or null for none
   * @throws StoreFormatException if the bytes are not one valid JSON value
   */
  public static Scanned scan(byte[] utf8, int offset, int length, String field)
      throws StoreFormatException {
    try (JsonParser parser = StoreJson.MAPPER.getFactory().createParser(utf8, offset, length)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new StoreFormatException("not valid JSON (no value)");
      }
      long[] lanes = new long[2];
      String[] captured = new String[1];
      hash(parser, first, lanes, field, captured);
      if (parser.nextToken() != null) {
        throw new StoreFormatException("not valid JSON (more than one value)");
      }
      return new Scanned(new Digest(lanes[0], lanes[1]), captured[0]);
    } catch (StoreFormatException e) {
      throw e;
    } catch (IOException e) {
      String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      throw new StoreFormatException("not valid JSON (" + message + ")", e);
    }
  }

  /**
   * What {@link #scan} read.
   *
   * @param digest the value's digest
   * @param field the text of the asked top-level field, or null when absent or not a string
   */
  public record Scanned(Digest digest, String field) {}

  /** Hashes the value whose first token is {@code token}, leaving the parser on its last. */
  private static void hash(
      JsonParser parser, JsonToken token, long[] out, String field, String[] captured)
      throws IOException {
    switch (token) {
      case START_OBJECT -> hashObject(parser, out, field, captured);
      case START_ARRAY -> hashArray(parser, out);
      case VALUE_STRING ->
          leaf(
              's', parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), out);
      case VALUE_NUMBER_INT -> hashIntegral(parser, out);
      case VALUE_NUMBER_FLOAT -> leaf('f', floatText(parser), out);
      case VALUE_TRUE -> leaf('T', "", out);
      case VALUE_FALSE -> leaf('F', "", out);
      case VALUE_NULL -> leaf('z', "", out);
      default -> throw new StoreFormatException("not valid JSON (unexpected " + token + ")");
    }
  }

  private static void hashObject(JsonParser parser, long[] out, String field, String[] captured)
      throws IOException {
    long a = 0;
    long b = 0;
    long size = 0;
    long[] key = new long[2];
    long[] value = new long[2];
    for (JsonToken token = parser.nextToken();
        token == JsonToken.FIELD_NAME;
        token = parser.nextToken()) {
      String name = parser.currentName();
      leaf('k', name, key);
      JsonToken valueToken = parser.nextToken();
      if (field != null && valueToken == JsonToken.VALUE_STRING && field.equals(name)) {
        captured[0] = parser.getText();
      }
      hash(parser, valueToken, value, null, null);
      a += mix(key[0] ^ Long.rotateLeft(value[0], 29) ^ SEED_A);
      b += mix(key[1] ^ Long.rotateLeft(value[1], 31) ^ SEED_B);
      size++;
    }
    out[0] = mix(a ^ '{' ^ (size << 8));
    out[1] = mix(b + '{' + (size << 16));
  }

  private static void hashArray(JsonParser parser, long[] out) throws IOException {
    long a = SEED_A ^ '[';
    long b = SEED_B ^ '[';
    long size = 0;
    long[] item = new long[2];
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      hash(parser, token, item, null, null);
      a = mix(a * 31 + item[0]);
      b = mix(b * 37 + item[1]);
      size++;
    }
    out[0] = mix(a ^ size);
    out[1] = mix(b + size);
  }

  /**
   * Hashes a whole number's text as a tree's node gives it, the value in plain decimal: JSON
   * writes a whole number only that way, except for {@code -0}, which is {@code 0}.
   */
  private static void hashIntegral(JsonParser parser, long[] out) throws IOException {
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    if (length == 2 && text[offset] == '-' && text[offset + 1] == '0') {
      leaf('i', "0", out);
    } else {
      leaf('i', text, offset, length, out);
    }
  }

  /** Returns a fraction's text as a tree's node gives it: the double's shortest decimal. */
  private static String floatText(JsonParser parser) throws IOException {
    return Double.toString(parser.getDoubleValue());
  }

  private static void hash(JsonNode node, long[] out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      leaf('z', "", out);
    } else if (node.isObject()) {
      hashObject(node, out);
    } else if (node.isArray()) {
      hashArray(node, out);
    } else if (node.isTextual()) {
      leaf('s', node.textValue(), out);
    } else if (node.isNumber()) {
      leaf(node.isIntegralNumber() ? 'i' : 'f', node.asText(), out);
    } else if (node.isBoolean()) {
      leaf(node.booleanValue() ? 'T' : 'F', "", out);
    } else {
      leaf('s', node.toString(), out);
    }
  }

  private static void hashObject(JsonNode node, long[] out) {
    long a = 0;
    long b = 0;
    long[] key = new long[2];
    long[] value = new long[2];
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      leaf('k', field.getKey(), key);
      hash(field.getValue(), value);
      // A sum does not depend on the members' order; mixing first keeps members apart.
      a += mix(key[0] ^ Long.rotateLeft(value[0], 29) ^ SEED_A);
      b += mix(key[1] ^ Long.rotateLeft(value[1], 31) ^ SEED_B);
    }
    out[0] = mix(a ^ '{' ^ ((long) node.size() << 8));
    out[1] = mix(b + '{' + ((long) node.size() << 16));
  }

  private static void hashArray(JsonNode node, long[] out) {
    long a = SEED_A ^ '[';
    long b = SEED_B ^ '[';
    long[] item = new long[2];
    for (JsonNode element : node) {
      hash(element, item);
      a = mix(a * 31 + item[0]);
      b = mix(b * 37 + item[1]);
    }
    out[0] = mix(a ^ node.size());
    out[1] = mix(b + node.size());
  }

  /** Hashes a text with its kind into two independent 64-bit lanes. */
  private static void leaf(char kind, String text, long[] out) {
    long a = 0xcbf29ce484222325L ^ kind;
    long b = 0x84222325cbf29ce4L ^ ((long) kind << 32);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      a = (a ^ c) * 0x100000001b3L;
      b = (b ^ c) * 0x9E3779B97F4A7C15L;
    }
    out[0] = mix(a ^ text.length());
    out[1] = mix(b + text.length());
  }

  /** {@link #leaf(char, String, long[])} of the text in {@code chars[offset, offset + length)}. */
  private static void leaf(char kind, char[] chars, int offset, int length, long[] out) {
    long a = 0xcbf29ce484222325L ^ kind;
    long b = 0x84222325cbf29ce4L ^ ((long) kind << 32);
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      a = (a ^ c) * 0x100000001b3L;
      b = (b ^ c) * 0x9E3779B97F4A7C15L;
    }
    out[0] = mix(a ^ length);
    out[1] = mix(b + length);
  }

  /** The 64-bit finalizer of MurmurHash3: every input bit affects every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * A 128-bit digest of a JSON value.
   *
   * @param high the first 64 bits
   * @param low the last 64 bits
   */
  public record Digest(long high, long low) {
    /** Returns the digest as 32 lower-case hexadecimal digits. */
    public String hex() {
      return String.format("%016x%016x", high, low);
    }
  }

  private static void append(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append('z');
    } else if (node.isObject()) {
      appendObject(node, out);
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode item : node) {
        append(item, out);
        out.append(',');
      }
      out.append(']');
    } else if (node.isTextual()) {
      appendText(node.textValue(), out);
    } else if (node.isNumber()) {
      out.append(node.isIntegralNumber() ? 'i' : 'f').append(node.asText()).append(';');
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? 'T' : 'F');
    } else {
      appendText(node.toString(), out);
    }
  }

  private static void appendObject(JsonNode node, StringBuilder out) {
    List<String> names = new ArrayList<>(node.size());
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.sort(null);
    out.append('{');
    for (String name : names) {
      appendText(name, out);
      append(node.get(name), out);
    }
    out.append('}');
  }

  private static void appendText(String text, StringBuilder out) {
    // Length-prefixed, so that no content can imitate the structure around it.
    out.append('s').append(text.length()).append(':').append(text);
  }
}
