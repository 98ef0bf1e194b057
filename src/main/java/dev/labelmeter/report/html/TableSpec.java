package dev.labelmeter.report.html;

import dev.labelmeter.report.html.TableView.Cell;
import dev.labelmeter.report.html.TableView.Column;
import dev.labelmeter.report.html.TableView.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Declares a table's columns, each with the cell it shows for a row, and returns the table of a
 * list of rows.
 *
 * @param <T> the row type of the result model
 */
final class TableSpec<T> {

  private final List<Column> columns = new ArrayList<>();
  private final List<Function<T, Cell>> cellOf = new ArrayList<>();
  private Function<T, String> rowClass = row -> "";

  /** Adds a text column. */
  TableSpec<T> text(String label, Function<T, String> value) {
    return column(new Column(label, false), row -> Cells.text(value.apply(row)));
  }

  /** Adds a text column whose cells are built by {@code cell}. */
  TableSpec<T> textCell(String label, Function<T, Cell> cell) {
    return column(new Column(label, false), cell);
  }

  /**
   * Adds a numeric column (right-aligned, sorted by value) whose cells are built by {@code cell}.
   */
  TableSpec<T> number(String label, Function<T, Cell> cell) {
    return column(new Column(label, true), cell);
  }

  /** Sets the classes that highlight a row; empty for none. */
  TableSpec<T> rowClass(Function<T, String> classes) {
    this.rowClass = classes;
    return this;
  }

  /** Returns the table of {@code rows}. */
  TableView build(String id, String caption, List<T> rows, String emptyText) {
    List<Row> body = new ArrayList<>(rows.size());
    for (T row : rows) {
      List<Cell> cells = new ArrayList<>(cellOf.size());
      for (int i = 0; i < cellOf.size(); i++) {
        cells.add(forColumn(columns.get(i), cellOf.get(i).apply(row)));
      }
      body.add(new Row(rowClass.apply(row), cells));
    }
    return new TableView(id, caption, columns, body, emptyText);
  }

  /**
   * Returns {@code cell} as its column shows it: numeric cells right-aligned and sorted by their
   * value; text cells sorted by their text, so they carry no separate sort key.
   */
  private static Cell forColumn(Column column, Cell cell) {
    if (!column.numeric()) {
      return new Cell(cell.text(), null, cell.cssClass());
    }
    String classes = cell.cssClass().isEmpty() ? "num" : "num " + cell.cssClass();
    return new Cell(cell.text(), cell.sortKey(), classes);
  }

  private TableSpec<T> column(Column column, Function<T, Cell> cell) {
    columns.add(column);
    cellOf.add(cell);
    return this;
  }
}
