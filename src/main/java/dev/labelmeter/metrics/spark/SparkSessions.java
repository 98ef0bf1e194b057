package dev.labelmeter.metrics.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the Spark sessions of labelmeter: UTC session time zone, no web UI. */
public final class SparkSessions {
  /** The master used when none is configured: every core of this machine. */
  public static final String LOCAL_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * Returns a new session on {@code master} (for example {@code local[*]}, {@code
   * spark://host:7077} or {@code yarn}); null takes the master from {@code spark-submit}, or
   * {@link #LOCAL_MASTER} outside it.
   */
  public static SparkSession start(String master) {
    String resolved = master != null ? master : System.getProperty("spark.master", LOCAL_MASTER);
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("labelmeter")
            .master(resolved)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    if (resolved.startsWith("local")) {
      builder
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
