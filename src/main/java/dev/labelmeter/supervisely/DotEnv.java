package dev.labelmeter.supervisely;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a dotenv file ({@code KEY=VALUE} lines, optional quotes, comments, {@code export}). */
final class DotEnv {
  private DotEnv() {}

  /** Returns the variables the file defines, in file order (a later line wins). */
  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SuperviselyException.configuration(
          "Cannot read " + file + " (" + e.getClass().getSimpleName() + ")",
          "Make the file readable, or set SERVER_ADDRESS and API_TOKEN in the environment");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines) {
      parseLine(line, values);
    }
    return values;
  }

  private static void parseLine(String rawLine, Map<String, String> values) {
    String line = rawLine.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    if (line.startsWith("export ")) {
      line = line.substring("export ".length()).strip();
    }
    int equals = line.indexOf('=');
    if (equals <= 0) {
      return;
    }
    String key = line.substring(0, equals).strip();
    values.put(key, value(line.substring(equals + 1).strip()));
  }

  private static String value(String text) {
    if (text.length() >= 2 && text.charAt(0) == '"') {
      int end = closingQuote(text, '"');
      String inner = text.substring(1, end < 0 ? text.length() : end);
      return inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (text.length() >= 2 && text.charAt(0) == '\'') {
      int end = closingQuote(text, '\'');
      return text.substring(1, end < 0 ? text.length() : end);
    }
    int comment = text.indexOf(" #");
    return (comment < 0 ? text : text.substring(0, comment)).strip();
  }

  private static int closingQuote(String text, char quote) {
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) == '\\' && quote == '"') {
        i++;
      } else if (text.charAt(i) == quote) {
        return i;
      }
    }
    return -1;
  }
}
