package dev.labelmeter.metrics;

import java.util.Arrays;

/**
 * The two statistics of review turnaround. Both return null for an empty list, never NaN.
 *
 * <pre>{@code
 * Percentiles.median(new double[] {4, 1, 3, 2})      // 2.5 (mean of the two middle values)
 * Percentiles.p90NearestRank(new double[] {1, 2, 3}) // 3.0 (position ceil(0.9 * 3) = 3)
 * }</pre>
 */
public final class Percentiles {
  private Percentiles() {}

  /** Returns the median of {@code values}: the middle value, or the mean of the two middle ones. */
  public static Double median(double[] values) {
    if (values.length == 0) {
      return null;
    }
    double[] sorted = sortedCopy(values);
    int n = sorted.length;
    if (n % 2 == 1) {
      return sorted[n / 2];
    }
    return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /**
   * Returns the 90th percentile of {@code values} by nearest rank: the value at 1-based position
   * {@code ceil(0.9 n)} of the sorted list, computed in integers as {@code (9n + 9) / 10}.
   */
  public static Double p90NearestRank(double[] values) {
    if (values.length == 0) {
      return null;
    }
    double[] sorted = sortedCopy(values);
    int rank = (9 * sorted.length + 9) / 10;
    return sorted[rank - 1];
  }

  private static double[] sortedCopy(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
