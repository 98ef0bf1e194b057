package dev.labelmeter.report.html;

import static dev.labelmeter.report.html.ReportFixtures.HOSTILE_CLASS;
import static dev.labelmeter.report.html.ReportFixtures.HOSTILE_JOB;
import static dev.labelmeter.report.html.ReportFixtures.HOSTILE_LOGIN;
import static dev.labelmeter.report.html.ReportFixtures.HOSTILE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labelmeter.metrics.MetricDefinitions;
import dev.labelmeter.metrics.MetricDefinitions.Definition;
import dev.labelmeter.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {

  private static final HtmlReportWriter WRITER = new HtmlReportWriter();

  @TempDir static Path dir;
  private static ReportPage page;

  @BeforeAll
  static void writeTheTeamReport() throws IOException {
    Path file = dir.resolve("reports/team-42.html");
    WRITER.write(ReportFixtures.team(), file);
    page = ReportPage.read(file);
  }

  @Test
  void navigationLinksToEverySectionOfTheWorkbook() {
    List<String> sections =
        List.of(
            "summary",
            "labelers",
            "reviewers",
            "jobs",
            "classes",
            "daily",
            "heatmap",
            "data-quality",
            "definitions");

    List<String> links = page.doc.select("header nav a").eachAttr("href");

    assertThat(links).containsExactlyElementsOf(sections.stream().map(s -> "#" + s).toList());
    assertThat(page.doc.select("main > section").eachAttr("id"))
        .containsExactlyElementsOf(sections);
  }

  @Test
  void everyTableHasOneRowPerRowOfTheResult() {
    assertThat(page.rows("summary-table")).hasSize(16);
    assertThat(page.rows("status-table")).hasSize(4);
    assertThat(page.rows("labelers-table")).hasSize(3);
    assertThat(page.rows("reviewers-table")).hasSize(2);
    assertThat(page.rows("jobs-table")).hasSize(5);
    assertThat(page.rows("classes-table")).hasSize(3);
    assertThat(page.rows("labeler-classes-table")).hasSize(4);
    assertThat(page.rows("daily-table")).hasSize(7);
    assertThat(page.rows("heatmap-table")).hasSize(3);
    assertThat(page.rows("quality-table")).hasSize(9);
    assertThat(page.rows("definitions-table")).hasSize(MetricDefinitions.all().size());
  }

  @Test
  void summaryShowsTheWindowBesideThePreviousWindowWithTheChange() {
    String t = "summary-table";

    assertThat(page.text(t, "Metric", "Active hours", "This window")).isEqualTo("15.75");
    assertThat(page.text(t, "Metric", "Active hours", "Previous window")).isEqualTo("14.00");
    assertThat(page.text(t, "Metric", "Active hours", "Change")).isEqualTo("+1.75");
    assertThat(page.text(t, "Metric", "Images finished", "Change")).isEqualTo("+43");
    assertThat(page.text(t, "Metric", "Rejected", "Change")).isEqualTo("-10");
    assertThat(page.text(t, "Metric", "Acceptance rate", "This window")).isEqualTo("90.0%");
    assertThat(page.text(t, "Metric", "Acceptance rate", "Previous window")).isEqualTo("83.3%");
    assertThat(page.text(t, "Metric", "Acceptance rate", "Change")).isEqualTo("+6.7 pp");
    assertThat(page.text(t, "Metric", "Images per active hour", "This window")).isEqualTo("16.70");
    assertThat(page.text(t, "Metric", "Review turnaround median (h)", "This window"))
        .isEqualTo("1.50");
    assertThat(page.text(t, "Metric", "Review turnaround p90 (h)", "Change")).isEqualTo("-1.00");
  }

  @Test
  void changesAreGreenWhenBetterAndRedWhenWorseByTheMetricsDirection_issue8() {
    String t = "summary-table";

    // fewer rejections and a shorter turnaround are improvements, though the numbers went down
    assertThat(judgement(page.cell(t, "Metric", "Rejected", "Change"))).isEqualTo("better");
    assertThat(judgement(page.cell(t, "Metric", "Review turnaround median (h)", "Change")))
        .isEqualTo("better");
    assertThat(judgement(page.cell(t, "Metric", "Review turnaround p90 (h)", "Change")))
        .isEqualTo("better");
    assertThat(judgement(page.cell(t, "Metric", "Images finished", "Change"))).isEqualTo("better");
    assertThat(judgement(page.cell(t, "Metric", "Acceptance rate", "Change"))).isEqualTo("better");
    // more hours or fewer active users are neither better nor worse
    assertThat(judgement(page.cell(t, "Metric", "Active hours", "Change"))).isEmpty();
    assertThat(page.text(t, "Metric", "Active users", "Change")).isEqualTo("-1");
    assertThat(judgement(page.cell(t, "Metric", "Active users", "Change"))).isEmpty();
    // cards: active hours, images finished, images per active hour, acceptance, first pass
    assertThat(page.doc.select(".kpi-change").stream().map(e -> judgement(e)))
        .containsExactly("", "better", "better", "better", "better");
  }

  @Test
  void moreRejectionsAndALongerTurnaroundAreRed_issue8() throws IOException {
    Path file = dir.resolve("swapped/team-42.html");
    WRITER.write(ReportFixtures.teamWithWindowsSwapped(), file);
    ReportPage swapped = ReportPage.read(file);
    String t = "summary-table";

    assertThat(swapped.text(t, "Metric", "Rejected", "Change")).isEqualTo("+10");
    assertThat(judgement(swapped.cell(t, "Metric", "Rejected", "Change"))).isEqualTo("worse");
    assertThat(swapped.text(t, "Metric", "Review turnaround median (h)", "Change"))
        .isEqualTo("+0.50");
    assertThat(judgement(swapped.cell(t, "Metric", "Review turnaround median (h)", "Change")))
        .isEqualTo("worse");
    assertThat(judgement(swapped.cell(t, "Metric", "Acceptance rate", "Change")))
        .isEqualTo("worse");
    assertThat(judgement(swapped.cell(t, "Metric", "Active hours", "Change"))).isEmpty();
    assertThat(swapped.doc.selectFirst(".kpi-change").text()).isEqualTo("-1.75 vs previous 15.75");
    assertThat(swapped.doc.selectFirst(".kpi-change").hasClass("worse")).isFalse();
  }

  @Test
  void labelerChangesAreColouredByDirection_issue8() {
    String t = "labelers-table";

    assertThat(judgement(page.cell(t, "Labeler", "alice", "Images finished change")))
        .isEqualTo("better");
    assertThat(judgement(page.cell(t, "Labeler", "alice", "Acceptance rate change")))
        .isEqualTo("better");
    assertThat(judgement(page.cell(t, "Labeler", "alice", "Active hours change"))).isEmpty();
    assertThat(page.text(t, "Labeler", "bob", "Images finished change")).isEqualTo("-40");
    assertThat(judgement(page.cell(t, "Labeler", "bob", "Images finished change")))
        .isEqualTo("worse");
    assertThat(judgement(page.cell(t, "Labeler", "bob", "Active hours change"))).isEmpty();
  }

  @Test
  void theStyleSheetColoursBetterGreenAndWorseRed_issue8() {
    String css = page.doc.select("style").html();

    assertThat(css).contains("--better: #15803d;", "--worse: #b91c1c;");
    assertThat(css).contains("td.better").contains("td.worse");
    assertThat(css).doesNotContain("td.up", "td.down");
  }

  /** Returns the cell's judgement class: better, worse or empty for none. */
  private static String judgement(Element cell) {
    boolean better = cell.hasClass("better");
    boolean worse = cell.hasClass("worse");
    assertThat(better && worse).as("a change is either better or worse").isFalse();
    return better ? "better" : worse ? "worse" : "";
  }

  @Test
  void summaryCardsAndFactsNameTheZoneAndTheForecast() {
    Element firstCard = page.doc.selectFirst(".kpi");

    assertThat(firstCard.selectFirst(".kpi-label").text()).isEqualTo("Active hours");
    assertThat(firstCard.selectFirst(".kpi-value").text()).isEqualTo("15.75");
    assertThat(firstCard.selectFirst(".kpi-change").text()).isEqualTo("+1.75 vs previous 14.00");
    assertThat(page.doc.selectFirst(".subtitle").text())
        .isEqualTo(
            "from 2024-05-01 to 2024-05-07, both days included (7 days), times in Europe/Berlin");
    assertThat(page.fact("Snapshot (Europe/Berlin)")).isEqualTo("2024-05-08 06:30");
    assertThat(page.fact("Team ETA (Europe/Berlin)")).isEqualTo("2024-06-09");
    assertThat(page.fact("Team pace (images/day)")).isEqualTo("35.0");
    assertThat(page.fact("Remaining images (pending and in progress)")).isEqualTo("1,150");
    assertThat(page.fact("Previous window"))
        .isEqualTo("from 2024-04-24 to 2024-04-30, both days included (7 days)");
    assertThat(page.fact("Idle threshold")).isEqualTo("300 s");
  }

  @Test
  void labelersShowFiguresChangesAndNaWhereNoRateExists() {
    String t = "labelers-table";

    assertThat(page.text(t, "Labeler", "alice", "Active hours")).isEqualTo("12.50");
    assertThat(page.text(t, "Labeler", "alice", "Active hours change")).isEqualTo("+2.50");
    assertThat(page.text(t, "Labeler", "alice", "Images finished change")).isEqualTo("+70");
    assertThat(page.text(t, "Labeler", "alice", "Images per active hour")).isEqualTo("20.00");
    assertThat(page.text(t, "Labeler", "alice", "Acceptance rate")).isEqualTo("90.0%");
    assertThat(page.text(t, "Labeler", "alice", "Acceptance rate change")).isEqualTo("+6.7 pp");
    assertThat(page.text(t, "Labeler", "alice", "Objects created")).isEqualTo("1,200");
    assertThat(page.text(t, "Labeler", "bob", "Images per active hour")).isEqualTo("n/a");
    assertThat(page.text(t, "Labeler", "bob", "Images per active hour change")).isEqualTo("n/a");
    assertThat(page.text(t, "Labeler", "bob", "Acceptance rate")).isEqualTo("n/a");
    assertThat(page.cell(t, "Labeler", "bob", "Acceptance rate").hasClass("missing")).isTrue();
  }

  @Test
  void numbersAreRightAlignedAndCarryTheirValueForSorting() {
    Element hours = page.cell("labelers-table", "Labeler", "alice", "Active hours");
    Element missing = page.cell("labelers-table", "Labeler", "bob", "Acceptance rate");
    Element login = page.cell("labelers-table", "Labeler", "alice", "Labeler");

    assertThat(hours.hasClass("num")).isTrue();
    assertThat(hours.attr("data-value")).isEqualTo("12.5");
    assertThat(missing.hasAttr("data-value")).isFalse();
    assertThat(login.hasClass("num")).isFalse();
    assertThat(page.table("labelers-table").select("thead th.num")).hasSize(18);
  }

  @Test
  void reviewersShowTurnaroundInHours() {
    String t = "reviewers-table";

    assertThat(page.text(t, "Reviewer", "rita", "Turnaround median (h)")).isEqualTo("1.50");
    assertThat(page.text(t, "Reviewer", "rita", "Turnaround p90 (h)")).isEqualTo("5.00");
    assertThat(page.text(t, "Reviewer", "sam", "Turnaround median (h)")).isEqualTo("n/a");
    assertThat(page.text(t, "Reviewer", "sam", "Decisions without done")).isEqualTo("10");
  }

  @Test
  void jobsShowProgressLastActivityInTheZoneAndHighlights() {
    String t = "jobs-table";

    assertThat(page.text(t, "Job id", "101", "Progress")).isEqualTo("62.5%");
    assertThat(page.text(t, "Job id", "101", "Last activity (Europe/Berlin)"))
        .isEqualTo("2024-05-07 17:45");
    assertThat(page.text(t, "Job id", "101", "ETA (Europe/Berlin)")).isEqualTo("2024-05-13");
    assertThat(page.cell(t, "Job id", "101", "ETA (Europe/Berlin)").hasClass("warn")).isFalse();
    assertThat(page.text(t, "Job id", "103", "Progress")).isEqualTo("n/a");
    assertThat(page.text(t, "Job id", "102", "Last activity (Europe/Berlin)")).isEqualTo("n/a");
    assertThat(page.text(t, "Job id", "102", "Dataset")).isEqualTo("n/a");
    assertThat(page.text(t, "Job id", "105", "Images")).isEqualTo("1,000");
    assertThat(page.text(t, "Job id", "105", "Pace (images/day)")).isEqualTo("5.0");
  }

  @Test
  void jobsHighlightStaleJobsLateOrUnknownEtasAndReconciliation() {
    String t = "jobs-table";

    assertThat(page.row(t, "Job id", "102").hasClass("stale")).isTrue();
    assertThat(page.text(t, "Job id", "102", "Stale")).isEqualTo("yes");
    assertThat(page.row(t, "Job id", "101").hasClass("stale")).isFalse();
    assertThat(page.text(t, "Job id", "102", "ETA (Europe/Berlin)")).isEqualTo("n/a (no pace)");
    assertThat(page.cell(t, "Job id", "102", "ETA (Europe/Berlin)").hasClass("warn")).isTrue();
    assertThat(page.text(t, "Job id", "105", "ETA (Europe/Berlin)")).isEqualTo("2024-11-04");
    assertThat(page.cell(t, "Job id", "105", "ETA (Europe/Berlin)").hasClass("warn")).isTrue();
    assertThat(page.cell(t, "Job id", "103", "Reconciliation flag").hasClass("warn")).isTrue();
    assertThat(page.row(t, "Job id", "104").hasClass("archived")).isTrue();
    assertThat(page.text(t, "Job id", "104", "Archived")).isEqualTo("yes");
  }

  @Test
  void unknownStatusesAreShownAsReceivedAndFlagged() {
    Element status =
        page.cell("status-table", "Status", "review_completed (unknown status)", "Jobs");

    assertThat(status.text()).isEqualTo("1");
    assertThat(status.previousElementSibling().hasClass("warn")).isTrue();
    assertThat(page.text("jobs-table", "Job id", "103", "Status")).isEqualTo("review_completed");
  }

  @Test
  void classesShowWeightedSecondsPerLabelAndDurationInHours() {
    assertThat(page.text("classes-table", "Class", "car", "Total duration (h)")).isEqualTo("2.50");
    assertThat(page.text("classes-table", "Class", "car", "Seconds per label")).isEqualTo("6.0");
    assertThat(page.text("classes-table", "Class", "person", "Seconds per label")).isEqualTo("n/a");
    assertThat(page.text("labeler-classes-table", "Labeler", "#0", "Class")).isEqualTo("car");
  }

  @Test
  void dailyAndHeatmapNameTheZoneAndShadeCells() {
    assertThat(page.headers("daily-table")).first().isEqualTo("Date (Europe/Berlin)");
    assertThat(page.text("daily-table", "Date (Europe/Berlin)", "2024-05-02", "Active hours"))
        .isEqualTo("5.25");
    assertThat(page.headers("heatmap-table"))
        .containsExactly(
            "Labeler",
            "2024-05-01",
            "2024-05-02",
            "2024-05-03",
            "2024-05-04",
            "2024-05-05",
            "2024-05-06",
            "2024-05-07",
            "Total");
    Element busiest = page.cell("heatmap-table", "Labeler", HOSTILE_LOGIN, "2024-05-02");
    assertThat(busiest.text()).isEqualTo("3.25");
    assertThat(busiest.hasClass("heat-5")).isTrue();
    assertThat(page.cell("heatmap-table", "Labeler", "alice", "2024-05-04").hasClass("heat-0"))
        .isTrue();
    assertThat(page.text("heatmap-table", "Labeler", "alice", "Total")).isEqualTo("12.50");
  }

  @Test
  void dataQualityListsEveryCountAndTheNotes() {
    String t = "quality-table";

    assertThat(page.text(t, "Check", "Events received", "Count")).isEqualTo("5,000");
    assertThat(page.cell(t, "Check", "Events received", "Count").hasClass("warn")).isFalse();
    assertThat(page.text(t, "Check", "Duplicates removed", "Count")).isEqualTo("12");
    assertThat(page.cell(t, "Check", "Duplicates removed", "Count").hasClass("warn")).isTrue();
    assertThat(page.text(t, "Check", "Events with unknown action teleport", "Count"))
        .isEqualTo("4");
    assertThat(page.text(t, "Check", "Jobs with unknown status review_completed", "Count"))
        .isEqualTo("1");
    assertThat(page.doc.select("#data-quality .notes li").eachText()).containsExactly(HOSTILE_NOTE);
    assertThat(page.doc.select("#data-quality p strong").text()).isEqualTo("yes");
  }

  @Test
  void definitionsComeFromTheMetricDefinitions() {
    for (Definition d : MetricDefinitions.all()) {
      assertThat(page.text("definitions-table", "Metric", d.metric(), "Definition"))
          .isEqualTo(d.definition());
    }
  }

  @Test
  void definitionsWordTheWindowWithBothDaysIncludedAsTheSummaryDoes() {
    assertThat(page.text("definitions-table", "Metric", "Window", "Definition"))
        .contains("from the first date to the last, both days included")
        .doesNotContain("not including");
    assertThat(page.doc.selectFirst("#definitions .hint").text())
        .isEqualTo(
            "This report's window is from 2024-05-01 to 2024-05-07, both days included (7 days);"
                + " the previous window is from 2024-04-24 to 2024-04-30, both days included"
                + " (7 days). Dates and times are local to the report zone Europe/Berlin.");
    assertThat(page.fact("Window"))
        .isEqualTo("from 2024-05-01 to 2024-05-07, both days included (7 days)");
  }

  @Test
  void hostileServerTextsShowAsTextAndNeverAsMarkup() {
    assertThat(page.text("jobs-table", "Job id", "102", "Job")).isEqualTo(HOSTILE_JOB);
    assertThat(page.text("labelers-table", "User id", "13", "Labeler")).isEqualTo(HOSTILE_LOGIN);
    assertThat(page.doc.select("td").eachText()).contains(HOSTILE_CLASS);
    assertThat(page.html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.doc.select("script")).hasSize(3);
    assertThat(page.doc.select("img, b, i, iframe, object, embed")).isEmpty();
    assertThat(page.doc.getAllElements())
        .allSatisfy(
            e ->
                assertThat(e.attributes().asList())
                    .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
  }

  @Test
  void aVeryLongNameIsCutWithAVisibleMarkerAndUnicodeIsKept() throws IOException {
    String emoji = "\uD83D\uDE80 Straße 東京 ";
    String name = emoji + "x".repeat(40_000 - emoji.length());
    Path file = dir.resolve("long-name.html");

    WRITER.write(ReportFixtures.teamWithJob101Named(name), file);
    Element cell = ReportPage.read(file).cell("jobs-table", "Job id", "101", "Job");

    assertThat(cell.text())
        .startsWith(emoji)
        .endsWith("\u2026 [cut, 40,000 characters]")
        .hasSize(Cells.MAX_TEXT + "\u2026 [cut, 40,000 characters]".length());
    assertThat(cell.hasClass("long")).isTrue();
  }

  @Test
  void chartDataIsJsonThatCannotCloseItsScriptElement() throws IOException {
    Element block = page.doc.getElementById("chart-data");
    String json = block.data();

    assertThat(block.attr("type")).isEqualTo("application/json");
    assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    JsonNode data = new ObjectMapper().readTree(json);
    assertThat(data.at("/labelerRates/logins/0").asText()).isEqualTo(HOSTILE_LOGIN);
    assertThat(data.at("/labelerRates/current/1").asDouble()).isEqualTo(20.0);
    assertThat(data.at("/labelerRates/current/2").isNull()).isTrue();
    assertThat(data.at("/trend/dates/0").asText()).isEqualTo("2024-05-01");
    assertThat(data.at("/statuses/statuses").toString())
        .isEqualTo("[\"completed\",\"in_progress\",\"pending\",\"review_completed\"]");
    assertThat(data.at("/heatmap/max").asDouble()).isEqualTo(3.25);
  }

  @Test
  void thePageLoadsNothingFromOutside() {
    List<String> urls =
        page.doc.select("[src], [href]").stream()
            .flatMap(e -> Stream.of(e.attr("src"), e.attr("href")))
            .filter(u -> !u.isEmpty())
            .toList();

    assertThat(urls).allMatch(u -> u.startsWith("#") || u.startsWith("data:"), "local only");
    assertThat(page.doc.select("link[rel=icon]").attr("href")).isEqualTo("data:,");
    assertThat(page.doc.select("link[rel=stylesheet], script[src], img, iframe")).isEmpty();
    assertThat(page.doc.selectFirst("style").data()).doesNotContain("url(", "@import");
    assertThat(page.html).doesNotContain("sourceMappingURL");
    assertThat(page.doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none';");
  }

  @Test
  void chartsHaveACanvasEach() {
    assertThat(page.doc.select("canvas").eachAttr("id"))
        .containsExactlyInAnyOrder(
            "chart-trend", "chart-labelerRates", "chart-statuses", "chart-heatmap");
    assertThat(page.doc.select("script").get(1).data()).contains("Chart.js v4.4.7");
  }

  @Test
  void anEmptyWindowSaysSoInsteadOfDrawingEmptyTablesAndCharts() throws IOException {
    Path file = dir.resolve("empty.html");

    WRITER.write(ReportFixtures.emptyWindow(), file);
    ReportPage empty = ReportPage.read(file);

    assertThat(empty.doc.getElementById("labelers-table").text())
        .isEqualTo("No labeler worked in the window.");
    assertThat(empty.doc.getElementById("jobs-table").text())
        .isEqualTo("The snapshot has no jobs.");
    assertThat(empty.doc.select("canvas").eachAttr("id")).containsExactly("chart-trend");
    assertThat(empty.rows("daily-table")).hasSize(7);
    assertThat(empty.text("summary-table", "Metric", "Acceptance rate", "This window"))
        .isEqualTo("n/a");
    assertThat(empty.text("summary-table", "Metric", "Acceptance rate", "Change")).isEqualTo("n/a");
    assertThat(empty.fact("Team ETA (Europe/Berlin)")).isEqualTo("n/a");
    assertThat(empty.doc.select("#data-quality p strong").text()).startsWith("unknown");
  }

  @Test
  void writingOverADirectoryFailsWithAClearMessageAndLeavesItAlone() throws IOException {
    Path target = Files.createDirectories(dir.resolve("is-a-dir.html"));
    Files.writeString(target.resolve("keep.txt"), "keep");

    assertThatThrownBy(() -> WRITER.write(ReportFixtures.team(), target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is a directory");
    assertThat(target.resolve("keep.txt")).hasContent("keep");
    assertThat(leftovers(dir)).isEmpty();
  }

  @Test
  void theWrittenReportIsReadableByOthersLikeAnyPublishedFile() throws IOException {
    Path file = dir.resolve("reports/team-42.html");
    Assumptions.assumeTrue(
        file.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions only");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aFailedWriteLeavesNoFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("failed/report.html");

    assertThatThrownBy(
            () ->
                ReportFiles.writeText(
                    target,
                    out -> {
                      out.write("<!DOCTYPE html><html>half a report");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(target).doesNotExist();
    assertThat(leftovers(target.getParent())).isEmpty();
  }

  @Test
  void aFailedWriteKeepsThePreviousReport() throws IOException {
    Path target = dir.resolve("kept/report.html");
    ReportFiles.writeText(target, out -> out.write("yesterday"));

    assertThatThrownBy(
            () ->
                ReportFiles.writeText(
                    target,
                    out -> {
                      out.write("today, half");
                      throw new IllegalStateException("template failed");
                    }))
        .hasMessage("template failed");

    assertThat(target).hasContent("yesterday");
    assertThat(leftovers(target.getParent())).isEmpty();
  }

  private static List<Path> leftovers(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
