package dev.labelmeter.report.excel;

import static dev.labelmeter.metrics.Metric.ACCEPTANCE_RATE;
import static dev.labelmeter.metrics.Metric.ACCEPTED;
import static dev.labelmeter.metrics.Metric.ACTIVE_HOURS;
import static dev.labelmeter.metrics.Metric.ACTIVE_HOURS_AT_OTHER_THRESHOLDS;
import static dev.labelmeter.metrics.Metric.ACTIVE_USERS;
import static dev.labelmeter.metrics.Metric.FIRST_PASS_ACCEPTANCE;
import static dev.labelmeter.metrics.Metric.FIRST_PASS_IMAGES;
import static dev.labelmeter.metrics.Metric.IMAGES_FINISHED;
import static dev.labelmeter.metrics.Metric.IMAGES_PER_ACTIVE_HOUR;
import static dev.labelmeter.metrics.Metric.OBJECTS_CREATED;
import static dev.labelmeter.metrics.Metric.OBJECTS_PER_ACTIVE_HOUR;
import static dev.labelmeter.metrics.Metric.PLATFORM_HOURS;
import static dev.labelmeter.metrics.Metric.REJECTED;
import static dev.labelmeter.metrics.Metric.REVIEW_TURNAROUND;

import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.Metric;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.report.WindowText;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;

/**
 * The page a manager reads first: the team's KPIs beside the previous window, the run's
 * parameters, the jobs, the data-quality lines and links to every other sheet.
 *
 * <p>The KPI block has a fixed place: its header is row 3 and "Active hours" is row 4, so that
 * {@code Summary!B4} is always this window's active hours.
 */
final class SummarySheet {

  static final String NAME = "Summary";

  /** A sheet to link to, with a line on what it holds. */
  record SheetLink(String sheet, String contents) {}

  private record Kpi(
      String label, Kind kind, Metric metric, Function<TeamFigures, ? extends Number> figure) {}

  private static final List<Kpi> KPIS =
      List.of(
          new Kpi("Active hours", Kind.HOURS, ACTIVE_HOURS, TeamFigures::teamActiveHours),
          new Kpi("Platform hours", Kind.HOURS, PLATFORM_HOURS, TeamFigures::teamPlatformHours),
          new Kpi("Images finished", Kind.COUNT, IMAGES_FINISHED, TeamFigures::teamImagesFinished),
          new Kpi("Objects created", Kind.COUNT, OBJECTS_CREATED, TeamFigures::teamObjectsCreated),
          new Kpi(
              "Images per active hour",
              Kind.DECIMAL,
              IMAGES_PER_ACTIVE_HOUR,
              TeamFigures::imagesPerActiveHour),
          new Kpi(
              "Objects per active hour",
              Kind.DECIMAL,
              OBJECTS_PER_ACTIVE_HOUR,
              TeamFigures::objectsPerActiveHour),
          new Kpi("Accepted decisions", Kind.COUNT, ACCEPTED, TeamFigures::accepted),
          new Kpi("Rejected decisions", Kind.COUNT, REJECTED, TeamFigures::rejected),
          new Kpi("Acceptance rate", Kind.RATE, ACCEPTANCE_RATE, TeamFigures::acceptanceRate),
          new Kpi("First-pass images", Kind.COUNT, FIRST_PASS_IMAGES, TeamFigures::firstPassImages),
          new Kpi(
              "First-pass acceptance",
              Kind.RATE,
              FIRST_PASS_ACCEPTANCE,
              TeamFigures::firstPassAcceptance),
          new Kpi(
              "Review turnaround median (hours)",
              Kind.HOURS,
              REVIEW_TURNAROUND,
              f -> Hours.ofSeconds(f.turnaroundMedianSeconds())),
          new Kpi(
              "Review turnaround p90 (hours)",
              Kind.HOURS,
              REVIEW_TURNAROUND,
              f -> Hours.ofSeconds(f.turnaroundP90Seconds())),
          new Kpi("Active users", Kind.COUNT, ACTIVE_USERS, TeamFigures::activeUsers),
          new Kpi(
              "Active hours at a 100 s idle threshold",
              Kind.HOURS,
              ACTIVE_HOURS_AT_OTHER_THRESHOLDS,
              TeamFigures::activeHoursAt100s),
          new Kpi(
              "Active hours at a 900 s idle threshold",
              Kind.HOURS,
              ACTIVE_HOURS_AT_OTHER_THRESHOLDS,
              TeamFigures::activeHoursAt900s));

  private final SheetWriter out;
  private final MetricsResult result;
  private final ReportZone zone;

  private SummarySheet(SheetWriter out, MetricsResult result, ReportZone zone) {
    this.out = out;
    this.result = result;
    this.zone = zone;
  }

  static void write(
      SheetWriter out,
      MetricsResult result,
      ReportZone zone,
      List<SheetLink> links,
      Optional<ActivitySheets.Written> activity) {
    SummarySheet summary = new SummarySheet(out, result, zone);
    summary.title();
    summary.kpis();
    summary.parameters();
    summary.jobs();
    summary.dataQuality();
    summary.sheets(links, activity);
    out.freeze(0, 3);
    out.applyWidths();
  }

  private void title() {
    Row row = out.newRow();
    ResultParams p = result.params();
    out.title(row, "Labeling team " + p.teamId() + ": " + window(p));
    out.skipRow();
  }

