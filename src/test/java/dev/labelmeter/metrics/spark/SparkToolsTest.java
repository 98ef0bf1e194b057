package dev.labelmeter.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store reading, window streaming, export and SQL on one shared session. */
class SparkToolsTest {
  private static final LocalDate MARCH_5 = LocalDate.parse("2024-03-05");
  private static final MetricsParams WEEK =
      MetricsParams.defaults()
          .withWindow(new DateWindow(LocalDate.parse("2024-03-04"), LocalDate.parse("2024-03-11")));

  private static SparkEngine engine;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    QuietSparkLogs.apply();
    engine = SparkEngine.start("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    engine.close();
  }

  @Test
  void partitionsOutsideTheWindowAreNeverRead() throws IOException {
    StoreLayout store =
        new TestStore(dir, 3)
            .event(7, "bob", "create_figure", "2024-03-05T10:00:00Z", 1L, 1L, "{}")
            .event(7, "bob", "create_figure", "2024-03-01T10:00:00Z", 1L, 1L, "{}")
            .write("2024-03-06T00:00:00Z");
    Files.write(store.activityDay(LocalDate.parse("2024-03-01")), "not gzip".getBytes());
    MetricsParams oneDay =
        MetricsParams.defaults().withWindow(new DateWindow(MARCH_5, MARCH_5.plusDays(1)));

    List<ActivityRow> rows = stream(store, oneDay);

    assertThat(rows)
        .extracting(ActivityRow::date)
        .containsExactly(Instant.parse("2024-03-05T10:00:00Z"));
    String plan =
        StoreSource.of(engine.session(), store)
            .rawEventLines(MARCH_5, MARCH_5)
            .queryExecution()
            .executedPlan()
            .toString();
    assertThat(plan).contains("PartitionFilters").contains("2024-03-05");
  }

