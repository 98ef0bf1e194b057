package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.JsonLinesWriter;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labelmeter report} on a hand-made store: one labeler creates three objects at 10:00:00,
 * 10:01:00 and 10:03:00 UTC on 28 November 2026; the snapshot is 30 November 02:00 UTC.
 */
class ReportCommandTest {
  private static final Instant SNAPSHOT = Instant.parse("2026-11-30T02:00:00Z");
  private static final long TEAM = 4;

  @TempDir Path home;

  @BeforeEach
  void writeStore() throws IOException {
    StoreLayout layout = StoreLayout.of(home.resolve("data"), TEAM);
    try (JsonLinesWriter jobs = JsonLinesWriter.open(layout.jobs())) {
      jobs.write(
          json(
              "{\"id\":11,\"name\":\"cats\",\"teamId\":4,\"status\":\"in_progress\","
                  + "\"userId\":5,\"labelerLogin\":\"ana\",\"imagesCount\":2,"
                  + "\"createdAt\":\"2026-11-20T08:00:00.000Z\",\"entities\":[]}"));
      jobs.commit();
    }
    try (JsonLinesWriter events =
        JsonLinesWriter.open(layout.activityDay(LocalDate.of(2026, 11, 28)))) {
      for (String time : List.of("10:00:00", "10:01:00", "10:03:00")) {
        events.write(event("2026-11-28T" + time + ".000Z"));
      }
      events.commit();
    }
    new Manifest(
            Manifest.FORMAT_VERSION,
            TEAM,
            SNAPSHOT,
            "http://test.invalid",
            Map.of(),
            Map.of("jobs", 1L, "events", 3L),
            new Manifest.ActivityRange(Instant.parse("2026-10-26T02:00:00Z"), SNAPSHOT, 3L, true),
            List.of(),
            List.of(),
            Map.of())
        .write(layout);
  }

  @Test
  void computesFromTheStoreWithTheWindowRelativeToTheSnapshot() throws IOException {
    CliRun.Result result = run("report", "--team", "4", "--format", "json,html", "--out", "out");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = readJson("out/labelmeter-team4-2026-11-30.json");
    assertThat(report.at("/params/from").asText()).isEqualTo("2026-11-23");
    assertThat(report.at("/params/to").asText()).isEqualTo("2026-11-30");
    assertThat(report.at("/summary/teamObjectsCreated").asLong()).isEqualTo(3);
    // Gaps of 60 s and 120 s, both within 5 minutes: 180 s = 0.05 h.
    assertThat(report.at("/summary/teamActiveHours").asDouble()).isCloseTo(0.05, within(1e-12));
    assertThat(home.resolve("out/labelmeter-team4-2026-11-30.html")).isRegularFile();
    assertThat(result.out())
        .contains("Team 4: 2026-11-23 through 2026-11-29 (UTC)")
        .contains("Work: 0.1 active hours");
  }

