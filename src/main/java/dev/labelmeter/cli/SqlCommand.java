package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.metrics.spark.SparkQueryException;
import dev.labelmeter.metrics.spark.SparkTools;
import dev.labelmeter.store.StoreLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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

  /** The tables of {@code labelmeter export}, as in docs/spark.md. */
  private static final List<String> EXPORTED_TABLES =
      List.of("events", "sessions", "labeler_daily", "jobs", "job_images", "classes");

  /** How to see the tables and their columns, printed after a failed query. */
  static final String COLUMNS_HINT =
      "list the tables with \"SHOW TABLES\" and a table's columns with \"DESCRIBE jobs\""
          + " (the columns of every table are in docs/spark.md)";

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
    Path file = csv == null ? null : context().workingDir().resolve(csv);
    if (file != null) {
      WritableDirs.requireOutFile(file);
    }
    try {
      if (file != null) {
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
      // The full text, with Spark's logical plan, is in the log file with the cause.
      throw new UsageException(
          "the query failed: " + firstLine(e.getMessage()) + "; " + COLUMNS_HINT, e);
    }
  }

  /** Returns the first line of Spark's message, without the logical plan that follows it. */
  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "Spark gave no reason";
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * Returns the directory of the tables: {@code --data}, else the store of the team, else the data
   * directory.
   *
   * @throws UsageException if it is not a directory holding an export or a team store
   */
  private Path tables(Settings settings) {
    if (data != null) {
      Path dir = context().workingDir().resolve(data);
      requireTables(dir, "--data " + data);
      return dir;
    }
    Path dir =
        settings
            .team()
            .map(id -> settings.dataDir().resolve(Long.toString(id)))
            .orElse(settings.dataDir());
    requireTables(
        dir,
        settings.team().isPresent()
            ? "the store of team " + settings.team().get() + " in data-dir"
            : "data-dir, with no team given");
    return dir;
  }

  private static void requireTables(Path dir, String given) {
    String fix =
        "; give --data an export directory ('labelmeter export --out DIR') or a team store"
            + " ('labelmeter pull --team N' writes <data-dir>/<team>)";
    if (!Files.exists(dir)) {
      throw new UsageException(dir + " (" + given + ") does not exist" + fix);
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + " (" + given + ") is a file, not a directory" + fix);
    }
    if (Files.isRegularFile(dir.resolve(StoreLayout.MANIFEST))
        || EXPORTED_TABLES.stream().anyMatch(table -> Files.isDirectory(dir.resolve(table)))) {
      return;
    }
    List<Path> stores = teamStores(dir);
    if (stores.isEmpty()) {
      throw new UsageException(
          dir
              + " ("
              + given
              + ") holds neither exported tables (events/, jobs/, ...) nor a team store"
              + " (manifest.json)"
              + fix);
    }
    if (stores.size() > 1) {
      throw new UsageException(
          dir
              + " ("
              + given
              + ") holds "
              + stores.size()
              + " team stores; name one with --team N or --data, for example --data "
              + stores.get(0));
    }
  }

  /** Returns the team stores (folders with a manifest) directly in {@code dir}, sorted. */
  private static List<Path> teamStores(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(child -> Files.isRegularFile(child.resolve(StoreLayout.MANIFEST)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
