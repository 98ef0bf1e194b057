package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Origin;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.output.TextTable;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.spark.ExportFormat;
import dev.labelmeter.metrics.spark.SparkTools;
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
import picocli.CommandLine.ParameterException;

/** {@code labelmeter export}: the tidy tables of a store, for data engineers. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes a team's store as tidy tables for ad-hoc analysis (events, sessions,"
          + " labeler_daily, jobs, job_images, classes; columns in docs/spark.md), as Parquet or"
          + " CSV, one folder per table. Runs on an embedded Spark.",
      ""
    })
final class ExportCommand extends BaseCommand {
  @Mixin private TeamOptions team;
  @Mixin private StoreOptions store;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Writes parquet or csv files. Default: parquet.")
  private String format = "parquet";

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Writes the tables into DIR, one folder each. Required; there is no default.")
  private Path out;

  @Option(
      names = "--window",
      paramLabel = "WINDOW",
      description =
          "Exports only the events of these dates (syntax of 'report --window'). Default: every"
              + " event of the store.")
  private String window;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "Turns event times into dates in this zone. Default: 'report.zone' of the"
              + " configuration, UTC.")
  private String zone;

  @Option(
      names = "--idle-threshold",
      paramLabel = "DURATION",
      description =
          "Splits sessions at gaps longer than this. Default: 'report.idle-threshold', 5m.")
  private String idleThreshold;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    store.addTo(flags);
    FlagValue.put(flags, Setting.WINDOW, "--window", window);
    FlagValue.put(flags, Setting.ZONE, "--zone", zone);
    FlagValue.put(flags, Setting.IDLE_THRESHOLD, "--idle-threshold", idleThreshold);
    return flags;
  }

  @Override
  protected Optional<String> stopNotice() {
    return Optional.of(StopNotices.tables(spec.name(), context().workingDir().resolve(out)));
  }

  @Override
  public Integer call() throws IOException {
    ExportFormat exportFormat = exportFormat();
    Settings settings = loadSettings();
    long teamId = settings.requireTeam();
    StoreLayout layout = StoreLayout.of(settings.dataDir(), teamId);
    Manifest manifest = Stores.require(layout, teamId);
    MetricsParams params = params(settings, manifest);
    Path target = context().workingDir().resolve(out);

    Map<String, Long> rows = SparkTools.export(layout, params, exportFormat, target);
    TextTable table = TextTable.withHeaders("TABLE", "ROWS").alignRight(1);
    rows.forEach(table::addRow);
    out().println("Exported team " + teamId + " to " + target + " as " + exportFormat.id());
    table.print(out());
    return ExitCodes.OK;
  }

  /** Returns the parameters: the window only when asked for on the command line. */
  private static MetricsParams params(Settings settings, Manifest manifest) {
    LocalDate today = manifest.snapshotAt().atZone(settings.zone()).toLocalDate();
    MetricsParams params = settings.metricsParams(today);
    boolean windowAsked = settings.origin(Setting.WINDOW).kind() == Origin.Kind.FLAG;
    return windowAsked
        ? params
        : new MetricsParams(
            Optional.empty(),
            params.zone(),
            params.idleThreshold(),
            params.staleDays(),
            params.statsDurationUnit());
  }

  private ExportFormat exportFormat() {
    try {
      return ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
