package dev.labelmeter.report.html;

import java.util.List;

/**
 * A table as the template renders it. Every text is plain text: the template escapes it.
 *
 * @param id the element id, unique in the page
 * @param caption the table's caption
 * @param columns the header cells
 * @param rows the body rows
 * @param emptyText the sentence shown instead of the table when there are no rows
 */
record TableView(
    String id, String caption, List<Column> columns, List<Row> rows, String emptyText) {

  TableView {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * A header cell.
   *
   * @param label the column's name, with its unit or zone where it has one
   * @param numeric whether the column holds numbers (right-aligned, sorted by value)
   */
  record Column(String label, boolean numeric) {}

  /**
   * A body row.
   *
   * @param cssClass classes that highlight the row, for example {@code stale}; empty for none
   * @param cells one cell per column
   */
  record Row(String cssClass, List<Cell> cells) {
    Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * A body cell.
   *
   * @param text what the reader sees
   * @param sortKey the number a numeric column sorts by; null in text columns (sorted by their
   *     text) and for a missing value
   * @param cssClass classes of the cell: {@code missing} for a missing value (sorted last), {@code
   *     num} in numeric columns, highlights such as {@code warn}; empty for none
   */
  record Cell(String text, String sortKey, String cssClass) {

    /** Returns whether the cell shows a missing value. */
    boolean missing() {
      return (" " + cssClass + " ").contains(" missing ");
    }
  }
}
