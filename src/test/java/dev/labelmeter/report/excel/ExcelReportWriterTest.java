package dev.labelmeter.report.excel;

import static dev.labelmeter.report.excel.Workbooks.cell;
import static dev.labelmeter.report.excel.Workbooks.format;
import static dev.labelmeter.report.excel.Workbooks.isEmpty;
import static dev.labelmeter.report.excel.Workbooks.number;
import static dev.labelmeter.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labelmeter.metrics.MetricDefinitions;
import dev.labelmeter.metrics.MetricsResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook of the standard team, read back cell by cell as a manager would read it. */
class ExcelReportWriterTest {

  private static final double EPS = 1e-9;

  @TempDir static Path dir;
  private static MetricsResult result;
  private static XSSFWorkbook book;

  @BeforeAll
  static void writeStandardTeam() throws IOException {
    result = ResultFixtures.team();
    Path target = dir.resolve("team.xlsx");

    WrittenWorkbook written = ExcelReportWriter.withDefaults().write(result, target);

    assertThat(written.path()).isEqualTo(target);
    book = Workbooks.open(target);
  }

  @AfterAll
  static void close() throws IOException {
    book.close();
  }

  @Test
  void sheetsComeInTheOrderOfTheIssue() {
    List<String> names = new ArrayList<>();
    book.forEach(sheet -> names.add(sheet.getSheetName()));

    assertThat(names)
        .containsExactly(
            "Summary",
            "Labelers",
            "Reviewers",
            "Jobs",
            "Classes",
            "Daily",
            "Heatmap",
            "Definitions");
  }

  @Test
  void summaryShowsEachKpiBesideThePreviousWindowAndTheChange() {
    assertThat(text(book, "Summary!A4")).isEqualTo("Active hours");
    // Summary!B4 active hours this window = 12.5, C4 previous = 10.0, D4 change = +2.5
    assertThat(number(book, "Summary!B4")).isEqualTo(12.5);
    assertThat(number(book, "Summary!C4")).isEqualTo(10.0);
    assertThat(number(book, "Summary!D4")).isEqualTo(2.5);
    assertThat(format(book, "Summary!B4")).isEqualTo("0.00");
    assertThat(format(book, "Summary!D4")).isEqualTo("+0.00;-0.00;0.00");
    // Summary!B6 images finished = 150, change +50
    assertThat(text(book, "Summary!A6")).isEqualTo("Images finished");
    assertThat(number(book, "Summary!B6")).isEqualTo(150);
    assertThat(number(book, "Summary!D6")).isEqualTo(50);
    // Summary!B8 images per active hour = 12.0
    assertThat(text(book, "Summary!A8")).isEqualTo("Images per active hour");
    assertThat(number(book, "Summary!B8")).isEqualTo(12.0);
  }

  @Test
  void summaryRatesArePercentagesAndAMissingPreviousRateLeavesEmptyCells() {
    // Summary!B12 acceptance rate = 80.0 %; no decisions before, so C12 and D12 are empty
    assertThat(text(book, "Summary!A12")).isEqualTo("Acceptance rate");
    assertThat(number(book, "Summary!B12")).isEqualTo(0.8);
    assertThat(format(book, "Summary!B12")).isEqualTo("0.0%");
    assertThat(isEmpty(book, "Summary!C12")).isTrue();
    assertThat(isEmpty(book, "Summary!D12")).isTrue();
    // Summary!B15 review turnaround median = 5400 s = 1.50 hours
    assertThat(text(book, "Summary!A15")).isEqualTo("Review turnaround median (hours)");
    assertThat(number(book, "Summary!B15")).isEqualTo(1.5);
    assertThat(number(book, "Summary!B16")).isEqualTo(4.0);
  }

  @Test
  void summaryStatesTheSensitivityOfActiveHoursToTheIdleThreshold() {
    assertThat(text(book, "Summary!A18")).isEqualTo("Active hours at a 100 s idle threshold");
    assertThat(number(book, "Summary!B18")).isEqualTo(10.0);
    assertThat(text(book, "Summary!A19")).isEqualTo("Active hours at a 900 s idle threshold");
    assertThat(number(book, "Summary!B19")).isEqualTo(14.0);
    assertThat(number(book, "Summary!D19")).isEqualTo(3.0);
  }

