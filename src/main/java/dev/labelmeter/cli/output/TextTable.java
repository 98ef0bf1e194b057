package dev.labelmeter.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the terminal: a header, aligned columns, numbers right-aligned. Control
 * characters in cells (texts from the server are data) are shown as spaces so that a cell cannot
 * move the cursor or break a line.
 */
public final class TextTable {
  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  private TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
    this.rightAligned = new boolean[headers.size()];
  }

  /** Returns an empty table with these column headers. */
  public static TextTable withHeaders(String... headers) {
    return new TextTable(Arrays.asList(headers));
  }

  /** Aligns the columns at {@code indexes} to the right, for numbers. */
  public TextTable alignRight(int... indexes) {
    for (int index : indexes) {
      rightAligned[index] = true;
    }
    return this;
  }

  /** Adds a row; null cells show as empty. */
  public TextTable addRow(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "a row needs " + headers.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(clean(cell));
    }
    rows.add(row);
    return this;
  }

  public int rowCount() {
    return rows.size();
  }

  /** Prints the table to {@code out}. */
  public void print(PrintWriter out) {
    int[] widths = widths();
    printRow(out, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    printRow(out, rule, widths);
    for (List<String> row : rows) {
      printRow(out, row, widths);
    }
    out.flush();
  }

  private int[] widths() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }

  private void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String pad = " ".repeat(widths[i] - cell.length());
      line.append(rightAligned[i] ? pad + cell : cell + (i == cells.size() - 1 ? "" : pad));
      if (i < cells.size() - 1) {
        line.append("  ");
      }
    }
    out.println(line.toString().stripTrailing());
  }

  private static String clean(Object cell) {
    if (cell == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    cell.toString()
        .codePoints()
        .forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return text.toString();
  }
}
