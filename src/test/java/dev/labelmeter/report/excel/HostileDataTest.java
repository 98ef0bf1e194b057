package dev.labelmeter.report.excel;

import static dev.labelmeter.report.excel.ExcelReportWriterTest.valueBeside;
import static dev.labelmeter.report.excel.Workbooks.cell;
import static dev.labelmeter.report.excel.Workbooks.isEmpty;
import static dev.labelmeter.report.excel.Workbooks.number;
import static dev.labelmeter.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.metrics.TeamFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server text and odd numbers that must not break the workbook (issue 7, "Hostile data"). */
class HostileDataTest {

  @TempDir Path dir;

  @Test
  void namesWithCharactersForbiddenInSheetNamesStayAsTheyAre() throws IOException {
    String login = "ann[1]:*?/\\x";

    try (XSSFWorkbook book = write(withLabelers(labeler(1, login)))) {
      assertThat(text(book, "Labelers!B2")).isEqualTo(login);
      assertThat(text(book, "Heatmap!B2")).isEqualTo(login);
      assertEverySheetIsWellFormed(book);
    }
  }

  @Test
  void namesLongerThan31CharactersStayWholeInCells() throws IOException {
    String login = "a.very.long.login.name.of.fifty.characters.exactly";
    String project = "P".repeat(300);

    try (XSSFWorkbook book =
        write(
            ResultFixtures.builder()
                .labelers(List.of(labeler(1, login)))
                .jobs(List.of(jobNamed("Crossings").withProject(project).row()))
                .build())) {
      assertThat(login).hasSize(50);
      assertThat(text(book, "Labelers!B2")).isEqualTo(login);
      assertThat(text(book, "Jobs!C2")).isEqualTo(project);
      // the column is widened to a readable bound, not to 300 characters
      assertThat(book.getSheet("Jobs").getColumnWidth(2)).isEqualTo(60 * 256);
    }
  }

  @Test
  void loginsThatDifferOnlyInCaseAreTwoLabelers() throws IOException {
    try (XSSFWorkbook book = write(withLabelers(labeler(1, "Alice"), labeler(2, "alice")))) {
      assertThat(text(book, "Labelers!B2")).isEqualTo("Alice");
      assertThat(text(book, "Labelers!B3")).isEqualTo("alice");
      assertThat(number(book, "Labelers!A3")).isEqualTo(2);
      assertThat(text(book, "Heatmap!B3")).isEqualTo("alice");
    }
  }

  @Test
  void textsThatLookLikeFormulasStayText() throws IOException {
    List<String> names =
        List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)", "=1/0");
    List<JobRow> jobs =
        names.stream().map(n -> jobNamed(n).withLabeler(n).withStatus(n).row()).toList();
    MetricsResult result =
        ResultFixtures.builder()
            .jobs(jobs)
            .labelers(names.stream().map(n -> labeler(1, n)).toList())
            .jobsByStatus(Map.of("=cmd|' /C calc'!A0", 1L))
            .build();
    ActivityRow event = activityWithMeta("=2+2");

