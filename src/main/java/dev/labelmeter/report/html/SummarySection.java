package dev.labelmeter.report.html;

import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
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
   * @param trend {@code up}, {@code down} or empty
   */
  record Kpi(String label, String value, String previous, String change, String trend) {}

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
        hoursCard("Active hours", now, before, TeamFigures::teamActiveHours),
        countCard("Images finished", now, before, TeamFigures::teamImagesFinished),
        hoursCard("Images per active hour", now, before, TeamFigures::imagesPerActiveHour),
        rateCard("Acceptance rate", now, before, TeamFigures::acceptanceRate),
        rateCard("First-pass acceptance", now, before, TeamFigures::firstPassAcceptance));
  }

  /** Returns the table of team KPIs for the window beside the previous window. */
  static TableView kpiTable(Summary summary) {
    TeamFigures now = summary.current();
    TeamFigures before = summary.previous();
    List<KpiLine> lines = new ArrayList<>();
    lines.add(hoursLine("Active hours", now, before, TeamFigures::teamActiveHours));
    lines.add(hoursLine("Platform hours", now, before, TeamFigures::teamPlatformHours));
    lines.add(countLine("Images finished", now, before, f -> f.teamImagesFinished()));
    lines.add(countLine("Objects created", now, before, f -> f.teamObjectsCreated()));
    lines.add(hoursLine("Images per active hour", now, before, TeamFigures::imagesPerActiveHour));
    lines.add(hoursLine("Objects per active hour", now, before, TeamFigures::objectsPerActiveHour));
    lines.add(countLine("Accepted", now, before, f -> f.accepted()));
    lines.add(countLine("Rejected", now, before, f -> f.rejected()));
    lines.add(rateLine("Acceptance rate", now, before, TeamFigures::acceptanceRate));
    lines.add(countLine("First-pass images", now, before, f -> f.firstPassImages()));
    lines.add(rateLine("First-pass acceptance", now, before, TeamFigures::firstPassAcceptance));
    lines.add(turnaroundLine("Review turnaround median (h)", now, before, true));
    lines.add(turnaroundLine("Review turnaround p90 (h)", now, before, false));
    lines.add(countLine("Active users", now, before, f -> f.activeUsers()));
    lines.add(hoursLine("Active hours at 100 s idle", now, before, f -> f.activeHoursAt100s()));
    lines.add(hoursLine("Active hours at 900 s idle", now, before, f -> f.activeHoursAt900s()));
    return new TableSpec<KpiLine>()
        .text("Metric", KpiLine::metric)
        .number("This window", KpiLine::current)
        .number("Previous window", KpiLine::previous)
        .number("Change", KpiLine::change)
        .build("summary-table", "Team KPIs", lines, "");
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
        new Fact("Window", ReportView.windowText(params.from(), params.to())),
        new Fact("Previous window", ReportView.windowText(params.previousFrom(), params.from())),
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
      String label, TeamFigures now, TeamFigures before, Function<TeamFigures, Double> figure) {
    Double current = figure.apply(now);
    Double previous = before == null ? null : figure.apply(before);
    Cell change = Cells.hoursChange(current, previous);
    return new Kpi(
        label,
        Formats.hours(current),
        Formats.hours(previous),
        change.missing() ? "" : change.text(),
        change.cssClass());
  }

  private static Kpi countCard(
      String label, TeamFigures now, TeamFigures before, Function<TeamFigures, Long> figure) {
    long current = figure.apply(now);
    if (before == null) {
      return new Kpi(label, Formats.count(current), Formats.MISSING, "", "");
    }
    long previous = figure.apply(before);
    Cell change = Cells.countChange(current, previous);
    return new Kpi(
        label, Formats.count(current), Formats.count(previous), change.text(), change.cssClass());
  }

  private static Kpi rateCard(
      String label, TeamFigures now, TeamFigures before, Function<TeamFigures, Double> rate) {
    Double current = rate.apply(now);
    Double previous = before == null ? null : rate.apply(before);
    Cell change = Cells.percentPointChange(current, previous);
    return new Kpi(
        label,
        Formats.percent(current),
        Formats.percent(previous),
        change.missing() ? "" : change.text(),
        change.cssClass());
  }

  private static KpiLine hoursLine(
      String metric, TeamFigures now, TeamFigures before, Function<TeamFigures, Double> figure) {
    return line(metric, now, before, figure, Cells::hours, Cells::hoursChange);
  }

  private static KpiLine rateLine(
      String metric, TeamFigures now, TeamFigures before, Function<TeamFigures, Double> figure) {
    return line(metric, now, before, figure, Cells::percent, Cells::percentPointChange);
  }

  private static KpiLine countLine(
      String metric, TeamFigures now, TeamFigures before, Function<TeamFigures, Long> figure) {
    Cell previous = before == null ? Cells.missing() : Cells.count(figure.apply(before));
    Cell change =
        before == null
            ? Cells.missing()
            : Cells.countChange(figure.apply(now), figure.apply(before));
    return new KpiLine(metric, Cells.count(figure.apply(now)), previous, change);
  }

  private static KpiLine turnaroundLine(
      String metric, TeamFigures now, TeamFigures before, boolean median) {
    Function<TeamFigures, Double> hours =
        f -> {
          Double seconds = median ? f.turnaroundMedianSeconds() : f.turnaroundP90Seconds();
          return seconds == null ? null : seconds / 3600;
        };
    return hoursLine(metric, now, before, hours);
  }

  private static KpiLine line(
      String metric,
      TeamFigures now,
      TeamFigures before,
      Function<TeamFigures, Double> figure,
      Function<Double, Cell> cell,
      BiFunction<Double, Double, Cell> difference) {
    Double current = figure.apply(now);
    Double previous = before == null ? null : figure.apply(before);
    return new KpiLine(
        metric, cell.apply(current), cell.apply(previous), difference.apply(current, previous));
  }
}
