package dev.labelmeter.metrics;

import java.io.IOException;

/** The window's raw events, streamed from the store so that no writer holds them all in memory. */
public interface ActivitySource {

  /** Receives one event. */
  @FunctionalInterface
  interface RowHandler {
    void accept(ActivityRow row) throws IOException;
  }

  /** Calls {@code handler} for each event of the window, in event order, duplicates removed. */
  void forEach(RowHandler handler) throws IOException;
}
