package dev.labelmeter.metrics.tablesaw;

import java.util.Arrays;

/** A growable list of primitive doubles (turnaround seconds), without boxing. */
final class DoubleBag {
  private double[] values = new double[8];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
