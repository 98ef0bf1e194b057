package dev.labelmeter.report.html;

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
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.report.WindowText;
import dev.labelmeter.report.html.TableView.Cell;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Returns the summary's KPIs, parameters, job status breakdown and data-quality lines. */
final class SummarySection {

  /** The job statuses Supervisely documents; any other is shown and flagged as unknown. */
  static final Set<String> KNOWN_STATUSES =
      Set.of("pending", "in_progress", "on_review", "completed", "stopped");

  /**
   * A headline figure.
   *
   * @param label the figure's name
   * @param value the window's value
   * @param previous the previous window's value
   * @param change the signed change, empty when it cannot be computed
   * @param judgement {@code better} or {@code worse} by the metric's direction, or empty
   */
  record Kpi(String label, String value, String previous, String change, String judgement) {}

  /**
   * A named value, for parameters and forecasts.
   *
   * @param label the name
   * @param value the value as shown
   */
  record Fact(String label, String value) {}

  /** One line of the KPI table: the window beside the previous window. */
  private record KpiLine(String metric, Cell current, Cell previous, Cell change) {}

  /** One data-quality count; {@code problemWhenPositive} flags a count above 0. */
  private record QualityLine(String check, long count, boolean problemWhenPositive) {}

  private SummarySection() {}

  /** Returns the headline cards shown first in the page. */
  static List<Kpi> cards(Summary summary) {
    TeamFigures now = summary.current();
    TeamFigures before = summary.previous();
    return List.of(
        hoursCard("Active hours", ACTIVE_HOURS, now, before, TeamFigures::teamActiveHours),
        countCard("Images finished", IMAGES_FINISHED, now, before, TeamFigures::teamImagesFinished),
        hoursCard(
            "Images per active hour",
            IMAGES_PER_ACTIVE_HOUR,
            now,
            before,
            TeamFigures::imagesPerActiveHour),
        rateCard("Acceptance rate", ACCEPTANCE_RATE, now, before, TeamFigures::acceptanceRate),
        rateCard(
            "First-pass acceptance",
            FIRST_PASS_ACCEPTANCE,
            now,
            before,
            TeamFigures::firstPassAcceptance));
  }

  /** Returns the table of team KPIs for the window beside the previous window. */
  static TableView kpiTable(Summary summary) {
    TeamFigures now = summary.current();
    TeamFigures before = summary.previous();
    KpiLines lines = new KpiLines(now, before);
    lines.hours("Active hours", ACTIVE_HOURS, TeamFigures::teamActiveHours);
    lines.hours("Platform hours", PLATFORM_HOURS, TeamFigures::teamPlatformHours);
    lines.count("Images finished", IMAGES_FINISHED, TeamFigures::teamImagesFinished);
    lines.count("Objects created", OBJECTS_CREATED, TeamFigures::teamObjectsCreated);
    lines.hours("Images per active hour", IMAGES_PER_ACTIVE_HOUR, f -> f.imagesPerActiveHour());
    lines.hours("Objects per active hour", OBJECTS_PER_ACTIVE_HOUR, f -> f.objectsPerActiveHour());
    lines.count("Accepted", ACCEPTED, TeamFigures::accepted);
    lines.count("Rejected", REJECTED, TeamFigures::rejected);
    lines.rate("Acceptance rate", ACCEPTANCE_RATE, TeamFigures::acceptanceRate);
    lines.count("First-pass images", FIRST_PASS_IMAGES, TeamFigures::firstPassImages);
    lines.rate("First-pass acceptance", FIRST_PASS_ACCEPTANCE, f -> f.firstPassAcceptance());
    lines.hours(
        "Review turnaround median (h)",
        REVIEW_TURNAROUND,
        f -> hoursOf(f.turnaroundMedianSeconds()));
    lines.hours(
        "Review turnaround p90 (h)", REVIEW_TURNAROUND, f -> hoursOf(f.turnaroundP90Seconds()));
    lines.count("Active users", ACTIVE_USERS, TeamFigures::activeUsers);
    lines.hours(
        "Active hours at 100 s idle",
        ACTIVE_HOURS_AT_OTHER_THRESHOLDS,
        TeamFigures::activeHoursAt100s);
    lines.hours(
        "Active hours at 900 s idle",
        ACTIVE_HOURS_AT_OTHER_THRESHOLDS,
        TeamFigures::activeHoursAt900s);
    return new TableSpec<KpiLine>()
        .text("Metric", KpiLine::metric)
        .number("This window", KpiLine::current)
        .number("Previous window", KpiLine::previous)
        .number("Change", KpiLine::change)
        .build("summary-table", "Team KPIs", lines.all, "");
  }

