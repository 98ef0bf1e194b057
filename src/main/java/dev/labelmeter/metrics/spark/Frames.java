package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;

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

  /**
   * Returns the median of a sorted array: the middle value, or the mean of the two middle values
   * for an even count; null for an empty array.
   */
  static Column median(Column sorted) {
    Column n = size(sorted);
    Column half = n.divide(2).cast("int");
    Column odd = element_at(sorted, half.plus(1)).cast("double");
    Column even =
        element_at(sorted, half).cast("double").plus(element_at(sorted, half.plus(1))).divide(2.0);
    return when(n.leq(0), lit(null).cast("double")).when(n.mod(2).equalTo(1), odd).otherwise(even);
  }

  /** Returns the 90th percentile of a sorted array by nearest rank; null for an empty array. */
  static Column p90(Column sorted) {
    Column n = size(sorted);
    // ceil(0.9 n) in integers: (9 n + 9) div 10.
    Column rank = n.multiply(9).plus(9).divide(10).cast("int");
    return when(n.leq(0), lit(null).cast("double"))
        .otherwise(element_at(sorted, rank).cast("double"));
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
