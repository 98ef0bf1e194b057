package dev.labelmeter.metrics.spark;

import java.util.List;
import org.apache.spark.sql.Row;

/** Renders rows as a plain-text table with a header and aligned columns. */
final class TextTable {
  private TextTable() {}

  /** Returns the cells of {@code row} as text; null cells are {@code NULL}. */
  static String[] cells(Row row) {
    String[] cells = new String[row.size()];
    for (int i = 0; i < row.size(); i++) {
      cells[i] = row.isNullAt(i) ? null : String.valueOf(row.get(i));
    }
    return cells;
  }

  /** Returns the table of {@code rows} under {@code header}, cells cut at {@code maxCell}. */
  static String render(String[] header, List<Row> rows, int maxCell) {
    String[][] grid = new String[rows.size()][];
    int[] widths = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      widths[c] = header[c].length();
    }
    for (int r = 0; r < rows.size(); r++) {
      grid[r] = cells(rows.get(r));
      for (int c = 0; c < header.length; c++) {
        grid[r][c] = shown(grid[r][c], maxCell);
        widths[c] = Math.max(widths[c], grid[r][c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    String rule = rule(widths);
    out.append(rule).append(line(header, widths)).append(rule);
    for (String[] row : grid) {
      out.append(line(row, widths));
    }
    return out.append(rule).toString();
  }

  private static String shown(String cell, int maxCell) {
    if (cell == null) {
      return "NULL";
    }
    String flat = cell.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return flat.length() <= maxCell ? flat : flat.substring(0, maxCell - 3) + "...";
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder out = new StringBuilder("|");
    for (int c = 0; c < cells.length; c++) {
      out.append(' ').append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
      out.append(" |");
    }
    return out.append('\n').toString();
  }

  private static String rule(int[] widths) {
    StringBuilder out = new StringBuilder("+");
    for (int w : widths) {
      out.append("-".repeat(w + 2)).append('+');
    }
    return out.append('\n').toString();
  }
}