  @Test
  void windowEventsKeepTheOrderReceivedForEqualInstantsAcrossManyLines() throws IOException {
    TestStore builder = new TestStore(dir, 4);
    for (long image = 5000; image > 0; image--) {
      builder.event(7, "bob", "create_figure", "2024-03-05T10:00:00Z", 1L, image, "{}");
    }
    builder.event(7, "bob", "create_figure", "2024-03-05T09:59:59.999999999Z", 1L, 0L, "{}");
    StoreLayout store = builder.write("2024-03-06T00:00:00Z");

    List<ActivityRow> rows = stream(store, WEEK);

    assertThat(rows).hasSize(5001);
    assertThat(rows.get(0).imageId()).isEqualTo(0L);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).imageId()).isEqualTo(5001L - i);
    }
  }

  @Test
  void anEventFieldNamedLikeThePartitionDoesNotReplaceAnything() throws IOException {
    StoreLayout store =
        new TestStore(dir, 5)
            .raw(
                MARCH_5,
                "{\"userId\":7,\"action\":\"create_figure\",\"date\":\"2024-03-05T23:30:00-02:00\","
                    + "\"day\":\"1999-01-01\",\"stored_day\":\"x\",\"jobId\":1,\"meta\":{}}")
            .write("2024-03-07T00:00:00Z");

    List<ActivityRow> rows = stream(store, WEEK);

    assertThat(rows)
        .extracting(ActivityRow::date)
        .containsExactly(Instant.parse("2024-03-06T01:30:00Z"));
    Row raw = StoreSource.of(engine.session(), store).events(null, null).first();
    assertThat(raw.<String>getAs(StoreSource.STORED_DAY)).isEqualTo("2024-03-05");
  }

  @Test
  void anActivityDirectoryPartitionedByDateIsRefusedWithAClearMessage() throws IOException {
    StoreLayout store = new TestStore(dir, 6).write("2024-03-07T00:00:00Z");
    Path wrong = store.activityDir().resolve("date=2024-03-05");
    Files.createDirectories(wrong);
    Files.copy(
        new TestStore(dir.resolve("other"), 1)
            .event(7, "bob", "create_figure", "2024-03-05T10:00:00Z", 1L, 1L, "{}")
            .write("2024-03-07T00:00:00Z")
            .activityDay(MARCH_5),
        wrong.resolve("events.jsonl.gz"));

    assertThatThrownBy(() -> stream(store, WEEK))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("date=2024-03-05")
        .hasMessageContaining("day=YYYY-MM-DD");
  }

  @Test
  void aStoreWithoutManifestAsksForAPull() {
    assertThatThrownBy(() -> engine.compute(StoreLayout.of(dir, 99), WEEK))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("labelmeter pull");
  }

  @Test
  void exportedParquetAndCsvTablesAnswerTheSameQueries() throws Exception {
    StoreLayout store = SparkEngineTest.teamWeek(dir);
    SparkExport export = new SparkExport(engine.session());

    Map<String, Long> counts =
        export.export(store, WEEK, ExportFormat.PARQUET, dir.resolve("parquet"));
    export.export(store, WEEK, ExportFormat.CSV, dir.resolve("csv"));

    assertThat(counts.keySet())
        .containsExactly("events", "sessions", "labeler_daily", "jobs", "job_images", "classes");
    assertThat(counts.get("job_images")).isEqualTo(5);
    String query =
        "SELECT login, CAST(round(sum(active_hours) * 3600) AS BIGINT) AS seconds,"
            + " sum(sessions_started) AS sessions FROM labeler_daily GROUP BY login ORDER BY login";
    for (String format : List.of("parquet", "csv")) {
      SparkSql sql = new SparkSql(engine.session());
      sql.register(dir.resolve(format), MetricsParams.defaults());
      List<Row> rows = sql.query(query).collectAsList();
      assertThat(rows).extracting(Row::toString).containsExactly("[anna,120,1]", "[bob,520,2]");
      assertThat(sql.query("SELECT count(*) FROM sessions").first().getLong(0)).isEqualTo(3);
    }
  }

  @Test
  void sqlPrintsATextTableAndWritesCsvStraightFromAStore() throws Exception {
    StoreLayout store = SparkEngineTest.teamWeek(dir);
    SparkSql sql = new SparkSql(engine.session());
    sql.register(store.teamDir(), WEEK);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    sql.print(
        "SELECT job_id, name, labeled, images FROM jobs ORDER BY job_id",
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        2);
    long written =
        sql.writeCsv(
            "SELECT '=1+1' AS formula, name FROM jobs ORDER BY job_id", dir.resolve("q.csv"));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("| job_id | name  | labeled | images |")
        .contains("| 100    | Cars  | 3       | 4      |")
        .contains("2 rows shown; more rows not shown");
    assertThat(written).isEqualTo(3);
    assertThat(Files.readAllLines(dir.resolve("q.csv")))
        .containsExactly("formula,name", "'=1+1,Cars", "'=1+1,Trees", "'=1+1,Later");
  }

  @Test
  void aBadQueryGivesSparksMessage() throws Exception {
    StoreLayout store = SparkEngineTest.teamWeek(dir);
    SparkSql sql = new SparkSql(engine.session());
    sql.register(store.teamDir(), WEEK);

    assertThatThrownBy(() -> sql.query("SELEC * FROM jobs"))
        .isInstanceOf(SparkQueryException.class)
        .hasMessageContaining("PARSE_SYNTAX_ERROR");
    assertThatThrownBy(() -> sql.query("SELECT no_such_column FROM jobs"))
        .isInstanceOf(SparkQueryException.class)
        .hasMessageContaining("no_such_column");
  }

  @Test
  void aStatementThatWritesOrDropsIsRefusedBeforeItRuns() throws Exception {
    StoreLayout store = SparkEngineTest.teamWeek(dir);
    SparkSql sql = new SparkSql(engine.session());
    sql.register(store.teamDir(), WEEK);
    Path target = dir.resolve("overwritten");

    assertThatThrownBy(
            () ->
                sql.query(
                    "INSERT OVERWRITE DIRECTORY '" + target + "' USING csv SELECT * FROM jobs"))
        .isInstanceOf(SparkQueryException.class)
        .hasMessageContaining("read-only queries");
    assertThatThrownBy(() -> sql.query("DROP TABLE jobs"))
        .isInstanceOf(SparkQueryException.class)
        .hasMessageContaining("read-only queries");

    assertThat(target).doesNotExist();
    assertThat(sql.query("SELECT count(*) FROM jobs").collectAsList()).hasSize(1);
  }

  private static List<ActivityRow> stream(StoreLayout store, MetricsParams params)
      throws IOException {
    List<ActivityRow> rows = new ArrayList<>();
    engine.windowActivity(store, params).forEach(rows::add);
    return rows;
  }
}
