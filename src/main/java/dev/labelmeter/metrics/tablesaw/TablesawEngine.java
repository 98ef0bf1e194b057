package dev.labelmeter.metrics.tablesaw;

import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default engine: loads the store into typed Tablesaw tables on one machine and computes every
 * metric of {@code docs/metrics.md}.
 *
 * <pre>{@code
 * try (MetricsEngine engine = new TablesawEngine()) {
 *   MetricsResult result = engine.compute(StoreLayout.of(dataDir, 8), MetricsParams.defaults());
 * }
 * }</pre>
 */
public final class TablesawEngine implements MetricsEngine {
  private static final Logger log = LoggerFactory.getLogger(TablesawEngine.class);

  @Override
  public String name() {
    return "tablesaw";
  }

  @Override
  public MetricsResult compute(StoreLayout store, MetricsParams params) throws IOException {
    long started = System.nanoTime();
    StoreTables tables = load(store);
    long loadedMs = (System.nanoTime() - started) / 1_000_000;
    MetricsResult result = compute(tables, params);
    long computeMs = (System.nanoTime() - started) / 1_000_000 - loadedMs;
    log.info(
        "Computed metrics of {} events and {} jobs: load {} ms, compute {} ms",
        tables.events().rowCount(),
        tables.jobs().rowCount(),
        loadedMs,
        computeMs);
    return result;
  }

  /** Returns the store as typed tables (public to the package for tests and benchmarks). */
  static StoreTables load(StoreLayout store) throws IOException {
    return StoreLoader.load(store);
  }

  /** Returns the metrics of already loaded tables. */
  static MetricsResult compute(StoreTables tables, MetricsParams params) {
    DateWindow window = params.resolveWindow(tables.manifest().snapshotAt());
    WindowCalendar calendar = new WindowCalendar(window, params.zone());
    EventPass pass = eventPass(tables, params, calendar);
    return new ResultAssembler(tables, params, window, calendar, pass).assemble();
  }

  /** Returns the event pass of {@code tables}, run. */
  static EventPass eventPass(StoreTables tables, MetricsParams params, WindowCalendar calendar) {
    EventPass pass =
        new EventPass(
            calendar,
            new JobIndex(tables.jobs()),
            thresholdMicros(params.idleThreshold()),
            EventDates.toEpochMicros(tables.manifest().snapshotAt()));
    pass.run(tables.events());
    return pass;
  }

  private static long thresholdMicros(Duration threshold) {
    return threshold.getSeconds() * 1_000_000L + threshold.getNano() / 1_000;
  }

  @Override
  public ActivitySource windowActivity(StoreLayout store, MetricsParams params) throws IOException {
    Manifest manifest = StoreLoader.requireManifest(store);
    DateWindow window = params.resolveWindow(manifest.snapshotAt());
    return new WindowActivity(store, window, params.zone());
  }
}