  @Test
  void aDamagedDayPartitionIsNamedWithThePullThatFetchesItAgain() throws IOException {
    Path partition =
        StoreLayout.of(home.resolve("data"), TEAM).activityDay(LocalDate.of(2026, 11, 28));
    Files.writeString(partition, "not gzip at all\n");

    CliRun.Result result = run("report", "--team", "4", "--format", "json", "--out", "out");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "labelmeter: "
                + partition.toAbsolutePath().normalize()
                + " is damaged: it is not valid gzip data (Not in GZIP format); delete the file and"
                + " run"
                + " 'labelmeter pull --team 4 --data-dir "
                + home.resolve("data").toAbsolutePath().normalize()
                + " --since 2026-11-28' to fetch that day again (the other days are kept)");
  }

  @Test
  void theIdleThresholdAndZoneFlagsReachTheEngine() throws IOException {
    CliRun.Result result =
        run(
            "report",
            "--team",
            "4",
            "--format",
            "json",
            "--out",
            "out",
            "--idle-threshold",
            "90s",
            "--zone",
            "Asia/Tokyo",
            "--window",
            "yesterday");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    JsonNode report = readJson("out/labelmeter-team4-2026-11-30.json");
    // In Tokyo the snapshot is 30 November 11:00, so yesterday is 29 November; the events fell
    // on 28 November 19:00 local time: outside the window, but sessions are still computed.
    assertThat(report.at("/params/zone").asText()).isEqualTo("Asia/Tokyo");
    assertThat(report.at("/params/idleThresholdSeconds").asLong()).isEqualTo(90);
    assertThat(report.at("/params/from").asText()).isEqualTo("2026-11-29");
    assertThat(report.at("/summary/teamActiveHours").asDouble()).isZero();
    // The previous window is 28 November, holding only the 60 s gap under a 90 s threshold.
    assertThat(report.at("/summary/previous/teamActiveHours").asDouble())
        .isCloseTo(60.0 / 3600, within(1e-12));
  }

  @Test
  void writesIntoTheNightFolderByDefaultAndReplacesItOnRerun() throws IOException {
    assertThat(run("report", "--team", "4", "--format", "json").exitCode()).isEqualTo(0);
    CliRun.Result again = run("report", "--team", "4", "--format", "json,html");

    assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
    try (Stream<Path> files = Files.list(home.resolve("reports/4/2026-11-30"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "labelmeter-team4-2026-11-30.json", "labelmeter-team4-2026-11-30.html");
    }
  }

  @Test
  void fromAfterTheSnapshotDateIsAUsageErrorNamingTheFlagAndTheDate() {
    CliRun.Result result = run("report", "--team", "4", "--from", "2026-12-05");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("labelmeter: the window '2026-12-05..' (flag --from/--to)")
        .contains("snapshot date 2026-11-30")
        .contains("choose dates before 2026-11-30");
    assertThat(home.resolve("reports")).doesNotExist();
  }

  @Test
  void aReportsDirThatIsAFileIsAUsageErrorNamingTheLineOfTheConfiguration() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf/labelmeter.yaml"), "team: 4\nreports-dir: blocked\n");
    Files.writeString(home.resolve("blocked"), "a file");

    CliRun.Result result = run("report", "--format", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("labelmeter: cannot write the reports: " + home.resolve("blocked"))
        .contains("is a file, not a directory, so " + home.resolve("blocked/4/2026-11-30"))
        .contains("set by " + home.resolve("conf/labelmeter.yaml") + " line 2")
        .contains("'reports-dir:' in " + home.resolve("conf/labelmeter.yaml"));
    assertThat(home.resolve("blocked")).hasContent("a file");
  }

  @Test
  void anOutThatIsAFileIsAUsageErrorNamingOut() throws IOException {
    Files.writeString(home.resolve("out"), "a file");

    CliRun.Result result = run("report", "--team", "4", "--format", "json", "--out", "out");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("labelmeter: cannot write the reports: " + home.resolve("out"))
        .contains("set by flag --out");
    assertThat(home.resolve("out")).hasContent("a file");
  }

  @Test
  void theHelpSaysThatTheNightsReportsAreReplacedWithoutOut() {
    CliRun.Result result = run("report", "--help");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().replaceAll("\\s+", " "))
        .contains(
            "Without --out the reports go into the nightly folder of the snapshot date,"
                + " <reports-dir>/<team>/<date>/, and replace that night's reports");
  }

  @Test
  void aTeamWithoutAStoreIsAUsageErrorSayingToPullFirst() {
    CliRun.Result result = run("report", "--team", "5");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("no complete store of team 5").contains("labelmeter pull");
    assertThat(home.resolve("reports")).doesNotExist();
  }

  @Test
  void aMissingTeamIsAUsageError() {
    CliRun.Result result = run("report");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("no team given").contains("--team");
  }

  private CliRun.Result run(String... args) {
    return new CliRun(home).run(args);
  }

  private JsonNode readJson(String file) throws IOException {
    return StoreJson.MAPPER.readTree(home.resolve(file).toFile());
  }

  private static ObjectNode event(String date) throws IOException {
    return (ObjectNode)
        json(
            "{\"userId\":5,\"action\":\"create_figure\",\"date\":\""
                + date
                + "\","
                + "\"user\":\"ana\",\"projectId\":1,\"project\":\"p\",\"datasetId\":2,"
                + "\"dataset\":\"d\",\"imageId\":100,\"image\":\"a.jpg\",\"classId\":3,"
                + "\"class\":\"cat\",\"figureId\":null,\"job\":\"cats\",\"jobId\":11,\"tag\":null,"
                + "\"tagId\":null,\"meta\":{}}");
  }

  private static JsonNode json(String text) throws IOException {
    return StoreJson.MAPPER.readTree(text);
  }
}
