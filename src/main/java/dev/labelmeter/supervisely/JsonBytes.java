package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One JSON value exactly as the server sent it: a slice of the UTF-8 bytes of its response, not
 * parsed into objects. For callers that store what they receive (the nightly pull) and would
 * otherwise parse and serialise every object again.
 *
 * <p>The slice shares the response's byte array; nothing changes it. It starts and ends with the
 * value's own first and last byte (no surrounding whitespace) and holds the value's whitespace as
 * sent, line breaks included when the server pretty-prints.
 */
public final class JsonBytes {
  private final byte[] buffer;
  private final int offset;
  private final int length;

  JsonBytes(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
  }

  /** Returns the value of {@code utf8}, a whole JSON text. */
  public static JsonBytes of(byte[] utf8) {
    return new JsonBytes(utf8, 0, utf8.length);
  }

  /**
   * Returns the array that holds the value; read only from {@link #offset()} for {@link
   * #length()}.
   */
  public byte[] buffer() {
    return buffer;
  }

  /** Returns where the value starts in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** Returns the number of bytes of the value. */
  public int length() {
    return length;
  }

  /** Returns whether the value's text holds a line break (whitespace of a pretty-printed value). */
  public boolean hasLineBreak() {
    for (int i = offset; i < offset + length; i++) {
      if (buffer[i] == '\n' || buffer[i] == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Writes the value's bytes to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buffer, offset, length);
  }

  /** Returns the value parsed as a tree. */
  public JsonNode toNode() {
    try {
      return ClientJson.MAPPER.readTree(buffer, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("not one JSON value: " + this, e);
    }
  }

  /** Returns the value's text. */
  @Override
  public String toString() {
    return new String(buffer, offset, length, StandardCharsets.UTF_8);
  }
}
