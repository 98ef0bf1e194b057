package dev.labelmeter.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkEngineTest {
  private static final LocalDate FROM = LocalDate.parse("2024-03-04");
  private static final MetricsParams PARAMS =
      MetricsParams.defaults().withWindow(new DateWindow(FROM, LocalDate.parse("2024-03-11")));
  private static final double H = 3600.0;

  private static SparkEngine engine;
  private static MetricsResult result;

  @TempDir static Path dir;

  @BeforeAll
  static void computeTheWeekOnce() throws IOException {
    QuietSparkLogs.apply();
    engine = SparkEngine.start("local[2]");
    result = engine.compute(teamWeek(dir), PARAMS);
  }

  @AfterAll
  static void stopSpark() {
    engine.close();
  }

  /** A week of one labeler (bob), one reviewer (anna) and a labeler seen only through a job. */
  static StoreLayout teamWeek(Path dir) throws IOException {
    return new TestStore(dir, 1)
        .job(
            100,
            "Cars",
            7,
            "bob",
            9,
            "in_progress",
            "2024-03-01T00:00:00Z",
            1001,
            "accepted",
            1002,
            "rejected",
            1003,
            "done",
            1004,
            "none")
        .job(200, "Trees", 8, "carol", 9, "completed", "2024-03-01T00:00:00Z", 2001, "accepted")
        .job(300, "Later", 7, "bob", 9, "pending", "2024-03-01T00:00:00Z")
        .stats(100, 3000, "car", "polygon", 4, 2, 40, "person", "rectangle", 0, 0, 0)
        .stats(200, 50, "car", "polygon", 6, 1, 20)
        .member(7, "bob")
        .member(9, "anna")
        .event(7, "bob", "create_figure", "2024-02-28T12:00:00Z", 100L, 1001L, "{}")
        .event(7, "bob", "login", "2024-03-05T08:00:00Z", null, null, "{}")
        .event(7, "bob", "create_figure", "2024-03-05T10:00:00Z", 100L, 1001L, "{}")
        .event(7, "bob", "create_figure", "2024-03-05T10:02:00Z", 100L, 1001L, "{}")
        .event(
            7,
            "bob",
            "image_review_status_updated",
            "2024-03-05T10:07:00Z",
            100L,
            1001L,
            "{\"reviewStatus\":\"done\"}")
        .event(
            7,
            "bob",
            "image_review_status_updated",
            "2024-03-05T10:20:00Z",
            100L,
            1002L,
            "{\"reviewStatus\":\"done\"}")
        .event(
            7,
            "bob",
            "image_review_status_updated",
            "2024-03-05T10:21:00Z",
            100L,
            1003L,
            "{\"reviewStatus\":\"done\"}")
        .event(
            7,
            "bob",
            "annotation_duration",
            "2024-03-05T10:21:30Z",
            100L,
            1003L,
            "{\"duration\":90,\"x\":1}")
        .event(
            7,
            "bob",
            "annotation_duration",
            "2024-03-05T10:21:30Z",
            100L,
            1003L,
            "{\"x\":1,\"duration\":90}")
        .event(
            7,
            "bob",
            "annotation_duration",
            "2024-03-05T10:21:30Z",
            100L,
            1003L,
            "{\"duration\":90.0,\"x\":1}")
        .event(7, "bob", "create_figure", "2024-03-05T10:21:40Z", 999L, 9001L, "{}")
        .raw(
            LocalDate.parse("2024-03-05"),
            "{\"userId\":7,\"action\":\"create_figure\","
                + "\"date\":\"2024-03-05 10:30\",\"jobId\":100}")
        .event(
            9,
            "anna",
            "image_review_status_updated",
            "2024-03-06T09:00:00Z",
            100L,
            1001L,
            "{\"reviewStatus\":\"accepted\"}")
        .event(
            9,
            "anna",
            "image_review_status_updated",
            "2024-03-06T09:01:00Z",
            100L,
            1002L,
            "{\"reviewStatus\":\"rejected\"}")
        .event(
            9,
            "anna",
            "image_review_status_updated",
            "2024-03-06T09:02:00Z",
            200L,
            2001L,
            "{\"reviewStatus\":\"accepted\"}")
        .write("2024-03-11T12:00:00Z");
  }

  @Test
  void labelersGetActiveTimeSessionsImagesAndReviewOutcomesWorkedOutByHand() {
    assertThat(result.labelers())
        .extracting(LabelerRow::login)
        .containsExactly("anna", "bob", "carol");
    LabelerRow bob = result.labelers().get(1);
    // gaps 120 + 300 (equal to the threshold) + 60 + 30 + 0 (90 vs 90.0 differ) + 10; 780 is idle
    assertThat(bob.current().activeHours()).isCloseTo(520 / H, within(1e-12));
    assertThat(bob.current().platformHours()).isCloseTo(180 / H, within(1e-12));
    assertThat(bob.current().sessions()).isEqualTo(2);
    assertThat(bob.current().imagesFinished()).isEqualTo(3);
    assertThat(bob.current().objectsCreated()).isEqualTo(3);
    assertThat(bob.current().accepted()).isEqualTo(1);
    assertThat(bob.current().rejected()).isEqualTo(1);
    assertThat(bob.current().acceptanceRate()).isEqualTo(0.5);
    assertThat(bob.current().firstPassImages()).isEqualTo(2);
    assertThat(bob.current().firstPassAcceptance()).isEqualTo(0.5);
    assertThat(bob.current().daysActive()).isEqualTo(1);
    assertThat(bob.current().imagesPerActiveHour()).isCloseTo(3 / (520 / H), within(1e-9));
    assertThat(bob.previous().objectsCreated()).isEqualTo(1);
    assertThat(bob.previous().sessions()).isEqualTo(1);
    assertThat(bob.previous().activeHours()).isZero();
    assertThat(bob.previous().imagesPerActiveHour()).isNull();
    assertThat(bob.previous().acceptanceRate()).isNull();

    LabelerRow carol = result.labelers().get(2);
    assertThat(carol.current().activeHours()).isZero();
    assertThat(carol.current().accepted()).isEqualTo(1);
    assertThat(carol.current().firstPassAcceptance()).isEqualTo(1.0);
    assertThat(result.labelers().get(0).current().activeHours()).isCloseTo(120 / H, within(1e-12));
  }

  @Test
  void reviewersGetTurnaroundFromTheLatestPriorDone() {
    assertThat(result.reviewers()).hasSize(1);
    ReviewerRow anna = result.reviewers().get(0);
    assertThat(anna.login()).isEqualTo("anna");
    assertThat(anna.decisions()).isEqualTo(3);
    assertThat(anna.accepted()).isEqualTo(2);
    assertThat(anna.rejected()).isEqualTo(1);
    assertThat(anna.decisionsWithoutDone()).isEqualTo(1);
    // 2024-03-05T10:07 -> 03-06T09:00 = 82380 s; 10:20 -> 09:01 = 81660 s
    assertThat(anna.turnaroundMedianSeconds()).isEqualTo(82020.0);
    assertThat(anna.turnaroundP90Seconds()).isEqualTo(82380.0);
  }

  @Test
  void jobsGetProgressStalenessEtaAndAllTimeHours() {
    assertThat(result.jobs()).extracting(JobRow::id).containsExactly(100L, 200L, 300L);
    JobRow cars = result.jobs().get(0);
    assertThat(cars.labeled()).isEqualTo(3);
    assertThat(cars.untouched()).isEqualTo(1);
    assertThat(cars.progress()).isEqualTo(0.75);
    assertThat(cars.activeHours()).isCloseTo(570 / H, within(1e-12));
    assertThat(cars.platformHours()).isCloseTo(180 / H, within(1e-12));
    assertThat(cars.statsAnnotationHours()).isCloseTo(3000 / H, within(1e-12));
    assertThat(cars.lastActivity()).isEqualTo(Instant.parse("2024-03-06T09:01:00Z"));
    assertThat(cars.stale()).isTrue();
    assertThat(cars.remaining()).isEqualTo(1);
    assertThat(cars.paceImagesPerDay()).isCloseTo(3 / 7.0, within(1e-12));
    assertThat(cars.eta()).isEqualTo(LocalDate.parse("2024-03-13"));
    assertThat(cars.reconciliationFlag()).isFalse();
    assertThat(cars.turnaroundMedianSeconds()).isEqualTo(82020.0);

    JobRow trees = result.jobs().get(1);
    assertThat(trees.activeHours()).isCloseTo(60 / H, within(1e-12));
    assertThat(trees.stale()).isFalse();
    assertThat(trees.remaining()).isNull();
    assertThat(trees.eta()).isNull();
    assertThat(trees.turnaroundMedianSeconds()).isNull();

    JobRow later = result.jobs().get(2);
    assertThat(later.progress()).isNull();
    assertThat(later.lastActivity()).isNull();
    assertThat(later.stale()).isTrue();
    assertThat(later.eta()).isEqualTo(LocalDate.parse("2024-03-11"));
  }

  @Test
  void summaryDailyClassesAndDataQualityAddUp() {
    var team = result.summary().current();
    assertThat(team.teamActiveHours()).isCloseTo(640 / H, within(1e-12));
    assertThat(team.teamImagesFinished()).isEqualTo(3);
    assertThat(team.accepted()).isEqualTo(2);
    assertThat(team.rejected()).isEqualTo(1);
    assertThat(team.firstPassImages()).isEqualTo(3);
    assertThat(team.firstPassAcceptance()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(team.activeUsers()).isEqualTo(2);
    assertThat(team.activeHoursAt100s()).isCloseTo(220 / H, within(1e-12));
    assertThat(team.activeHoursAt900s()).isCloseTo(1420 / H, within(1e-12));
    assertThat(result.summary().previous().teamObjectsCreated()).isEqualTo(1);
    assertThat(result.summary().jobsByStatus())
        .isEqualTo(Map.of("completed", 1L, "in_progress", 1L, "pending", 1L));
    assertThat(result.summary().staleJobs()).isEqualTo(2);
    assertThat(result.summary().remainingImages()).isEqualTo(1);
    assertThat(result.summary().teamEta()).isEqualTo(LocalDate.parse("2024-03-13"));

    assertThat(result.daily()).hasSize(7);
    DailyRow tuesday = result.daily().get(1);
    assertThat(tuesday.date()).isEqualTo(LocalDate.parse("2024-03-05"));
    assertThat(tuesday.activeHours()).isCloseTo(520 / H, within(1e-12));
    assertThat(tuesday.imagesFinished()).isEqualTo(3);
    assertThat(result.daily().get(2).accepted()).isEqualTo(2);
    assertThat(result.heatmap().rows().get(0).activeHours().get(2))
        .isCloseTo(120 / H, within(1e-12));

    assertThat(result.classes())
        .containsExactly(
            new ClassRow("car", "polygon", 2, 10, 3, 60.0, 6.0),
            new ClassRow("person", "rectangle", 1, 0, 0, 0.0, null));
    assertThat(result.labelerClasses()).hasSize(3);

    var quality = result.dataQuality();
    assertThat(quality.eventsReceived()).isEqualTo(15);
    assertThat(quality.duplicatesRemoved()).isEqualTo(1);
    assertThat(quality.unparseableDates()).isEqualTo(1);
    assertThat(quality.eventsWithoutJob()).isEqualTo(1);
    assertThat(quality.eventsUnknownJob()).isEqualTo(1);
    assertThat(quality.decisionsWithoutDone()).isEqualTo(1);
    assertThat(quality.jobsCounterMismatch()).isZero();
  }

  @Test
  void aDayPartitionThatIsNotGzipIsNamedAsTheTablesawEngineNamesIt(@TempDir Path store)
      throws IOException {
    StoreLayout layout = teamWeek(store);
    Path partition = layout.activityDay(LocalDate.parse("2024-03-06"));
    byte[] notGzip = new byte[4096];
    Arrays.fill(notGzip, (byte) 'x');
    Files.write(partition, notGzip);

    StoreFormatException failure =
        catchThrowableOfType(StoreFormatException.class, () -> engine.compute(layout, PARAMS));

    assertThat(failure.file()).contains(partition);
    assertThat(failure.getMessage())
        .isEqualTo(partition + " is damaged: it is not valid gzip data (not a gzip file)");
  }

  @Test
  void aDayPartitionCutShortIsNamedAsTruncated(@TempDir Path store) throws IOException {
    StoreLayout layout = teamWeek(store);
    Path partition = layout.activityDay(LocalDate.parse("2024-03-05"));
    byte[] whole = Files.readAllBytes(partition);
    Files.write(partition, Arrays.copyOf(whole, whole.length / 2));

    StoreFormatException failure =
        catchThrowableOfType(StoreFormatException.class, () -> engine.compute(layout, PARAMS));

    assertThat(failure.file()).contains(partition);
    assertThat(failure.getMessage())
        .isEqualTo(partition + " is damaged: its gzip data ends early (the file is truncated)");
  }

  @Test
  void anEmptyDayPartitionIsNamedNotReadAsADayWithoutEvents(@TempDir Path store)
      throws IOException {
    StoreLayout layout = teamWeek(store);
    Path partition = layout.activityDay(LocalDate.parse("2024-03-06"));
    Files.write(partition, new byte[0]);

    StoreFormatException failure =
        catchThrowableOfType(StoreFormatException.class, () -> engine.compute(layout, PARAMS));

    assertThat(failure.file()).contains(partition);
    assertThat(failure.getMessage())
        .isEqualTo(
            partition
                + " is damaged: it is empty (0 bytes, where even a file of no lines has a gzip"
                + " header)");
  }

  @Test
  void anEmptyJobsFileIsNamedNotReadAsATeamWithoutJobs(@TempDir Path store) throws IOException {
    StoreLayout layout = teamWeek(store);
    Files.write(layout.jobs(), new byte[0]);

    StoreFormatException failure =
        catchThrowableOfType(StoreFormatException.class, () -> engine.compute(layout, PARAMS));

    assertThat(failure.file()).contains(layout.jobs());
  }

  @Test
  void linesThatAreNotJsonAreCountedAndTheirPartitionNamed(@TempDir Path store) throws IOException {
    StoreLayout layout = teamWeek(store);
    Path partition = layout.activityDay(LocalDate.parse("2024-03-06"));
    try (var out =
        new java.io.OutputStreamWriter(
            new java.util.zip.GZIPOutputStream(Files.newOutputStream(partition)),
            java.nio.charset.StandardCharsets.UTF_8)) {
      out.write("{\"userId\":9,\"action\":\"login\",\"date\":\"2024-03-06T08:00:00Z\"}\n");
      out.write("not json\n");
      out.write("{\"userId\":9,\n");
    }

    StoreFormatException failure =
        catchThrowableOfType(StoreFormatException.class, () -> engine.compute(layout, PARAMS));

    assertThat(failure.file()).contains(partition);
    assertThat(failure.getMessage())
        .isEqualTo(partition + " holds 2 lines that are not valid JSON");
  }
}
