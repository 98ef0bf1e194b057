package dev.labelmeter.report.excel;

import java.util.function.Function;

/**
 * One column of a table sheet: its header, the kind of its cells and how a row gives its value.
 *
 * @param header the header text
 * @param kind the kind of every cell of the column
 * @param value the value of a row; null for a missing value (an empty cell)
 * @param totaled whether the table's total row adds the column up
 */
record Column<R>(String header, Kind kind, Function<R, ?> value, boolean totaled) {

  /** Returns a column without a total. */
  static <R> Column<R> of(String header, Kind kind, Function<R, ?> value) {
    return new Column<>(header, kind, value, false);
  }

  /** Returns a column that the total row adds up. */
  static <R> Column<R> summed(String header, Kind kind, Function<R, ?> value) {
    if (!kind.numeric()) {
      throw new IllegalArgumentException("column '" + header + "' of " + kind + " has no sum");
    }
    return new Column<>(header, kind, value, true);
  }
}
