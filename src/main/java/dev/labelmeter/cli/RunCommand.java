package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.pipeline.Engines;
import dev.labelmeter.cli.pipeline.NightlyJob;
import dev.labelmeter.cli.pipeline.ReportFiles;
import dev.labelmeter.cli.pipeline.ReportStep;
import dev.labelmeter.cli.pipeline.ReportWriters;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.pull.PullException;
import dev.labelmeter.pull.PullOptions;
import dev.labelmeter.pull.SuperviselySource;
import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code labelmeter run}: the nightly job. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "The nightly job: pulls the team's jobs, stats and activity into the store, computes the"
          + " metrics and writes the workbook and the HTML report into"
          + " <reports-dir>/<team>/<date>/, then prints where they are and a five-line summary."
          + " Re-running the same night replaces that night's reports.",
      "Exits 0 when done, 1 when the server or the disk failed (the reports still show what was"
          + " fetched when only some jobs failed), 2 when the command line or configuration is"
          + " wrong, the token is refused or the team is unknown.",
      ""
    })
final class RunCommand extends BaseCommand {
  @Mixin private TeamOptions team;
  @Mixin private ServerOptions server;
  @Mixin private PullFlags pull;
  @Mixin private StoreOptions store;
  @Mixin private ReportOptions report;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    server.addTo(flags);
    pull.addTo(flags);
    store.addTo(flags);
    report.addTo(flags);
    return flags;
  }

  @Override
  protected Optional<String> stopNotice() {
    return Optional.of(StopNotices.storeAndReports(spec.name()));
  }

  @Override
  public Integer call() throws IOException, PullException {
    Settings settings = loadSettings();
    long teamId = settings.requireTeam();
    Map<ReportFormat, ReportStep.ResultWriter> writers =
        ReportWriters.forFormats(settings.formats());
    // The snapshot is taken now: check the window and both folders before the network.
    LocalDate today = context().clock().instant().atZone(settings.zone()).toLocalDate();
    settings.metricsParams(today);
    WritableDirs.requireReportsDir(
        settings, ReportFiles.under(settings.reportsDir(), teamId, today).directory());
    WritableDirs.requireDataDir(settings, StoreLayout.of(settings.dataDir(), teamId).teamDir());
    SuperviselyApi api = ServerConnection.open(settings, context().env());
    NightlyJob.Target target =
        new NightlyJob.Target(
            teamId, settings.dataDir(), settings.reportsDir(), context().clock(), progress());
    try (MetricsEngine engine = Engines.open(settings.engine())) {
      NightlyJob.Outcome outcome =
          NightlyJob.run(settings, target, new SuperviselySource(api), engine, writers);
      NightlyJob.printout(outcome).forEach(out()::println);
      out().flush();
      return outcome.pull().complete() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  /** Returns the pull's progress display: none with {@code -q}, else a bar or log lines. */
  private PullOptions.ProgressMode progress() {
    return globals.verbosity() < 0 ? PullOptions.ProgressMode.NONE : PullOptions.ProgressMode.AUTO;
  }
}
