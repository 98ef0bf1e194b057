package dev.labelmeter.metrics;

import dev.labelmeter.store.StoreLayout;
import java.io.IOException;

/**
 * Computes the metrics of a team's data store. Implementations: the Tablesaw engine (one machine)
 * and the Spark engine (scale-out). An engine may hold resources (a Spark session) until closed.
 */
public interface MetricsEngine extends AutoCloseable {

  /** Returns the engine's name as given on the command line, for example {@code tablesaw}. */
  String name();

  /**
   * Returns every metric of the store for {@code params}.
   *
   * @throws java.io.IOException if the store cannot be read; an incomplete store (no manifest) is
   *     a {@link dev.labelmeter.store.StoreFormatException} saying to run a pull first
   */
  MetricsResult compute(StoreLayout store, MetricsParams params) throws IOException;

  /** Returns the raw events of the window of {@code params}, streamed on demand. */
  ActivitySource windowActivity(StoreLayout store, MetricsParams params) throws IOException;

  @Override
  default void close() {}
}
