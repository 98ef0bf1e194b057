package dev.labelmeter.cli.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV whose text cells cannot run as spreadsheet formulas: a text that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe,
 * as OWASP recommends, so Excel and LibreOffice show it as text. Numbers are written as numbers.
 */
public final class CsvWriter implements Closeable {
  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  /** Writes one row; a null cell is an empty field (a missing value), never 0. */
  public void writeRow(List<?> cells) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(cells.get(i)));
    }
    line.append("\r\n");
    out.write(line.toString());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Returns {@code cell} as one CSV field, defused and quoted as needed. */
  static String field(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Number) {
      return cell.toString();
    }
    return quote(defuse(cell.toString()));
  }

  /** Returns {@code text} with a leading apostrophe if a spreadsheet would read it as a formula. */
  public static String defuse(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + text : text;
  }

  private static String quote(String text) {
    boolean needsQuotes =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || !text.equals(text.strip());
    return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
