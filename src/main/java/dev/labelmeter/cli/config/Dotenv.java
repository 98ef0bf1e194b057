package dev.labelmeter.cli.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads dotenv lines ({@code KEY=value}, quotes, {@code export}, comments), as python-dotenv. */
final class Dotenv {

  private Dotenv() {}

  /** Returns the variables {@code lines} define; malformed lines are skipped. */
  static Map<String, String> parse(List<String> lines) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("export ")) {
        trimmed = trimmed.substring("export ".length()).strip();
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      variables.put(trimmed.substring(0, equals).strip(), value(trimmed.substring(equals + 1)));
    }
    return variables;
  }

  private static String value(String raw) {
    String value = raw.strip();
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }
}
