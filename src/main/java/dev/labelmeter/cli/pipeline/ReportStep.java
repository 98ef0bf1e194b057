package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute and write stages shared by {@code run}, {@code demo} and {@code report}: computes the
 * metrics of a store with an engine, then publishes the reports all or nothing.
 */
public final class ReportStep {
  private static final Logger LOG = LoggerFactory.getLogger(ReportStep.class);

  /** Writes one report format of a result. */
  @FunctionalInterface
  public interface ResultWriter {
    /**
     * Writes {@code result} to {@code file}; {@code activity} holds the window's raw events when
     * the user asked for them.
     */
    void write(MetricsResult result, Optional<ActivitySource> activity, Path file)
        throws IOException;
  }

  /**
   * What the stage produced.
   *
   * @param result the metrics
   * @param files the reports written, in the order of the formats
   */
  public record Outcome(MetricsResult result, List<Path> files) {}

  private ReportStep() {}

  /**
   * Computes the metrics of {@code store} and writes them in each format of {@code writers}.
   *
   * @param location where the reports of a result go
   * @param includeActivity whether to hand the window's raw events to the writers
   * @throws IOException if the store cannot be read or a report cannot be written; no report of
   *     this run is left on disk then
   */
  public static Outcome run(
      MetricsEngine engine,
      StoreLayout store,
      MetricsParams params,
      Map<ReportFormat, ResultWriter> writers,
      Function<ResultParams, ReportFiles> location,
      boolean includeActivity)
      throws IOException {
    long start = System.nanoTime();
    MetricsResult result = engine.compute(store, params);
    LOG.info(
        "compute: {} engine, team {}, window [{}, {}) in {}, {} labelers, {} reviewers, {} jobs,"
            + " {} events in {} ms",
        engine.name(),
        result.params().teamId(),
        result.params().from(),
        result.params().to(),
        result.params().zone(),
        result.labelers().size(),
        result.reviewers().size(),
        result.jobs().size(),
        result.dataQuality().eventsReceived(),
        elapsedMs(start));

    long writeStart = System.nanoTime();
    Optional<ActivitySource> activity =
        includeActivity ? Optional.of(engine.windowActivity(store, params)) : Optional.empty();
    Map<ReportFormat, ReportPublisher.FileWriter> files = new LinkedHashMap<>();
    writers.forEach(
        (format, writer) -> files.put(format, file -> writer.write(result, activity, file)));
    List<Path> written = ReportPublisher.publish(location.apply(result.params()), files);
    LOG.info("write: {} report files in {} ms: {}", written.size(), elapsedMs(writeStart), written);
    return new Outcome(result, written);
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
