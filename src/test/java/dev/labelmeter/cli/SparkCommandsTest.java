package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.StoreJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export}, {@code sql} and {@code --engine spark} on a generated small team. */
class SparkCommandsTest {
  @TempDir static Path home;
  private static long team;

  @BeforeAll
  static void generate() throws IOException {
    CliRun.Result result =
        new CliRun(home).run("simulator", "generate", "--size", "small", "--out", "data");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    try (var dirs = Files.list(home.resolve("data"))) {
      team = Long.parseLong(dirs.findFirst().orElseThrow().getFileName().toString());
    }
  }

  @Test
  void exportThenSqlCountsTheSameEvents() {
    CliRun.Result exported =
        cli().run("export", "--team", id(), "--format", "csv", "--out", "export");

    assertThat(exported.exitCode()).as(exported.err()).isEqualTo(ExitCodes.OK);
    long exportedEvents = rowsOf(exported.out(), "events");
    assertThat(exportedEvents).isPositive();
    assertThat(home.resolve("export/events")).isDirectory();

    CliRun.Result counted =
        cli().run("sql", "--data", "export", "SELECT COUNT(*) AS n FROM events");

    assertThat(counted.exitCode()).as(counted.err()).isEqualTo(ExitCodes.OK);
    assertThat(counted.out()).contains(Long.toString(exportedEvents));
  }

  @Test
  void aBadColumnIsAOneLineUsageErrorWithSparksFirstLineAndAHint() {
    CliRun.Result result = cli().run("sql", "--team", id(), "SELECT nope FROM jobs");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith("labelmeter: the query failed: [UNRESOLVED_COLUMN")
        .contains("`nope`")
        .contains("SHOW TABLES")
        .contains("DESCRIBE jobs")
        .doesNotContain("'Project")
        .doesNotContain("\tat ");
  }

  @Test
  void theHintsQueriesListTheTablesAndTheirColumns() {
    CliRun.Result tables = cli().run("sql", "--team", id(), "SHOW TABLES");
    CliRun.Result columns = cli().run("sql", "--team", id(), "DESCRIBE jobs");

    assertThat(tables.exitCode()).as(tables.err()).isEqualTo(ExitCodes.OK);
    assertThat(tables.out()).contains("labeler_daily").contains("job_images");
    assertThat(columns.exitCode()).as(columns.err()).isEqualTo(ExitCodes.OK);
    assertThat(columns.out()).contains("job_id").contains("labeler_login");
  }

  @Test
  void dataThatDoesNotExistIsAUsageErrorNamingIt() {
    CliRun.Result result = cli().run("sql", "--data", "nowhere", "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("labelmeter: " + home.resolve("nowhere") + " (--data nowhere) does not exist")
        .contains("labelmeter export");
  }

  @Test
  void aTeamWithoutAStoreIsAUsageErrorBeforeSparkStarts() {
    CliRun.Result result = cli().run("sql", "--team", "424242", "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("labelmeter: " + home.resolve("data/424242"))
        .contains("(the store of team 424242 in data-dir) does not exist");
  }

  @Test
  void anOutFileThatCannotBeWrittenIsAUsageErrorBeforeTheQueryRuns() throws IOException {
    Files.writeString(home.resolve("blocker.txt"), "a file, not a folder");
    Files.createDirectories(home.resolve("a-folder.csv"));

    CliRun.Result inFile =
        cli().run("sql", "--team", id(), "--out", "blocker.txt/rows.csv", "SELECT 1");
    CliRun.Result folder = cli().run("sql", "--team", id(), "--out", "a-folder.csv", "SELECT 1");

    assertThat(inFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(inFile.err().lines())
        .containsExactly(
            "labelmeter: cannot write "
                + home.resolve("blocker.txt/rows.csv")
                + ": "
                + home.resolve("blocker.txt")
                + " is a file, not a directory (set by flag --out); give a file in a directory"
                + " you can write to with --out FILE");
    assertThat(folder.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(folder.err())
        .startsWith(
            "labelmeter: cannot write "
                + home.resolve("a-folder.csv")
                + ": "
                + home.resolve("a-folder.csv")
                + " is a directory, not a file");
  }

  @Test
  void dataWithoutTablesIsAUsageErrorNamingIt() throws IOException {
    Files.createDirectories(home.resolve("empty"));

    CliRun.Result result = cli().run("sql", "--data", "empty", "SELECT 1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("(--data empty) holds neither exported tables");
  }

  @Test
  void theSparkEngineGivesTheSameSummaryAsTablesaw() throws IOException {
    CliRun.Result tablesaw =
        cli().run("report", "--team", id(), "--format", "json", "--out", "tablesaw");
    CliRun.Result spark =
        cli()
            .run(
                "report",
                "--team",
                id(),
                "--format",
                "json",
                "--out",
                "spark",
                "--engine",
                "spark");

    assertThat(tablesaw.exitCode()).as(tablesaw.err()).isEqualTo(ExitCodes.OK);
    assertThat(spark.exitCode()).as(spark.err()).isEqualTo(ExitCodes.OK);
    JsonNode fromTablesaw = onlyJson(home.resolve("tablesaw")).get("summary");
    JsonNode fromSpark = onlyJson(home.resolve("spark")).get("summary");
    for (String field :
        List.of(
            "teamImagesFinished",
            "teamObjectsCreated",
            "accepted",
            "rejected",
            "activeUsers",
            "jobsTotal",
            "staleJobs",
            "remainingImages")) {
      assertThat(fromSpark.get(field)).as(field).isEqualTo(fromTablesaw.get(field));
    }
    assertThat(fromSpark.get("teamActiveHours").asDouble())
        .isCloseTo(
            fromTablesaw.get("teamActiveHours").asDouble(),
            org.assertj.core.api.Assertions.withinPercentage(1e-7));
  }

  private static CliRun cli() {
    return new CliRun(home);
  }

  private static String id() {
    return Long.toString(team);
  }

  private static long rowsOf(String table, String name) {
    Matcher row = Pattern.compile("(?m)^" + name + "\\s+(\\d+)$").matcher(table);
    assertThat(row.find()).as(table).isTrue();
    return Long.parseLong(row.group(1));
  }

  private static JsonNode onlyJson(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return StoreJson.MAPPER.readTree(files.findFirst().orElseThrow().toFile());
    }
  }
}