  @Test
  void summaryStatesTheParametersWithTheSnapshotTimeInTheReportZone() {
    Sheet summary = book.getSheet("Summary");

    assertThat(valueBeside(summary, "Window"))
        .isEqualTo("from 2024-05-06 to 2024-05-12, both days included (7 days)");
    assertThat(valueBeside(summary, "Previous window"))
        .isEqualTo("from 2024-04-29 to 2024-05-05, both days included (7 days)");
    assertThat(valueBeside(summary, "Report zone")).isEqualTo("Europe/Berlin");
    assertThat(valueBeside(summary, "Idle threshold (seconds)")).isEqualTo(300.0);
    // 04:00 UTC is 06:00 in Berlin in May
    Cell snapshot = besideLabel(summary, "Snapshot time (Europe/Berlin)");
    assertThat(snapshot.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2024, 5, 13, 6, 0));
    assertThat(snapshot.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
  }

  @Test
  void summaryCountsJobsByStatusStaleJobsAndTheTeamEta() {
    Sheet summary = book.getSheet("Summary");

    assertThat(valueBeside(summary, "Jobs in the snapshot")).isEqualTo(3.0);
    assertThat(valueBeside(summary, "Status: completed")).isEqualTo(1.0);
    assertThat(valueBeside(summary, "Status: in_progress")).isEqualTo(1.0);
    assertThat(valueBeside(summary, "Status: review_completed")).isEqualTo(1.0);
    assertThat(valueBeside(summary, "Stale jobs")).isEqualTo(1.0);
    assertThat(valueBeside(summary, "Images remaining (pending and in progress)")).isEqualTo(60.0);
    assertThat(valueBeside(summary, "Team pace (images per day)")).isEqualTo(20.0);
    Cell eta = besideLabel(summary, "Team ETA (Europe/Berlin)");
    assertThat(eta.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(result.summary().teamEta());
    assertThat(eta.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
  }

  @Test
  void summaryListsEveryDataQualityLine() {
    Sheet summary = book.getSheet("Summary");

    assertThat(valueBeside(summary, "Events received")).isEqualTo(5000.0);
    assertThat(valueBeside(summary, "Duplicate events removed")).isEqualTo(12.0);
    assertThat(valueBeside(summary, "Events whose date did not parse")).isEqualTo(3.0);
    assertThat(valueBeside(summary, "Events without a job")).isEqualTo(40.0);
    assertThat(valueBeside(summary, "Events whose job is not in the job list")).isEqualTo(7.0);
    assertThat(valueBeside(summary, "Decisions without a prior done")).isEqualTo(2.0);
    assertThat(valueBeside(summary, "Jobs whose counters disagree with their images"))
        .isEqualTo(1.0);
    assertThat(valueBeside(summary, "Jobs with unknown status: review_completed")).isEqualTo(1.0);
    assertThat(valueBeside(summary, "Events with unknown action: image_rotated")).isEqualTo(4.0);
    assertThat(valueBeside(summary, "Activity count matched the server's total")).isEqualTo("yes");
    assertThat(valueBeside(summary, "Note"))
        .isEqualTo("2 jobs failed to pull: their stats are missing");
  }

  @Test
  void summaryLinksToEverySheetAndSaysActivityWasNotIncluded() {
    Sheet summary = book.getSheet("Summary");

    for (String sheet :
        List.of("Labelers", "Reviewers", "Jobs", "Classes", "Daily", "Heatmap", "Definitions")) {
      Cell link = labelCell(summary, sheet);
      assertThat(link.getHyperlink()).as(sheet).isNotNull();
      assertThat(link.getHyperlink().getType()).isEqualTo(HyperlinkType.DOCUMENT);
      assertThat(link.getHyperlink().getAddress()).isEqualTo("'" + sheet + "'!A1");
    }
    assertThat(valueBeside(summary, "Activity").toString()).contains("--include-activity");
  }

  @Test
  void everyTableHasAFrozenStyledHeaderAndAnAutofilter() {
    assertFrozen("Labelers", 2, 1);
    assertFrozen("Jobs", 2, 1);
    assertFrozen("Daily", 1, 1);
    assertFrozen("Heatmap", 2, 1);
    assertFrozen("Summary", 0, 3);
    assertThat(autoFilter("Labelers")).isEqualTo("A1:AO3");
    assertThat(autoFilter("Reviewers")).isEqualTo("A1:H2");
    assertThat(autoFilter("Jobs")).isEqualTo("A1:Z4");
    assertThat(autoFilter("Classes")).isEqualTo("A1:J5");
    assertThat(autoFilter("Daily")).isEqualTo("A1:H8");
    assertThat(autoFilter("Heatmap")).isEqualTo("A1:I3");
    assertThat(autoFilter("Definitions")).isEqualTo("A1:C" + (MetricDefinitions.all().size() + 1));
    Cell header = cell(book, "Jobs!A1");
    assertThat(book.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
  }

  @Test
  void labelersShowEachFigureBesideThePreviousWindowAndTheChange() {
    assertThat(text(book, "Labelers!B1")).isEqualTo("Login");
    assertThat(text(book, "Labelers!C1")).isEqualTo("Active hours");
    assertThat(text(book, "Labelers!D1")).isEqualTo("Active hours (previous)");
    assertThat(text(book, "Labelers!E1")).isEqualTo("Active hours change");
    // alice: 7.5 active hours, 6.0 before, +1.5
    assertThat(text(book, "Labelers!B2")).isEqualTo("alice");
    assertThat(number(book, "Labelers!C2")).isEqualTo(7.5);
    assertThat(number(book, "Labelers!D2")).isEqualTo(6.0);
    assertThat(number(book, "Labelers!E2")).isEqualTo(1.5);
    // alice: 90 images in 7.5 h = 12.0 per hour
    assertThat(text(book, "Labelers!O1")).isEqualTo("Images per active hour");
    assertThat(number(book, "Labelers!O2")).isEqualTo(12.0);
    assertThat(format(book, "Labelers!O2")).isEqualTo("0.0");
    // alice's acceptance rate 80.0 %, none the week before: previous and change empty
    assertThat(text(book, "Labelers!AA1")).isEqualTo("Acceptance rate");
    assertThat(number(book, "Labelers!AA2")).isEqualTo(0.8);
    assertThat(isEmpty(book, "Labelers!AB2")).isTrue();
    assertThat(isEmpty(book, "Labelers!AC2")).isTrue();
    // bob: 50.0 % after 25.0 %: +25.0 points
    assertThat(number(book, "Labelers!AC3")).isEqualTo(0.25);
    assertThat(format(book, "Labelers!AC3")).isEqualTo("+0.0%;-0.0%;0.0%");
    assertThat(text(book, "Labelers!AM1")).isEqualTo("Days active");
    assertThat(number(book, "Labelers!AM2")).isEqualTo(4);
  }

  @Test
  void totalsAddUpTheColumnWithAFormulaThatFollowsTheFilter() {
    XSSFFormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();

    // Labelers!C4 total active hours = 7.5 + 5.0
    Cell total = cell(book, "Labelers!C4");
    assertThat(text(book, "Labelers!A4")).isEqualTo("Total");
    assertThat(total.getCellFormula()).isEqualTo("SUBTOTAL(109,C2:C3)");
    assertThat(total.getNumericCellValue()).isEqualTo(12.5);
    assertThat(evaluator.evaluate(total).getNumberValue()).isEqualTo(12.5);
    // Labelers: ratios have no total
    assertThat(isEmpty(book, "Labelers!O4")).isTrue();
    // Jobs!U5 remaining images = 60 + (none for the closed job) + 60
    Cell remaining = cell(book, "Jobs!U5");
    assertThat(remaining.getNumericCellValue()).isEqualTo(120);
    assertThat(evaluator.evaluate(remaining).getNumberValue()).isEqualTo(120);
    // Daily!B9 active hours of the week = 1.0 + 1.25 + ... + 2.5
    assertThat(number(book, "Daily!B9")).isEqualTo(12.25);
    assertThat(evaluator.evaluate(cell(book, "Daily!B9")).getNumberValue()).isEqualTo(12.25);
  }

  @Test
  void reviewersShowDecisionsAndTurnaroundInHours() {
    assertThat(text(book, "Reviewers!B2")).isEqualTo("carol");
    assertThat(number(book, "Reviewers!C2")).isEqualTo(150);
    assertThat(number(book, "Reviewers!D2")).isEqualTo(120);
    assertThat(number(book, "Reviewers!E2")).isEqualTo(30);
    assertThat(text(book, "Reviewers!F1")).isEqualTo("Turnaround median (hours)");
    assertThat(number(book, "Reviewers!F2")).isEqualTo(1.5);
    assertThat(number(book, "Reviewers!G2")).isEqualTo(4.0);
    assertThat(number(book, "Reviewers!H2")).isEqualTo(2);
  }

  @Test
  void jobsShowTimesInTheReportZoneAndLeaveMissingValuesEmpty() {
    assertThat(text(book, "Jobs!B2")).isEqualTo("Crossings north");
    assertThat(text(book, "Jobs!G2")).isEqualTo("in_progress");
    // created 2024-04-30 22:30 UTC = 2024-05-01 00:30 in Berlin: the zone moves the date
    assertThat(text(book, "Jobs!I1")).isEqualTo("Created (Europe/Berlin)");
    assertThat(cell(book, "Jobs!I2").getLocalDateTimeCellValue())
        .isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 30));
    assertThat(text(book, "Jobs!S1")).isEqualTo("Last activity (Europe/Berlin)");
    assertThat(cell(book, "Jobs!S2").getLocalDateTimeCellValue())
        .isEqualTo(LocalDateTime.of(2024, 5, 8, 15, 45, 10));
    // progress 40.0 %, stale, ETA 2024-05-18
    assertThat(number(book, "Jobs!O2")).isEqualTo(0.4);
    assertThat(format(book, "Jobs!O2")).isEqualTo("0.0%");
    assertThat(text(book, "Jobs!T2")).isEqualTo("yes");
    assertThat(text(book, "Jobs!W1")).isEqualTo("ETA (Europe/Berlin)");
    assertThat(cell(book, "Jobs!W2").getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(result.jobs().get(0).eta());
    // the completed job has no remaining, pace, ETA or turnaround: empty cells, never 0
    assertThat(text(book, "Jobs!G3")).isEqualTo("completed");
    for (String col : List.of("U", "V", "W", "Y", "Z")) {
      assertThat(isEmpty(book, "Jobs!" + col + "3")).as(col + "3").isTrue();
    }
    assertThat(text(book, "Jobs!X3")).isEqualTo("yes");
    assertThat(number(book, "Jobs!P3")).isEqualTo(4.0);
    assertThat(format(book, "Jobs!P3")).isEqualTo("0.00");
  }

  @Test
  void classesShowEachClassThenEachLabelerAndClass() {
    assertThat(text(book, "Classes!A2")).isEqualTo("class");
    assertThat(text(book, "Classes!D2")).isEqualTo("car");
    assertThat(number(book, "Classes!G2")).isEqualTo(400);
    // 2000 s of car labeling = 0.56 hours; 2000 s / 400 labels = 5.0 s per label
    assertThat(number(book, "Classes!I2")).isCloseTo(2000 / 3600.0, within(EPS));
    assertThat(number(book, "Classes!J2")).isEqualTo(5.0);
    // person has no labels: seconds per label is empty
    assertThat(text(book, "Classes!D3")).isEqualTo("person");
    assertThat(isEmpty(book, "Classes!J3")).isTrue();
    assertThat(text(book, "Classes!A4")).isEqualTo("labeler x class");
    assertThat(text(book, "Classes!C4")).isEqualTo("alice");
    assertThat(number(book, "Classes!J4")).isEqualTo(6.0);
    assertThat(text(book, "Classes!C5")).isEqualTo("bob");
  }

  @Test
  void dailyListsEachDateInTheZoneWithItsFigures() {
    assertThat(text(book, "Daily!A1")).isEqualTo("Date (Europe/Berlin)");
    assertThat(cell(book, "Daily!A2").getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(ResultFixtures.FROM);
    assertThat(format(book, "Daily!A2")).isEqualTo("yyyy-mm-dd");
    assertThat(cell(book, "Daily!A8").getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(ResultFixtures.TO.minusDays(1));
    assertThat(number(book, "Daily!B5")).isEqualTo(1.75);
    assertThat(number(book, "Daily!D8")).isEqualTo(16);
  }

  @Test
  void dailyHasALineChartOfHoursAndImagesAndABarChartPerLabeler() {
    List<XSSFChart> charts = book.getSheet("Daily").getDrawingPatriarch().getCharts();

    assertThat(charts).hasSize(2);
    XSSFChart trend = charts.get(0);
    assertThat(trend.getTitleText().getString()).isEqualTo(DailySheet.TREND_CHART_TITLE);
    assertThat(trend.getChartSeries()).hasSize(2);
    XDDFChartData.Series hours = trend.getChartSeries().get(0).getSeries(0);
    assertThat(hours.getCategoryData().getDataRangeReference()).isEqualTo("Daily!$A$2:$A$8");
    assertThat(hours.getValuesData().getDataRangeReference()).isEqualTo("Daily!$B$2:$B$8");
    XDDFChartData.Series images = trend.getChartSeries().get(1).getSeries(0);
    assertThat(images.getValuesData().getDataRangeReference()).isEqualTo("Daily!$D$2:$D$8");
    assertThat(trend.getCTChart().getPlotArea().getLineChartList()).hasSize(2);

    XSSFChart labelers = charts.get(1);
    assertThat(labelers.getTitleText().getString()).isEqualTo(DailySheet.LABELER_CHART_TITLE);
    assertThat(labelers.getCTChart().getPlotArea().getBarChartList()).hasSize(1);
    XDDFChartData.Series rates = labelers.getChartSeries().get(0).getSeries(0);
    assertThat(rates.getCategoryData().getDataRangeReference()).isEqualTo("Labelers!$B$2:$B$3");
    assertThat(rates.getValuesData().getDataRangeReference()).isEqualTo("Labelers!$O$2:$O$3");
    assertThat(rates.getValuesData().getPointAt(0)).isEqualTo(12.0);
  }

  @Test
  void heatmapShadesActiveHoursWithAColourScale() {
    assertThat(text(book, "Heatmap!B1")).isEqualTo("Labeler / date (Europe/Berlin)");
    assertThat(text(book, "Heatmap!C1")).isEqualTo("2024-05-06");
    assertThat(text(book, "Heatmap!I1")).isEqualTo("2024-05-12");
    assertThat(text(book, "Heatmap!B2")).isEqualTo("alice");
    assertThat(number(book, "Heatmap!C2")).isEqualTo(1.25);
    // a day without work is a real 0 hours
    assertThat(number(book, "Heatmap!F2")).isEqualTo(0.0);

    XSSFSheet heatmap = book.getSheet("Heatmap");
    assertThat(heatmap.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
    XSSFConditionalFormatting formatting =
        heatmap.getSheetConditionalFormatting().getConditionalFormattingAt(0);
    assertThat(formatting.getFormattingRanges()[0].formatAsString()).isEqualTo("C2:I3");
    XSSFConditionalFormattingRule rule = formatting.getRule(0);
    assertThat(rule.getColorScaleFormatting().getNumControlPoints()).isEqualTo(2);
    // active hours are neither better nor worse: white to blue, not a green "good" scale
    assertThat(((XSSFColor) rule.getColorScaleFormatting().getColors()[0]).getARGBHex())
        .isEqualTo("FFFFFFFF");
    assertThat(((XSSFColor) rule.getColorScaleFormatting().getColors()[1]).getARGBHex())
        .isEqualTo("FF2563EB");
  }

  @Test
  void definitionsExplainEveryMetric() {
    List<MetricDefinitions.Definition> all = MetricDefinitions.all();

    for (int i = 0; i < all.size(); i++) {
      Row row = book.getSheet("Definitions").getRow(i + 1);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo(all.get(i).metric());
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo(all.get(i).definition());
    }
  }

  @Test
  void definitionsWordTheWindowWithBothDaysIncludedAsTheSummaryDoes() {
    Sheet definitions = book.getSheet("Definitions");
    int window = MetricDefinitions.all().indexOf(definition("Window")) + 1;

    assertThat(definitions.getRow(window).getCell(2).getStringCellValue())
        .contains("from the first date to the last, both days included")
        .doesNotContain("not including");
    // below the table, the dates of this report, worded as on the Summary sheet
    int note = MetricDefinitions.all().size() + 2;
    assertThat(definitions.getRow(note).getCell(2).getStringCellValue())
        .isEqualTo(
            "This report's window is from 2024-05-06 to 2024-05-12, both days included (7 days);"
                + " the previous window is from 2024-04-29 to 2024-05-05, both days included"
                + " (7 days).");
    assertThat(text(book, "Summary!A1"))
        .endsWith(": from 2024-05-06 to 2024-05-12, both days included (7 days)");
  }

  private static MetricDefinitions.Definition definition(String metric) {
    return MetricDefinitions.all().stream()
        .filter(d -> d.metric().equals(metric))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void columnWidthsFollowTheContent() {
    XSSFSheet jobs = book.getSheet("Jobs");

    // "Crossings north" (15 characters) is wider than the "Job" header; ids are narrow
    assertThat(jobs.getColumnWidth(1)).isEqualTo((15 + 2) * 256);
    assertThat(jobs.getColumnWidth(0)).isEqualTo(8 * 256);
    // Summary!A: the longest label (46 characters), not the title that runs over B and C
    assertThat(book.getSheet("Summary").getColumnWidth(0)).isEqualTo((46 + 2) * 256);
  }

  @Test
  void stylesAreAFixedSetWhateverTheNumberOfRows() throws IOException {
    List<dev.labelmeter.metrics.JobRow> many = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(ResultFixtures.job(100 + i, "job " + i, "alice", "in_progress"));
    }
    Path big = dir.resolve("big.xlsx");

    ExcelReportWriter.withDefaults().write(ResultFixtures.builder().jobs(many).build(), big);

    try (XSSFWorkbook bigBook = Workbooks.open(big)) {
      assertThat(bigBook.getNumCellStyles()).isEqualTo(book.getNumCellStyles());
      assertThat(bigBook.getNumCellStyles()).isLessThan(40);
      assertThat(bigBook.getSheet("Jobs").getLastRowNum()).isEqualTo(501);
    }
  }

  private static void assertFrozen(String sheet, int cols, int rows) {
    PaneInformation pane = book.getSheet(sheet).getPaneInformation();
    assertThat(pane).as(sheet).isNotNull();
    assertThat(pane.isFreezePane()).isTrue();
    assertThat(pane.getVerticalSplitLeftColumn()).as(sheet + " columns").isEqualTo((short) cols);
    assertThat(pane.getHorizontalSplitTopRow()).as(sheet + " rows").isEqualTo((short) rows);
  }

  private static String autoFilter(String sheet) {
    return book.getSheet(sheet).getCTWorksheet().getAutoFilter().getRef();
  }

  static Cell labelCell(Sheet sheet, String label) {
    for (Row row : sheet) {
      Cell first = row.getCell(0);
      if (first != null
          && first.getCellType() == CellType.STRING
          && first.getStringCellValue().equals(label)) {
        return first;
      }
    }
    throw new AssertionError("no row labelled '" + label + "' on " + sheet.getSheetName());
  }

  static Cell besideLabel(Sheet sheet, String label) {
    return labelCell(sheet, label).getRow().getCell(1);
  }

  /** Returns the value beside {@code label}: a String, a Double, or null for an empty cell. */
  static Object valueBeside(Sheet sheet, String label) {
    Cell cell = besideLabel(sheet, label);
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return null;
    }
    return cell.getCellType() == CellType.STRING
        ? cell.getStringCellValue()
        : cell.getNumericCellValue();
  }
}
