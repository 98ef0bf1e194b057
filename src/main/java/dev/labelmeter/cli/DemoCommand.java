package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.pipeline.Engines;
import dev.labelmeter.cli.pipeline.NightlyJob;
import dev.labelmeter.cli.pipeline.ReportStep;
import dev.labelmeter.cli.pipeline.ReportWriters;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.pull.PullException;
import dev.labelmeter.pull.PullOptions;
import dev.labelmeter.pull.SuperviselySource;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code labelmeter demo}: the nightly job against the built-in simulator. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs the whole nightly job against a simulated Supervisely team: starts the simulator on a"
          + " free loopback port, pulls the team over HTTP into <data-dir>/demo/, computes the"
          + " metrics, writes the workbook and the HTML report into <reports-dir>/<team>/<date>/"
          + " and stops the simulator. Needs no server, token or configuration.",
      ""
    })
final class DemoCommand extends BaseCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Mixin private ReportOptions report;

  @Option(
      names = "--team-size",
      paramLabel = "SIZE",
      description =
          "Simulates a team of this size: small, medium (about 20 people, 200 jobs) or large."
              + " Default: medium.")
  private String size = "medium";

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Generates the team from this seed; the same seed gives the same team." + " Default: 7.")
  private long seed = 7;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Keeps the demo store in DIR. Default: demo/ under the data-dir of the configuration.")
  private Path dataDir;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    report.addTo(flags);
    return flags;
  }

  @Override
  protected Optional<String> stopNotice() {
    return Optional.of(StopNotices.storeAndReports(spec.name()));
  }

  @Override
  public Integer call() throws IOException, PullException {
    TeamSize teamSize = parseSize();
    Settings settings = loadSettings();
    Map<ReportFormat, ReportStep.ResultWriter> writers =
        ReportWriters.forFormats(settings.formats());
    settings.metricsParams(context().clock().instant().atZone(settings.zone()).toLocalDate());
    WritableDirs.requireReportsDir(settings, settings.reportsDir());
    Path store =
        dataDir == null
            ? settings.dataDir().resolve("demo")
            : context().workingDir().resolve(dataDir);
    try (SimulatorServer simulator = startSimulator(teamSize);
        MetricsEngine engine = Engines.open(settings.engine())) {
      SuperviselyApi api =
          SuperviselyApi.builder().server(simulator.baseUrl()).token(simulator.token()).build();
      NightlyJob.Target target =
          new NightlyJob.Target(
              simulator.teamId(), store, settings.reportsDir(), context().clock(), progress());
      NightlyJob.Outcome outcome =
          NightlyJob.run(settings, target, new SuperviselySource(api), engine, writers);
      out()
          .println(
              "Demo team "
                  + simulator.teamId()
                  + " ("
                  + teamSize.label()
                  + ", seed "
                  + seed
                  + "), served by the simulator at "
                  + simulator.baseUrl());
      NightlyJob.printout(outcome).forEach(out()::println);
      out().flush();
      return outcome.pull().complete() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  private SimulatorServer startSimulator(TeamSize teamSize) throws IOException {
    long start = System.nanoTime();
    SimulatorServer simulator =
        SimulatorServer.builder()
            .teamSize(teamSize)
            .seed(seed)
            .now(context().clock().instant())
            .port(0)
            .build()
            .start();
    LOG.info(
        "simulator: {} team {} with {} jobs and {} events at {} in {} ms",
        teamSize.label(),
        simulator.teamId(),
        simulator.jobs().size(),
        simulator.eventCount(),
        simulator.baseUrl(),
        (System.nanoTime() - start) / 1_000_000);
    return simulator;
  }

  private TeamSize parseSize() {
    try {
      return TeamSize.parse(size);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--team-size '" + size + "' is not a team size; use small, medium or large");
    }
  }

  /** Returns the pull's progress display: none with {@code -q}, else a bar or log lines. */
  private PullOptions.ProgressMode progress() {
    return globals.verbosity() < 0 ? PullOptions.ProgressMode.NONE : PullOptions.ProgressMode.AUTO;
  }
}