  private void kpis() {
    out.headerRow(List.of("Metric", "This window", "Previous window", "Change"));
    Summary summary = result.summary();
    for (Kpi kpi : KPIS) {
      Number current = Changes.figureOf(summary.current(), kpi.figure());
      Number previous = Changes.figureOf(summary.previous(), kpi.figure());
      Row row = out.newRow();
      out.styledText(row, 0, kpi.label(), out.styles().label());
      out.value(row, 1, current, kpi.kind());
      out.value(row, 2, previous, kpi.kind());
      Double change = Changes.between(current, previous);
      out.value(row, 3, change, kpi.kind().change(), kpi.metric().direction());
    }
    out.skipRow();
  }

  private void parameters() {
    ResultParams p = result.params();
    out.headerRow(List.of("Parameter", "Value"));
    line("Window", window(p), Kind.TEXT);
    line("Previous window", WindowText.of(p.previousFrom(), p.from()), Kind.TEXT);
    line("Report zone", p.zone(), Kind.TEXT);
    line("Idle threshold (seconds)", p.idleThresholdSeconds(), Kind.COUNT);
    line("Stale after (days without work)", p.staleDays(), Kind.COUNT);
    line(zone.header("Snapshot time"), zone.local(p.snapshotAt()), Kind.DATE_TIME);
    line("Stats duration unit", p.statsDurationUnit(), Kind.TEXT);
    line("Team id", p.teamId(), Kind.ID);
    out.skipRow();
  }

  private void jobs() {
    Summary s = result.summary();
    out.headerRow(List.of("Job counts", "Count"));
    line("Jobs in the snapshot", s.jobsTotal(), Kind.COUNT);
    for (Map.Entry<String, Long> status : new TreeMap<>(s.jobsByStatus()).entrySet()) {
      line("Status: " + status.getKey(), status.getValue(), Kind.COUNT);
    }
    line("Stale jobs", s.staleJobs(), Kind.COUNT);
    line("Images remaining (pending and in progress)", s.remainingImages(), Kind.COUNT);
    line("Team pace (images per day)", s.teamPaceImagesPerDay(), Kind.DECIMAL);
    line(zone.header("Team ETA"), s.teamEta(), Kind.DATE);
    out.skipRow();
  }

  private void dataQuality() {
    DataQuality q = result.dataQuality();
    out.headerRow(List.of("Data quality", "Count"));
    line("Events received", q.eventsReceived(), Kind.COUNT);
    line("Duplicate events removed", q.duplicatesRemoved(), Kind.COUNT);
    line("Events whose date did not parse", q.unparseableDates(), Kind.COUNT);
    line("Events without a job", q.eventsWithoutJob(), Kind.COUNT);
    line("Events whose job is not in the job list", q.eventsUnknownJob(), Kind.COUNT);
    line("Decisions without a prior done", q.decisionsWithoutDone(), Kind.COUNT);
    line("Jobs whose counters disagree with their images", q.jobsCounterMismatch(), Kind.COUNT);
    for (Map.Entry<String, Long> e : new TreeMap<>(q.unknownStatuses()).entrySet()) {
      line("Jobs with unknown status: " + e.getKey(), e.getValue(), Kind.COUNT);
    }
    for (Map.Entry<String, Long> e : new TreeMap<>(q.unknownActions()).entrySet()) {
      line("Events with unknown action: " + e.getKey(), e.getValue(), Kind.COUNT);
    }
    line("Activity count matched the server's total", q.activityCountMatched(), Kind.FLAG);
    for (String note : q.notes()) {
      Row row = out.newRow();
      out.styledText(row, 0, "Note", out.styles().label());
      out.text(row, 1, note);
    }
    out.skipRow();
  }

  private void sheets(List<SheetLink> links, Optional<ActivitySheets.Written> activity) {
    out.headerRow(List.of("Sheet", "Contents"));
    for (SheetLink link : links) {
      Row row = out.newRow();
      out.link(row, 0, link.sheet(), link.sheet());
      out.text(row, 1, link.contents());
    }
    activity.ifPresentOrElse(this::activityLinks, this::noActivity);
  }

  private void activityLinks(ActivitySheets.Written activity) {
    List<String> sheets = activity.sheets();
    for (int i = 0; i < sheets.size(); i++) {
      Row row = out.newRow();
      out.link(row, 0, sheets.get(i), sheets.get(i));
      out.text(row, 1, activityContents(activity, i));
    }
  }

  private static String activityContents(ActivitySheets.Written activity, int sheet) {
    NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
    if (sheet > 0) {
      return "Raw events of the window, continued (part " + (sheet + 1) + ")";
    }
    String text = "Raw events of the window: " + count.format(activity.rows()) + " events";
    if (activity.sheets().size() == 1) {
      return text;
    }
    return text
        + " on "
        + activity.sheets().size()
        + " sheets, since a sheet holds at most "
        + count.format(activity.rowsPerSheet())
        + " rows: "
        + String.join(", ", activity.sheets());
  }

  private void noActivity() {
    Row row = out.newRow();
    out.styledText(row, 0, "Activity", out.styles().label());
    out.text(row, 1, "Raw events not included (write the report with --include-activity)");
  }

  private void line(String label, Object value, Kind kind) {
    Row row = out.newRow();
    out.styledText(row, 0, label, out.styles().label());
    out.value(row, 1, value, kind);
  }

  private static String window(ResultParams p) {
    return WindowText.of(p.from(), p.to());
  }
}
