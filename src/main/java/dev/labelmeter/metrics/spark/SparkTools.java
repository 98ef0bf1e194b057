package dev.labelmeter.metrics.spark;

import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The entry points of {@code labelmeter export} and {@code labelmeter sql}: each call starts an
 * embedded Spark session ({@code local[*]}, or the master of {@code spark-submit}) and stops it.
 */
public final class SparkTools {
  private SparkTools() {}

  /**
   * Writes the tidy tables of {@code store} to {@code out} (one directory per table); returns the
   * row count per table. With a window in {@code params} only that window's events are exported.
   */
  public static Map<String, Long> export(
      StoreLayout store, MetricsParams params, ExportFormat format, Path out) throws IOException {
    SparkSession spark = SparkSessions.start(null);
    try {
      return new SparkExport(spark).export(store, params, format, out);
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs {@code query} over the tables at {@code dataDir} (an export directory, a team store, or a
   * data directory with one team) and prints the result to {@code out} as a text table.
   *
   * @throws SparkQueryException with Spark's message when the query is wrong
   */
  public static long sql(Path dataDir, String query, PrintStream out)
      throws IOException, SparkQueryException {
    SparkSession spark = SparkSessions.start(null);
    try {
      SparkSql sql = new SparkSql(spark);
      sql.register(dataDir, MetricsParams.defaults());
      return sql.print(query, out, SparkSql.DEFAULT_MAX_ROWS);
    } finally {
      spark.stop();
    }
  }

  /** Runs {@code query} like {@link #sql(Path, String, PrintStream)} and writes all rows to CSV. */
  public static long sql(Path dataDir, String query, Path csv)
      throws IOException, SparkQueryException {
    SparkSession spark = SparkSessions.start(null);
    try {
      SparkSql sql = new SparkSql(spark);
      sql.register(dataDir, MetricsParams.defaults());
      return sql.writeCsv(query, csv);
    } finally {
      spark.stop();
    }
  }
}
