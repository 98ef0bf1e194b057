package dev.labelmeter.metrics.spark;

/** RFC 4180 CSV lines whose texts never start a spreadsheet formula. */
final class Csv {
  private Csv() {}

  /** Returns one CSV line (ending in CRLF) of {@code cells}; null cells are empty. */
  static String line(String[] cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    return out.append("\r\n").toString();
  }

  /**
   * Returns {@code value} quoted when needed, with a leading apostrophe if it looks like a formula.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = startsFormula(value) ? "'" + value : value;
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static boolean startsFormula(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    if (first == '-' || first == '+') {
      return !isNumber(value);
    }
    return first == '=' || first == '@' || first == '\t' || first == '\r';
  }

  private static boolean isNumber(String value) {
    try {
      Double.parseDouble(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
