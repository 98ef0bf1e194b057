package dev.labelmeter.metrics.spark;

import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.AtomicFiles;
import dev.labelmeter.store.StoreLayout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Ad-hoc SQL over the tidy tables: registers them as temporary views (from an export directory or
 * straight from a store) and prints a query's result as a text table or writes it as CSV.
 *
 * <pre>{@code
 * SparkSql sql = new SparkSql(spark);
 * sql.register(Path.of("export"), MetricsParams.defaults());
 * sql.print("SELECT login, sum(active_hours) FROM labeler_daily GROUP BY login", System.out, 100);
 * }</pre>
 */
public final class SparkSql {
  /** Rows printed as a text table unless told otherwise. */
  public static final int DEFAULT_MAX_ROWS = 1000;

  private static final int MAX_CELL = 80;

  private final SparkSession spark;

  public SparkSql(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Registers the tables found at {@code dataDir}: an export directory (written by {@link
   * SparkExport}), a team store (with {@code manifest.json}), or a data directory holding exactly
   * one team store. Returns the view names.
   *
   * @throws IOException if {@code dataDir} is none of these
   */
  public List<String> register(Path dataDir, MetricsParams params) throws IOException {
    if (Files.isRegularFile(dataDir.resolve(StoreLayout.MANIFEST))) {
      return registerStore(StoreLayout.at(dataDir), params);
    }
    if (Files.isDirectory(dataDir.resolve(TidyTables.NAMES[0]))) {
      return registerExport(dataDir);
    }
    List<Path> stores = teamStores(dataDir);
    if (stores.size() == 1) {
      return registerStore(StoreLayout.at(stores.get(0)), params);
    }
    throw new IOException(
        dataDir
            + (stores.isEmpty()
                ? " is neither an export directory (with events/, jobs/, ...) nor a team store"
                    + " (with manifest.json): run `labelmeter export` or `labelmeter pull` first"
                : " holds "
                    + stores.size()
                    + " team stores: name one team directory, for example "
                    + stores.get(0)));
  }

  /** Registers the tables of an export directory; returns the view names. */
  public List<String> registerExport(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (String name : TidyTables.NAMES) {
      Path table = dir.resolve(name);
      Path schemaFile = table.resolve(SparkExport.SCHEMA_FILE);
      if (!Files.isRegularFile(schemaFile)) {
        continue;
      }
      StructType schema = (StructType) DataType.fromJson(Files.readString(schemaFile));
      String format = containsParquet(table) ? "parquet" : "csv";
      spark
          .read()
          .format(format)
          .schema(schema)
          .option("header", "true")
          .option("escape", "\"")
          .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
          .load(table.toString())
          .createOrReplaceTempView(name);
      names.add(name);
    }
    if (names.isEmpty()) {
      throw new IOException(dir + " holds no exported table: run `labelmeter export` first");
    }
    return names;
  }

  /** Registers the tables computed straight from a team store; returns the view names. */
  public List<String> registerStore(StoreLayout store, MetricsParams params) throws IOException {
    Map<String, Dataset<Row>> tables = TidyTables.build(StoreSource.of(spark, store), params);
    tables.forEach((name, data) -> data.createOrReplaceTempView(name));
    return List.copyOf(tables.keySet());
  }

  /**
   * Returns the result of {@code query}.
   *
   * @throws SparkQueryException with Spark's message when the query does not parse or analyze
   */
  public Dataset<Row> query(String query) throws SparkQueryException {
    requireReadOnly(query);
    try {
      return spark.sql(query);
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw asQueryException(e);
    }
  }

  /**
   * Prints the result of {@code query} to {@code out} as a text table of at most {@code maxRows}
   * rows; returns the number of rows printed.
   */
  public long print(String query, PrintStream out, int maxRows) throws SparkQueryException {
    Dataset<Row> result = query(query);
    List<Row> rows;
    try {
      rows = result.limit(maxRows + 1).collectAsList();
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw asQueryException(e);
    }
    boolean more = rows.size() > maxRows;
    List<Row> shown = more ? rows.subList(0, maxRows) : rows;
    out.print(TextTable.render(result.schema().fieldNames(), shown, MAX_CELL));
    out.println(
        shown.size()
            + (shown.size() == 1 ? " row" : " rows")
            + (more ? " shown; more rows not shown (write them all with --out FILE.csv)" : ""));
    return shown.size();
  }

  /** Writes the whole result of {@code query} to {@code csv}; returns the number of rows. */
  public long writeCsv(String query, Path csv) throws SparkQueryException, IOException {
    Dataset<Row> result = query(query);
    String[] header = result.schema().fieldNames();
    long[] count = {0};
    try {
      AtomicFiles.write(
          csv,
          stream -> {
            BufferedWriter writer =
                new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            writer.write(Csv.line(header));
            Iterator<Row> it = result.toLocalIterator();
            while (it.hasNext()) {
              writer.write(Csv.line(TextTable.cells(it.next())));
              count[0]++;
            }
            writer.flush();
          });
    } catch (IOException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
      throw asQueryException(e);
    }
    return count[0];
  }

  /**
   * Refuses a statement that would write files or change tables ({@code INSERT OVERWRITE
   * DIRECTORY}, {@code DROP TABLE}, ...): Spark runs such commands as soon as they are planned, so
   * the check is made on the parsed plan, before anything runs.
   */
  private void requireReadOnly(String query) throws SparkQueryException {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(query);
    } catch (Exception e) { // Spark's ParseException is checked in Java's eyes
      throw asQueryException(e);
    }
    if (changesData(plan)) {
      throw new SparkQueryException(
          "labelmeter sql runs read-only queries (SELECT, WITH ... SELECT, SHOW, DESCRIBE); this"
              + " statement would write or change data ("
              + plan.nodeName()
              + "): write the result with --out FILE.csv instead",
          null);
    }
  }

  private static boolean changesData(LogicalPlan plan) {
    String name = plan.getClass().getSimpleName();
    boolean readOnlyCommand = name.startsWith("Show") || name.startsWith("Describe");
    if ((plan instanceof Command && !readOnlyCommand) || name.startsWith("Insert")) {
      return true;
    }
    for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
      if (changesData(child)) {
        return true;
      }
    }
    return false;
  }

  private static SparkQueryException asQueryException(Exception e) {
    Throwable t = e;
    while (t != null && !(t instanceof SparkThrowable)) {
      t = t.getCause();
    }
    if (t == null && e instanceof RuntimeException runtime) {
      throw runtime;
    }
    return new SparkQueryException((t == null ? e : t).getMessage(), e);
  }

  private static boolean containsParquet(Path table) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(table, "*.parquet")) {
      return files.iterator().hasNext();
    }
  }

  private static List<Path> teamStores(Path dataDir) throws IOException {
    List<Path> stores = new ArrayList<>();
    if (Files.isDirectory(dataDir)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dataDir)) {
        for (Path d : dirs) {
          if (Files.isRegularFile(d.resolve(StoreLayout.MANIFEST))) {
            stores.add(d);
          }
        }
      }
    }
    stores.sort(null);
    return stores;
  }
}
