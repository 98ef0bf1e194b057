package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.tablesaw.TablesawEngine;

/** Opens the metrics engine named on the command line or in the configuration. */
public final class Engines {

  private Engines() {}

  /**
   * Returns a new engine; the caller closes it.
   *
   * @throws ConfigException for a name this build has no engine for
   */
  public static MetricsEngine open(String name) {
    return switch (name) {
      case "tablesaw" -> new TablesawEngine();
      default ->
          throw new ConfigException(
              "the '" + name + "' engine is not available in this build; use --engine tablesaw");
    };
  }
}
