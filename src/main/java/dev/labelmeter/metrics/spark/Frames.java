package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/** Small column and row helpers shared by the Spark computations. */
final class Frames {
  static final double MICROS_PER_HOUR = 3_600_000_000.0;
  static final double MICROS_PER_SECOND = 1_000_000.0;

  private Frames() {}

  /** Returns whether the epoch-day column is in {@code [from, to)}. */
  static Column between(Column epochDay, int from, int to) {
    return epochDay.geq(lit(from)).and(epochDay.lt(lit(to)));
  }

  /** Returns the sorted list of the non-null values of {@code value} in the group. */
  static Column sortedList(Column value) {
    return sort_array(collect_list(value));
  }

  /** Returns the long at {@code name}, 0 when null. */
  static long longOr0(Row row, String name) {
    Object value = row.getAs(name);
    return value == null ? 0L : ((Number) value).longValue();
  }

  /** Returns the double at {@code name}, 0 when null. */
  static double doubleOr0(Row row, String name) {
    Object value = row.getAs(name);
    return value == null ? 0.0 : ((Number) value).doubleValue();
  }

  /** Returns the long at {@code name}, or null. */
  static Long longOrNull(Row row, String name) {
    Object value = row.getAs(name);
    return value == null ? null : ((Number) value).longValue();
  }

  /** Returns the double at {@code name}, or null. */
  static Double doubleOrNull(Row row, String name) {
    Object value = row.getAs(name);
    return value == null ? null : ((Number) value).doubleValue();
  }

  /** Returns {@code numerator / denominator}, or null when the denominator is 0. */
  static Double ratio(double numerator, double denominator) {
    return denominator == 0 ? null : numerator / denominator;
  }
}