    try (XSSFWorkbook book = write(result, ActivityFixtures.of(List.of(event)))) {
      for (int i = 0; i < names.size(); i++) {
        for (String col : List.of("B", "E", "G")) {
          assertTextNotFormula(cell(book, "Jobs!" + col + (i + 2)), names.get(i));
        }
        assertTextNotFormula(cell(book, "Labelers!B" + (i + 2)), names.get(i));
      }
      assertTextNotFormula(cell(book, "Activity!R2"), "=2+2");
      assertThat(valueBeside(book.getSheet("Summary"), "Status: =cmd|' /C calc'!A0"))
          .isEqualTo(1.0);
      assertEverySheetIsWellFormed(book);
    }
  }

  @Test
  void aTextLongerThanACellHoldsIsCutWithAVisibleMarker() throws IOException {
    String huge = "x".repeat(39_990) + "0123456789";
    ActivityRow event = activityWithMeta(huge);

    try (XSSFWorkbook book =
        write(
            ResultFixtures.builder().jobs(List.of(jobNamed(huge).row())).build(),
            ActivityFixtures.of(List.of(event)))) {
      for (String address : List.of("Jobs!B2", "Activity!R2")) {
        String cut = text(book, address);
        assertThat(huge).hasSize(40_000);
        assertThat(cut).hasSize(32_767).endsWith("… [truncated]");
        assertThat(huge).startsWith(cut.substring(0, 32_767 - "… [truncated]".length()));
      }
    }
  }

  @Test
  void unicodeAndEmojiArriveUnchanged() throws IOException {
    String login = "Zoë 李明 🐱‍👤 Ωmega";
    String job = "Ночные снимки 🌙 — ünïcödé";

    try (XSSFWorkbook book =
        write(
            ResultFixtures.builder()
                .labelers(List.of(labeler(1, login)))
                .jobs(List.of(jobNamed(job).withLabeler(login).row()))
                .build())) {
      assertThat(text(book, "Labelers!B2")).isEqualTo(login);
      assertThat(text(book, "Jobs!B2")).isEqualTo(job);
      assertThat(text(book, "Jobs!E2")).isEqualTo(login);
      // the bar chart names the labeler in its cached categories too
      var chart = book.getSheet("Daily").getDrawingPatriarch().getCharts().get(1);
      assertThat(chart.getChartSeries().get(0).getSeries(0).getCategoryData().getPointAt(0))
          .isEqualTo(login);
    }
  }

  @Test
  void textsThatLookLikeExcelEscapesArriveUnchanged() throws IOException {
    String login = "_x0041__x000D_ and _x005F_";

    try (XSSFWorkbook book = write(withLabelers(labeler(1, login)))) {
      assertThat(text(book, "Labelers!B2")).isEqualTo(login);
    }
  }

  @Test
  void controlCharactersDoNotBreakTheFile() throws IOException {
    String job = "tab\there, bell\u0007, nul\u0000 end";

    try (XSSFWorkbook book = write(withJobs(jobNamed(job).row()))) {
      assertThat(text(book, "Jobs!B2")).startsWith("tab\there, bell").endsWith(" end");
    }
  }

  @Test
  void zeroAndNegativeDurationsAreShownAsTheyAre() throws IOException {
    LabelerFigures idle = new LabelerFigures(0.0, 0.0, 5, 0, null, null, 0, 0, null, 0, null, 0, 1);
    LabelerFigures negative =
        new LabelerFigures(-0.5, -0.25, 3, 2, -6.0, -4.0, 1, 0, 1.0, 1, 1.0, 1, 1);
    MetricsResult result =
        ResultFixtures.builder()
            .labelers(
                List.of(
                    new LabelerRow(1, "idle", idle, idle),
                    new LabelerRow(2, "neg", negative, idle)))
            .reviewers(List.of(new ReviewerRow(3, "carol", 1, 1, 0, -30.0, 0.0, 0)))
            .classes(List.of(new ClassRow("car", "rectangle", 1, 10, 5, -36.0, -3.6)))
            .build();

    try (XSSFWorkbook book = write(result)) {
      // idle: 0 active hours is a real 0; images per active hour cannot be computed: empty
      assertThat(number(book, "Labelers!C2")).isEqualTo(0.0);
      assertThat(isEmpty(book, "Labelers!O2")).isTrue();
      // neg: -0.5 hours stays -0.5, change from 0 is -0.5
      assertThat(number(book, "Labelers!C3")).isEqualTo(-0.5);
      assertThat(number(book, "Labelers!E3")).isEqualTo(-0.5);
      assertThat(number(book, "Labelers!O3")).isEqualTo(-6.0);
      // Labelers!C4 total = 0 + -0.5
      assertThat(number(book, "Labelers!C4")).isEqualTo(-0.5);
      // carol: -30 s turnaround = -0.0083 h; 0 s p90 = 0 h
      assertThat(number(book, "Reviewers!F2")).isEqualTo(-30 / 3600.0);
      assertThat(number(book, "Reviewers!G2")).isEqualTo(0.0);
      assertThat(number(book, "Classes!I2")).isEqualTo(-0.01);
      assertThat(number(book, "Classes!J2")).isEqualTo(-3.6);
      assertEverySheetIsWellFormed(book);
    }
  }

  @Test
  void numbersThatCannotBeShownAreEmptyNeverAnError() throws IOException {
    LabelerFigures broken =
        new LabelerFigures(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            1,
            1,
            Double.NaN,
            Double.NEGATIVE_INFINITY,
            0,
            0,
            Double.NaN,
            0,
            null,
            0,
            0);

    try (XSSFWorkbook book = write(withLabelers(new LabelerRow(1, "odd", broken, broken)))) {
      for (String col : List.of("C", "D", "E", "F", "O", "R", "AA")) {
        assertThat(isEmpty(book, "Labelers!" + col + "2")).as(col).isTrue();
      }
      assertEverySheetIsWellFormed(book);
    }
  }

  @Test
  void anEmptyWindowGivesEverySheetItsHeadersAndNoCharts() throws IOException {
    TeamFigures nothing =
        new TeamFigures(0, 0, 0, 0, null, null, 0, 0, null, 0, null, null, null, 0, 0, 0);
    MetricsResult empty =
        ResultFixtures.builder()
            .current(nothing)
            .previous(nothing)
            .jobsByStatus(Map.of())
            .counts(0, 0, 0, null, null)
            .labelers(List.of())
            .reviewers(List.of())
            .jobs(List.of())
            .classes(List.of())
            .labelerClasses(List.of())
            .daily(List.of())
            .heatmap(new Heatmap(List.of(), List.of()))
            .quality(
                new DataQuality(
                    0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), null, List.of("no events in window")))
            .build();

    try (XSSFWorkbook book = write(empty)) {
      assertThat(number(book, "Summary!B4")).isEqualTo(0.0);
      assertThat(isEmpty(book, "Summary!B8")).isTrue();
      assertThat(isEmpty(book, "Summary!D8")).isTrue();
      assertThat(isEmpty(book, "Summary!B12")).isTrue();
      assertThat(valueBeside(book.getSheet("Summary"), "Team pace (images per day)")).isNull();
      assertThat(valueBeside(book.getSheet("Summary"), "Team ETA (Europe/Berlin)")).isNull();
      assertThat(valueBeside(book.getSheet("Summary"), "Activity count matched the server's total"))
          .isNull();
      assertThat(valueBeside(book.getSheet("Summary"), "Note")).isEqualTo("no events in window");
      for (String sheet : List.of("Labelers", "Reviewers", "Jobs", "Classes", "Daily")) {
        assertThat(text(book, sheet + "!A1")).as(sheet).isNotEmpty();
        assertThat(book.getSheet(sheet).getCTWorksheet().getAutoFilter().getRef()).endsWith("1");
      }
      assertThat(book.getSheet("Daily").getDrawingPatriarch().getCharts()).isEmpty();
      assertThat(
              book.getSheet("Heatmap")
                  .getSheetConditionalFormatting()
                  .getNumConditionalFormattings())
          .isZero();
      // Jobs!A2 total of no jobs: images 0, no formula over an empty range
      assertThat(text(book, "Jobs!A2")).isEqualTo("Total");
      assertThat(cell(book, "Jobs!J2").getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(number(book, "Jobs!J2")).isEqualTo(0.0);
      assertEverySheetIsWellFormed(book);
    }
  }

  @Test
  void aTeamOfOneJobWithNoImagesLeavesProgressAndRatesEmpty() throws IOException {
    JobRow noImages =
        new JobRow(
            1,
            "Empty job",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "pending",
            false,
            Instant.parse("2024-05-01T00:00:00Z"),
            0,
            0,
            0,
            0,
            0,
            null,
            0.0,
            0.0,
            null,
            null,
            true,
            0L,
            null,
            null,
            false,
            null,
            null);
    TeamFigures nothing =
        new TeamFigures(0, 0, 0, 0, null, null, 0, 0, null, 0, null, null, null, 0, 0, 0);
    MetricsResult result =
        ResultFixtures.builder()
            .current(nothing)
            .previous(nothing)
            .jobsByStatus(Map.of("pending", 1L))
            .counts(1, 1, 0, null, null)
            .labelers(List.of())
            .reviewers(List.of())
            .jobs(List.of(noImages))
            .classes(List.of())
            .labelerClasses(List.of())
            .build();

    try (XSSFWorkbook book = write(result)) {
      assertThat(text(book, "Jobs!B2")).isEqualTo("Empty job");
      assertThat(number(book, "Jobs!J2")).isEqualTo(0);
      // progress of a job with 0 images cannot be computed: empty, not 0 % and not #DIV/0!
      assertThat(isEmpty(book, "Jobs!O2")).isTrue();
      assertThat(isEmpty(book, "Jobs!C2")).isTrue();
      assertThat(isEmpty(book, "Jobs!S2")).isTrue();
      assertThat(text(book, "Jobs!T2")).isEqualTo("yes");
      assertThat(number(book, "Jobs!U2")).isEqualTo(0);
      assertThat(valueBeside(book.getSheet("Summary"), "Status: pending")).isEqualTo(1.0);
      assertThat(valueBeside(book.getSheet("Summary"), "Stale jobs")).isEqualTo(1.0);
      assertEverySheetIsWellFormed(book);
    }
  }

  // ---- helpers ----

  private XSSFWorkbook write(MetricsResult result) throws IOException {
    Path target = dir.resolve("hostile.xlsx");
    ExcelReportWriter.withDefaults().write(result, target);
    return Workbooks.open(target);
  }

  private XSSFWorkbook write(MetricsResult result, dev.labelmeter.metrics.ActivitySource activity)
      throws IOException {
    Path target = dir.resolve("hostile.xlsx");
    ExcelReportWriter.withDefaults().write(result, Optional.of(activity), target);
    return Workbooks.open(target);
  }

  private static MetricsResult withLabelers(LabelerRow... rows) {
    return ResultFixtures.builder().labelers(List.of(rows)).build();
  }

  private static MetricsResult withJobs(JobRow... rows) {
    return ResultFixtures.builder().jobs(List.of(rows)).build();
  }

  private static LabelerRow labeler(long id, String login) {
    return new LabelerRow(
        id, login, ResultFixtures.figures(2.0, 10, 0.5), ResultFixtures.figures(1.0, 5, 0.5));
  }

  private static ActivityRow activityWithMeta(String meta) {
    ActivityRow e = ActivityFixtures.event(0);
    return new ActivityRow(
        e.userId(),
        e.action(),
        e.date(),
        e.user(),
        e.projectId(),
        e.project(),
        e.datasetId(),
        e.dataset(),
        e.imageId(),
        e.image(),
        e.classId(),
        e.className(),
        e.figureId(),
        e.job(),
        e.jobId(),
        e.tag(),
        e.tagId(),
        meta);
  }

  private static JobBuilder jobNamed(String name) {
    return new JobBuilder(ResultFixtures.job(11, name, "alice", "in_progress"));
  }

  /** Replaces the texts of a job row. */
  private record JobBuilder(JobRow j) {
    JobBuilder withProject(String project) {
      return new JobBuilder(copy(j.name(), project, j.labeler(), j.status()));
    }

    JobBuilder withLabeler(String labeler) {
      return new JobBuilder(copy(j.name(), j.project(), labeler, j.status()));
    }

    JobBuilder withStatus(String status) {
      return new JobBuilder(copy(j.name(), j.project(), j.labeler(), status));
    }

    JobRow row() {
      return j;
    }

    private JobRow copy(String name, String project, String labeler, String status) {
      return new JobRow(
          j.id(),
          name,
          j.projectId(),
          project,
          j.datasetId(),
          j.dataset(),
          j.labelerId(),
          labeler,
          j.reviewerId(),
          j.reviewer(),
          status,
          j.disabled(),
          j.createdAt(),
          j.images(),
          j.labeled(),
          j.accepted(),
          j.rejected(),
          j.untouched(),
          j.progress(),
          j.activeHours(),
          j.platformHours(),
          j.statsAnnotationHours(),
          j.lastActivity(),
          j.stale(),
          j.remaining(),
          j.paceImagesPerDay(),
          j.eta(),
          j.reconciliationFlag(),
          j.turnaroundMedianSeconds(),
          j.turnaroundP90Seconds());
    }
  }

  private static void assertTextNotFormula(Cell cell, String expected) {
    assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo(expected);
    assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix").isTrue();
  }

  /**
   * Checks every cell of every sheet: no error value, and no formula but the totals' SUBTOTAL
   * (so no server text became a formula).
   */
  static void assertEverySheetIsWellFormed(XSSFWorkbook book) {
    for (Sheet sheet : book) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          String where = sheet.getSheetName() + "!" + cell.getAddress();
          assertThat(cell.getCellType()).as(where).isNotEqualTo(CellType.ERROR);
          if (cell.getCellType() == CellType.FORMULA) {
            assertThat(cell.getCellFormula()).as(where).startsWith("SUBTOTAL(109,");
            assertThat(cell.getCachedFormulaResultType()).as(where).isEqualTo(CellType.NUMERIC);
          }
        }
      }
    }
  }
}
