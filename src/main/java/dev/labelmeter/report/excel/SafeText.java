package dev.labelmeter.report.excel;

import java.util.regex.Pattern;

/** Returns texts from the server in a form a cell can hold as they are, as plain text. */
final class SafeText {

  /** Excel's limit on the characters (UTF-16 units) of one cell. */
  static final int MAX_CELL_CHARS = 32_767;

  /** Appended to a text cut to fit a cell, so that a reader sees it was cut. */
  static final String TRUNCATION_MARKER = "… [truncated]";

  /** A run Excel reads as an escaped character ({@code _x0041_} is "A") unless escaped itself. */
  private static final Pattern EXCEL_ESCAPE = Pattern.compile("_(?=x[0-9A-Fa-f]{4}_)");

  private SafeText() {}

  /**
   * Returns {@code text} with every {@code _xHHHH_} run protected by escaping its underscore as
   * {@code _x005F_}, so that Excel shows the run as typed instead of the character it encodes.
   */
  static String escapeExcelEscapes(String text) {
    return text.indexOf("_x") < 0 ? text : EXCEL_ESCAPE.matcher(text).replaceAll("_x005F_");
  }

  /**
   * Returns {@code text} as a cell must hold it: Excel escapes protected, then cut to the cell
   * limit with the marker (the limit applies to the stored text, escapes included).
   */
  static String forCell(String text) {
    return fitCell(escapeExcelEscapes(text));
  }

  /** Returns {@code text} cut to {@link #MAX_CELL_CHARS} with the marker when it is longer. */
  static String fitCell(String text) {
    if (text.length() <= MAX_CELL_CHARS) {
      return text;
    }
    int keep = MAX_CELL_CHARS - TRUNCATION_MARKER.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--; // never split an emoji or other supplementary character in two
    }
    return text.substring(0, keep) + TRUNCATION_MARKER;
  }

  /**
   * Returns whether a spreadsheet program could read {@code text} as a formula when a user edits
   * or re-imports it: such cells get a quote-prefixed style so they always stay text.
   */
  static boolean looksLikeFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /** Returns the width of {@code text} in character cells: wide (East Asian, emoji) count 2. */
  static int displayWidth(String text) {
    int width = 0;
    int longestLine = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        longestLine = Math.max(longestLine, width);
        width = 0;
      } else {
        width += isWide(cp) ? 2 : 1;
      }
    }
    return Math.max(longestLine, width);
  }

  private static boolean isWide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115F
            || (cp >= 0x2E80 && cp <= 0xA4CF)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0x1F300 && cp <= 0x1FAFF)
            || (cp >= 0x20000 && cp <= 0x3FFFD));
  }
}