  /** Returns the number of jobs per status, unknown statuses flagged. */
  static TableView statusTable(Summary summary) {
    Map<String, Long> byStatus = new TreeMap<>(summary.jobsByStatus());
    List<Map.Entry<String, Long>> rows = new ArrayList<>(byStatus.entrySet());
    return new TableSpec<Map.Entry<String, Long>>()
        .textCell("Status", e -> statusCell(e.getKey()))
        .number("Jobs", e -> Cells.count(e.getValue()))
        .build("status-table", "Jobs by status", rows, "The snapshot has no jobs.");
  }

  /** Returns the team's job totals and forecast. */
  static List<Fact> forecast(Summary summary, ZoneId zone) {
    return List.of(
        new Fact("Jobs", Formats.count(summary.jobsTotal())),
        new Fact("Stale jobs", Formats.count(summary.staleJobs())),
        new Fact(
            "Remaining images (pending and in progress)", Formats.count(summary.remainingImages())),
        new Fact("Team pace (images/day)", Formats.oneDecimal(summary.teamPaceImagesPerDay())),
        new Fact("Team ETA (" + zone.getId() + ")", Formats.date(summary.teamEta())));
  }

  /** Returns the parameters the numbers were computed with. */
  static List<Fact> parameters(ResultParams params, ZoneId zone) {
    return List.of(
        new Fact("Team", Long.toString(params.teamId())),
        new Fact("Window", WindowText.of(params.from(), params.to())),
        new Fact("Previous window", WindowText.of(params.previousFrom(), params.from())),
        new Fact("Report zone", zone.getId()),
        new Fact("Idle threshold", params.idleThresholdSeconds() + " s"),
        new Fact("Stale after", params.staleDays() + " days without work"),
        new Fact("Snapshot (" + zone.getId() + ")", Formats.dateTime(params.snapshotAt(), zone)),
        new Fact("Stats duration unit", params.statsDurationUnit()));
  }

  /** Returns one line per data-quality count; lines with something to look at are flagged. */
  static TableView dataQuality(DataQuality quality) {
    List<QualityLine> lines = new ArrayList<>();
    lines.add(new QualityLine("Events received", quality.eventsReceived(), false));
    lines.add(new QualityLine("Duplicates removed", quality.duplicatesRemoved(), true));
    lines.add(new QualityLine("Dates that did not parse", quality.unparseableDates(), true));
    lines.add(new QualityLine("Events without a job", quality.eventsWithoutJob(), true));
    lines.add(
        new QualityLine(
            "Events whose job is not in the job list", quality.eventsUnknownJob(), true));
    lines.add(
        new QualityLine(
            "Decisions in the window without a prior done", quality.decisionsWithoutDone(), true));
    lines.add(
        new QualityLine(
            "Jobs whose accepted or rejected counter disagrees with their images",
            quality.jobsCounterMismatch(),
            true));
    new TreeMap<>(quality.unknownStatuses())
        .forEach((s, n) -> lines.add(new QualityLine("Jobs with unknown status " + s, n, true)));
    new TreeMap<>(quality.unknownActions())
        .forEach((a, n) -> lines.add(new QualityLine("Events with unknown action " + a, n, true)));
    return new TableSpec<QualityLine>()
        .text("Check", QualityLine::check)
        .number("Count", SummarySection::qualityCell)
        .build("quality-table", "Data quality", lines, "");
  }

