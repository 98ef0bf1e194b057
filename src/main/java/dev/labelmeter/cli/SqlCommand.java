package dev.labelmeter.cli;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.metrics.spark.SparkQueryException;
import dev.labelmeter.metrics.spark.SparkTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code labelmeter sql}: ad-hoc SQL over the tidy tables. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs a Spark SQL query over the tidy tables (events, sessions, labeler_daily, jobs,"
          + " job_images, classes) of an export directory or a team store, and prints the result"
          + " as a table (at most 1000 rows) or writes it all as CSV.",
      ""
    })
final class SqlCommand extends BaseCommand {
  private static final Logger LOG = LoggerFactory.getLogger(SqlCommand.class);

  @Mixin private TeamOptions team;
  @Mixin private StoreOptions store;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Queries the tables in DIR: an export directory, a team store, or a data directory"
              + " with one team. Default: the store of --team in the data directory.")
  private Path data;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Writes every row to FILE as CSV instead of printing. Default: print.")
  private Path csv;

  @Parameters(paramLabel = "QUERY", description = "The SQL query, e.g. \"SELECT * FROM jobs\".")
  private String query;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    store.addTo(flags);
    return flags;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = loadSettings();
    Path tables = tables(settings);
    try {
      if (csv != null) {
        Path file = context().workingDir().resolve(csv);
        long rows = SparkTools.sql(tables, query, file);
        LOG.info("sql: wrote {} rows to {}", rows, file);
        out().println(file);
      } else {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SparkTools.sql(tables, query, new PrintStream(text, true, StandardCharsets.UTF_8));
        out().print(text.toString(StandardCharsets.UTF_8));
      }
      out().flush();
      return ExitCodes.OK;
    } catch (SparkQueryException e) {
      throw new ConfigException("the query failed: " + e.getMessage());
    }
  }

  private Path tables(Settings settings) {
    if (data != null) {
      return context().workingDir().resolve(data);
    }
    return settings
        .team()
        .map(id -> settings.dataDir().resolve(Long.toString(id)))
        .orElse(settings.dataDir());
  }
}
