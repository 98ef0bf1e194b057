package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A canonical text form of a JSON value and its 128-bit digest: two values have the same form when
 * they are equal as JSON objects (key order does not matter), while numbers keep their kind, so
 * {@code 5} and {@code 5.0} differ.
 */
public final class CanonicalJson {
  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(CanonicalJson::newMd5);

  private CanonicalJson() {}

  /** Returns the canonical text of {@code value}. */
  public static String canonical(JsonNode value) {
    StringBuilder out = new StringBuilder(256);
    append(value, out);
    return out.toString();
  }

  /** Returns the 128-bit digest of the canonical text of {@code value}. */
  public static Digest digest(JsonNode value) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    ByteBuffer hash =
        ByteBuffer.wrap(md5.digest(canonical(value).getBytes(StandardCharsets.UTF_8)));
    return new Digest(hash.getLong(), hash.getLong());
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

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5 digest, which every JVM must have", e);
    }
  }
}
