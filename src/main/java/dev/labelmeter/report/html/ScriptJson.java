package dev.labelmeter.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Returns JSON that is safe inside an HTML {@code <script>} element: besides the usual JSON
 * escapes, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are written as {@code \}{@code uXXXX}
 * escapes, so no text from the server can close the element ({@code </script>}), open a comment or
 * end a JavaScript line. The result is still valid JSON with the same values.
 */
final class ScriptJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ScriptJson() {}

  /** Returns {@code value} as JSON safe to embed in a script element. */
  static String of(Object value) {
    try {
      return escapeForScript(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the chart data as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Returns {@code json} with the characters that matter to an HTML parser or a JavaScript lexer
   * written as unicode escapes. These characters can only occur inside JSON strings, where the
   * escape means the same character.
   */
  static String escapeForScript(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
