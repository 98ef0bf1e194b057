package dev.labelmeter.report.excel;

import java.util.function.Function;

/** Returns the differences between a window's figure and the previous window's. */
final class Changes {

  private Changes() {}

  /** Returns {@code current − previous}, or null when either is missing. */
  static Double between(Number current, Number previous) {
    if (current == null || previous == null) {
      return null;
    }
    if (current instanceof Long c && previous instanceof Long p) {
      return (double) (c - p);
    }
    return current.doubleValue() - previous.doubleValue();
  }

  /** Returns {@code figure} of {@code figures}, or null when the figures are missing. */
  static <F> Number figureOf(F figures, Function<F, ? extends Number> figure) {
    return figures == null ? null : figure.apply(figures);
  }
}
