package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.Direction;
import java.util.function.Function;

/**
 * One column of a table sheet: its header, the kind of its cells and how a row gives its value.
 *
 * @param header the header text
 * @param kind the kind of every cell of the column
 * @param value the value of a row; null for a missing value (an empty cell)
 * @param totaled whether the table's total row adds the column up
 * @param direction which way the column's figure is better; colours the cells of a change column
 *     and is {@link Direction#NEUTRAL} for every other column
 */
record Column<R>(
    String header, Kind kind, Function<R, ?> value, boolean totaled, Direction direction) {

  /** Returns a column without a total. */
  static <R> Column<R> of(String header, Kind kind, Function<R, ?> value) {
    return new Column<>(header, kind, value, false, Direction.NEUTRAL);
  }

  /** Returns a column of values that the total row adds up or not. */
  static <R> Column<R> of(String header, Kind kind, Function<R, ?> value, boolean totaled) {
    return totaled ? summed(header, kind, value) : of(header, kind, value);
  }

  /**
   * Returns a column of changes between two windows, green when better and red when worse by
   * {@code direction}.
   */
  static <R> Column<R> change(String header, Kind kind, Function<R, ?> value, Direction direction) {
    if (!kind.isChange()) {
      throw new IllegalArgumentException("column '" + header + "' of " + kind + " is no change");
    }
    return new Column<>(header, kind, value, false, direction);
  }

  /** Returns a column that the total row adds up. */
  static <R> Column<R> summed(String header, Kind kind, Function<R, ?> value) {
    if (!kind.numeric()) {
      throw new IllegalArgumentException("column '" + header + "' of " + kind + " has no sum");
    }
    return new Column<>(header, kind, value, true, Direction.NEUTRAL);
  }
}
