package dev.labelmeter.metrics.tablesaw;

/** Stable sorting of row numbers by a long key: ties keep their original order. */
final class StableOrder {
  private StableOrder() {}

  /**
   * Returns the row numbers {@code 0..n-1} sorted by {@code keys}, ties in row order, or null when
   * the rows are already in that order.
   */
  static int[] byKey(long[] keys) {
    if (isSorted(keys)) {
      return null;
    }
    int n = keys.length;
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    int[] buffer = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (keys[rows[mid - 1]] > keys[rows[mid]]) {
          merge(rows, buffer, keys, lo, mid, hi);
        }
      }
    }
    return rows;
  }

  private static boolean isSorted(long[] keys) {
    for (int i = 1; i < keys.length; i++) {
      if (keys[i - 1] > keys[i]) {
        return false;
      }
    }
    return true;
  }

  private static void merge(int[] rows, int[] buffer, long[] keys, int lo, int mid, int hi) {
    System.arraycopy(rows, lo, buffer, lo, hi - lo);
    int left = lo;
    int right = mid;
    for (int k = lo; k < hi; k++) {
      if (right >= hi || (left < mid && keys[buffer[left]] <= keys[buffer[right]])) {
        rows[k] = buffer[left++];
      } else {
        rows[k] = buffer[right++];
      }
    }
  }
}
