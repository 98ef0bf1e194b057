package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.pipeline.Engines;
import dev.labelmeter.cli.pipeline.FiveLineSummary;
import dev.labelmeter.cli.pipeline.ReportFiles;
import dev.labelmeter.cli.pipeline.ReportStep;
import dev.labelmeter.cli.pipeline.ReportWriters;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code labelmeter report}: the reports of the local store, without the network. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Computes the metrics of a team's local store and writes the reports, without the"
          + " network: to re-run a night with other dates, zone or threshold, or to get JSON."
          + " Windows are relative to the store's snapshot date.",
      "Without --out the reports go into the nightly folder of the snapshot date,"
          + " <reports-dir>/<team>/<date>/, and replace that night's reports of the same formats"
          + " (those of 'run'); give --out DIR to keep the nightly reports as they are.",
      ""
    })
final class ReportCommand extends BaseCommand {
  @Mixin private TeamOptions team;
  @Mixin private StoreOptions store;
  @Mixin private ReportOptions report;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Writes the report files directly into DIR, leaving the nightly folder alone. Default:"
              + " <reports-dir>/<team>/<date>/, the nightly folder of the snapshot date, whose"
              + " reports of the same formats are replaced.")
  private Path outDir;

  @Option(
      names = "--include-activity",
      description = "Adds the window's raw events to the workbook (Activity sheets). Default: off.")
  private boolean includeActivity;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    store.addTo(flags);
    report.addTo(flags);
    return flags;
  }

  @Override
  protected Optional<String> stopNotice() {
    return Optional.of(StopNotices.reports(spec.name()));
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = loadSettings();
    long teamId = settings.requireTeam();
    Map<ReportFormat, ReportStep.ResultWriter> writers =
        ReportWriters.forFormats(settings.formats());
    StoreLayout layout = StoreLayout.of(settings.dataDir(), teamId);
    Manifest manifest = Stores.require(layout, teamId);
    LocalDate today = manifest.snapshotAt().atZone(settings.zone()).toLocalDate();
    MetricsParams params = settings.metricsParams(today);
    Path out = outDir == null ? null : context().workingDir().resolve(outDir);
    if (out == null) {
      WritableDirs.requireReportsDir(
          settings, ReportFiles.under(settings.reportsDir(), teamId, today).directory());
    } else {
      WritableDirs.requireOutDir(out);
    }
    try (MetricsEngine engine = Engines.open(settings.engine())) {
      ReportStep.Outcome outcome =
          ReportStep.run(
              engine,
              layout,
              params,
              writers,
              result ->
                  out == null
                      ? ReportFiles.under(settings.reportsDir(), result)
                      : ReportFiles.in(out, result),
              includeActivity);
      outcome.files().forEach(file -> out().println("Report: " + file));
      FiveLineSummary.lines(outcome.result()).forEach(out()::println);
      out().flush();
      return ExitCodes.OK;
    }
  }
}
