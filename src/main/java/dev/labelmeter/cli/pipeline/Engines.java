package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.spark.SparkEngine;
import dev.labelmeter.metrics.tablesaw.TablesawEngine;

/** Opens the metrics engine named on the command line or in the configuration. */
public final class Engines {

  private Engines() {}

  /**
   * Returns a new engine; the caller closes it. The Spark engine starts an embedded session
   * ({@code local[*]}, or the master given by {@code spark-submit}).
   *
   * @throws ConfigException for a name that is no engine
   */
  public static MetricsEngine open(String name) {
    return switch (name) {
      case "tablesaw" -> new TablesawEngine();
      case SparkEngine.NAME -> SparkEngine.start(null);
      default ->
          throw new ConfigException(
              "'" + name + "' is not an engine; use --engine tablesaw or --engine spark");
    };
  }
}