  /** Returns whether the pulled activity matched the server's total, in words. */
  static String activityCountMatched(DataQuality quality) {
    if (quality.activityCountMatched() == null) {
      return "unknown (the pull did not record the server's total)";
    }
    return quality.activityCountMatched()
        ? "yes"
        : "no: the pulled events differ from the server's total";
  }

  private static Cell qualityCell(QualityLine line) {
    Cell cell = Cells.count(line.count());
    boolean flagged = line.problemWhenPositive() && line.count() > 0;
    return new Cell(cell.text(), cell.sortKey(), flagged ? "warn" : "");
  }

  private static Cell statusCell(String status) {
    if (KNOWN_STATUSES.contains(status)) {
      return Cells.text(status);
    }
    return Cells.text(status + " (unknown status)", "warn");
  }

  private static Kpi hoursCard(
      String label,
      Metric metric,
      TeamFigures now,
      TeamFigures before,
      Function<TeamFigures, Double> figure) {
    Double current = figure.apply(now);
    Double previous = before == null ? null : figure.apply(before);
    Cell change = Cells.hoursChange(metric, current, previous);
    return new Kpi(
        label,
        Formats.hours(current),
        Formats.hours(previous),
        change.missing() ? "" : change.text(),
        change.cssClass());
  }

  private static Kpi countCard(
      String label,
      Metric metric,
      TeamFigures now,
      TeamFigures before,
      Function<TeamFigures, Long> figure) {
    long current = figure.apply(now);
    if (before == null) {
      return new Kpi(label, Formats.count(current), Formats.MISSING, "", "");
    }
    long previous = figure.apply(before);
    Cell change = Cells.countChange(metric, current, previous);
    return new Kpi(
        label, Formats.count(current), Formats.count(previous), change.text(), change.cssClass());
  }

  private static Kpi rateCard(
      String label,
      Metric metric,
      TeamFigures now,
      TeamFigures before,
      Function<TeamFigures, Double> rate) {
    Double current = rate.apply(now);
    Double previous = before == null ? null : rate.apply(before);
    Cell change = Cells.percentPointChange(metric, current, previous);
    return new Kpi(
        label,
        Formats.percent(current),
        Formats.percent(previous),
        change.missing() ? "" : change.text(),
        change.cssClass());
  }

  private static Double hoursOf(Double seconds) {
    return seconds == null ? null : seconds / 3600;
  }

  /** The lines of the KPI table, each figure of the window beside the previous window's. */
  private static final class KpiLines {
    private final TeamFigures now;
    private final TeamFigures before;
    private final List<KpiLine> all = new ArrayList<>();

    KpiLines(TeamFigures now, TeamFigures before) {
      this.now = now;
      this.before = before;
    }

    void hours(String label, Metric metric, Function<TeamFigures, Double> figure) {
      add(label, figure, Cells::hours, (c, p) -> Cells.hoursChange(metric, c, p));
    }

    void rate(String label, Metric metric, Function<TeamFigures, Double> figure) {
      add(label, figure, Cells::percent, (c, p) -> Cells.percentPointChange(metric, c, p));
    }

    void count(String label, Metric metric, Function<TeamFigures, Long> figure) {
      long current = figure.apply(now);
      if (before == null) {
        all.add(new KpiLine(label, Cells.count(current), Cells.missing(), Cells.missing()));
        return;
      }
      long previous = figure.apply(before);
      Cell change = Cells.countChange(metric, current, previous);
      all.add(new KpiLine(label, Cells.count(current), Cells.count(previous), change));
    }

    private void add(
        String label,
        Function<TeamFigures, Double> figure,
        Function<Double, Cell> cell,
        BiFunction<Double, Double, Cell> difference) {
      Double current = figure.apply(now);
      Double previous = before == null ? null : figure.apply(before);
      Cell change = difference.apply(current, previous);
      all.add(new KpiLine(label, cell.apply(current), cell.apply(previous), change));
    }
  }
}
