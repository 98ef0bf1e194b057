package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.pull.Pull;
import dev.labelmeter.pull.PullException;
import dev.labelmeter.pull.PullOptions;
import dev.labelmeter.pull.PullSource;
import dev.labelmeter.pull.PullSummary;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly job shared by {@code run} and {@code demo}: pull the team into the store, compute the
 * metrics, write the reports of the night.
 */
public final class NightlyJob {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /**
   * What the job did.
   *
   * @param pull what the pull fetched; {@link PullSummary#complete()} is false when some jobs,
   *     the members or the activity could not be fetched
   * @param report the metrics and the files written
   */
  public record Outcome(PullSummary pull, ReportStep.Outcome report) {}

  /**
   * Where the job puts its data and reports, and how it pulls.
   *
   * @param teamId the team
   * @param dataDir the data directory of the store
   * @param reportsDir the reports directory
   * @param clock the clock that fixes the snapshot
   * @param progress how the pull shows progress
   */
  public record Target(
      long teamId, Path dataDir, Path reportsDir, Clock clock, PullOptions.ProgressMode progress) {}

  private NightlyJob() {}

  /**
   * Pulls the team from {@code source}, computes with {@code engine} and writes the reports of
   * {@code settings}' formats.
   *
   * @throws PullException before anything is written: unknown team, token refused, unreachable
   *     server, unusable data directory, another pull running
   * @throws IOException if the store or the reports cannot be read or written; no report of this
   *     run is left on disk then
   */
  public static Outcome run(
      Settings settings,
      Target target,
      PullSource source,
      MetricsEngine engine,
      Map<ReportFormat, ReportStep.ResultWriter> writers)
      throws PullException, IOException {
    PullSummary pull = new Pull(source, pullOptions(settings, target)).run();
    StoreLayout store = StoreLayout.of(target.dataDir(), target.teamId());
    LocalDate today = pull.snapshotAt().atZone(settings.zone()).toLocalDate();
    MetricsParams params = settings.metricsParams(today);
    ReportStep.Outcome report =
        ReportStep.run(
            engine,
            store,
            params,
            writers,
            result -> ReportFiles.under(target.reportsDir(), result),
            false);
    pull.missing()
        .ifPresent(
            missing ->
                LOG.warn(
                    "the pull could not fetch {}; the reports show what the store holds", missing));
    return new Outcome(pull, report);
  }

  private static PullOptions pullOptions(Settings settings, Target target) {
    return PullOptions.builder(target.teamId(), target.dataDir())
        .concurrency(settings.concurrency())
        .history(Duration.ofDays(settings.historyDays()))
        .overlap(settings.overlap())
        .recheck(Duration.ofDays(settings.recheckDays()))
        .clock(target.clock())
        .progress(target.progress())
        .build();
  }

  /** Returns the lines to print after a run: where the reports are, then the five-line summary. */
  public static List<String> printout(Outcome outcome) {
    List<String> lines = new java.util.ArrayList<>();
    outcome.report().files().forEach(file -> lines.add("Report: " + file));
    lines.addAll(FiveLineSummary.lines(outcome.report().result()));
    return lines;
  }
}
