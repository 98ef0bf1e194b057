package dev.labelmeter.metrics.spark;

import java.util.Locale;

/** The file format of exported tidy tables. */
public enum ExportFormat {
  /** Apache Parquet: typed columns, compressed; the format for Spark, DuckDB or pandas. */
  PARQUET,
  /** CSV with a header line, UTF-8; texts that a spreadsheet would run as formulas are quoted. */
  CSV;

  /** Returns the format named {@code name} ({@code parquet} or {@code csv}, any case). */
  public static ExportFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown export format '" + name + "': use parquet or csv", e);
    }
  }

  /** Returns the lower-case name used on the command line and by Spark. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
