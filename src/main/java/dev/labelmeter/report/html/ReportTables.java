package dev.labelmeter.report.html;

import static dev.labelmeter.metrics.Metric.ACCEPTANCE_RATE;
import static dev.labelmeter.metrics.Metric.ACTIVE_HOURS;
import static dev.labelmeter.metrics.Metric.IMAGES_FINISHED;
import static dev.labelmeter.metrics.Metric.IMAGES_PER_ACTIVE_HOUR;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Heatmap.HeatmapRow;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerClassRow;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.Metric;
import dev.labelmeter.metrics.MetricDefinitions;
import dev.labelmeter.metrics.MetricDefinitions.Definition;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.report.html.TableView.Cell;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Returns the report's tables of labelers, reviewers, jobs, classes, days and definitions. */
final class ReportTables {

  /** Statuses of jobs that still have images to label; only these have an ETA. */
  private static final Set<String> OPEN_FOR_LABELING = Set.of("pending", "in_progress");

  private static final int HEAT_LEVELS = 5;

  private ReportTables() {}

  /** Returns the labelers' scorecard, with changes against the previous window. */
  static TableView labelers(List<LabelerRow> rows) {
    return new TableSpec<LabelerRow>()
        .text("Labeler", LabelerRow::login)
        .number("User id", r -> Cells.count(r.userId()))
        .number("Active hours", r -> Cells.hours(r.current().activeHours()))
        .number("Active hours change", r -> hoursChange(r, ACTIVE_HOURS, f -> f.activeHours()))
        .number("Platform hours", r -> Cells.hours(r.current().platformHours()))
        .number("Images finished", r -> Cells.count(r.current().imagesFinished()))
        .number("Images finished change", r -> imagesChange(r))
        .number("Objects created", r -> Cells.count(r.current().objectsCreated()))
        .number("Images per active hour", r -> Cells.hours(r.current().imagesPerActiveHour()))
        .number(
            "Images per active hour change",
            r -> hoursChange(r, IMAGES_PER_ACTIVE_HOUR, LabelerFigures::imagesPerActiveHour))
        .number("Objects per active hour", r -> Cells.hours(r.current().objectsPerActiveHour()))
        .number("Accepted", r -> Cells.count(r.current().accepted()))
        .number("Rejected", r -> Cells.count(r.current().rejected()))
        .number("Acceptance rate", r -> Cells.percent(r.current().acceptanceRate()))
        .number(
            "Acceptance rate change",
            r -> rateChange(r, ACCEPTANCE_RATE, LabelerFigures::acceptanceRate))
        .number("First-pass images", r -> Cells.count(r.current().firstPassImages()))
        .number("First-pass acceptance", r -> Cells.percent(r.current().firstPassAcceptance()))
        .number("Sessions", r -> Cells.count(r.current().sessions()))
        .number("Days active", r -> Cells.count(r.current().daysActive()))
        .build("labelers-table", "Labelers", rows, "No labeler worked in the window.");
  }

  /** Returns the reviewers' decisions and turnaround. */
  static TableView reviewers(List<ReviewerRow> rows) {
    return new TableSpec<ReviewerRow>()
        .text("Reviewer", ReviewerRow::login)
        .number("User id", r -> Cells.count(r.userId()))
        .number("Decisions", r -> Cells.count(r.decisions()))
        .number("Accepted", r -> Cells.count(r.accepted()))
        .number("Rejected", r -> Cells.count(r.rejected()))
        .number("Turnaround median (h)", r -> Cells.secondsAsHours(r.turnaroundMedianSeconds()))
        .number("Turnaround p90 (h)", r -> Cells.secondsAsHours(r.turnaroundP90Seconds()))
        .number("Decisions without done", r -> Cells.count(r.decisionsWithoutDone()))
        .build("reviewers-table", "Reviewers", rows, "No review decisions in the window.");
  }

  /** Returns every job as of the snapshot, stale jobs and late or unknown ETAs highlighted. */
  static TableView jobs(List<JobRow> rows, ZoneId zone, LocalDate teamEta) {
    return new TableSpec<JobRow>()
        .number("Job id", r -> Cells.count(r.id()))
        .text("Job", JobRow::name)
        .text("Project", JobRow::project)
        .text("Dataset", JobRow::dataset)
        .text("Labeler", JobRow::labeler)
        .text("Reviewer", JobRow::reviewer)
        .text("Status", JobRow::status)
        .textCell("Archived", r -> Cells.flag(r.disabled(), "muted"))
        .number("Images", r -> Cells.count(r.images()))
        .number("Labeled", r -> Cells.count(r.labeled()))
        .number("Accepted", r -> Cells.count(r.accepted()))
        .number("Rejected", r -> Cells.count(r.rejected()))
        .number("Progress", r -> Cells.percent(r.progress()))
        .number("Active hours", r -> Cells.hours(r.activeHours()))
        .number("Platform hours", r -> Cells.hours(r.platformHours()))
        .number("Stats hours", r -> Cells.hours(r.statsAnnotationHours()))
        .number("Last activity (" + zone.getId() + ")", r -> Cells.dateTime(r.lastActivity(), zone))
        .textCell("Stale", r -> Cells.flag(r.stale(), "bad"))
        .number("Remaining", r -> Cells.count(r.remaining()))
        .number("Pace (images/day)", r -> Cells.oneDecimal(r.paceImagesPerDay()))
        .number("ETA (" + zone.getId() + ")", r -> eta(r, teamEta))
        .textCell("Reconciliation flag", r -> Cells.flag(r.reconciliationFlag(), "warn"))
        .number("Turnaround median (h)", r -> Cells.secondsAsHours(r.turnaroundMedianSeconds()))
        .number("Turnaround p90 (h)", r -> Cells.secondsAsHours(r.turnaroundP90Seconds()))
        .rowClass(r -> (r.stale() ? "stale " : "") + (r.disabled() ? "archived" : ""))
        .build("jobs-table", "Jobs", rows, "The snapshot has no jobs.");
  }

  /** Returns the classes over all jobs. */
  static TableView classes(List<ClassRow> rows) {
    return new TableSpec<ClassRow>()
        .text("Class", ClassRow::name)
        .text("Shape", ClassRow::shape)
        .number("Jobs", r -> Cells.count(r.jobs()))
        .number("Labels", r -> Cells.count(r.labelsCount()))
        .number("Images", r -> Cells.count(r.imagesCount()))
        .number("Total duration (h)", r -> Cells.secondsAsHours(r.totalDurationSeconds()))
        .number("Seconds per label", r -> Cells.oneDecimal(r.secondsPerLabel()))
        .build("classes-table", "Classes", rows, "No job lists any class.");
  }

  /** Returns the classes through each labeler's jobs. */
  static TableView labelerClasses(List<LabelerClassRow> rows) {
    return new TableSpec<LabelerClassRow>()
        .text("Labeler", LabelerClassRow::login)
        .text("Class", LabelerClassRow::name)
        .text("Shape", LabelerClassRow::shape)
        .number("Jobs", r -> Cells.count(r.jobs()))
        .number("Labels", r -> Cells.count(r.labelsCount()))
        .number("Images", r -> Cells.count(r.imagesCount()))
        .number("Total duration (h)", r -> Cells.secondsAsHours(r.totalDurationSeconds()))
        .number("Seconds per label", r -> Cells.oneDecimal(r.secondsPerLabel()))
        .build("labeler-classes-table", "Labeler × class", rows, "No labeled job lists any class.");
  }

  /** Returns the team's figures per local date of the window. */
  static TableView daily(List<DailyRow> rows, ZoneId zone) {
    return new TableSpec<DailyRow>()
        .number("Date (" + zone.getId() + ")", r -> Cells.date(r.date()))
        .number("Active hours", r -> Cells.hours(r.activeHours()))
        .number("Platform hours", r -> Cells.hours(r.platformHours()))
        .number("Images finished", r -> Cells.count(r.imagesFinished()))
        .number("Objects created", r -> Cells.count(r.objectsCreated()))
        .number("Accepted", r -> Cells.count(r.accepted()))
        .number("Rejected", r -> Cells.count(r.rejected()))
        .number("Active users", r -> Cells.count(r.activeUsers()))
        .build("daily-table", "Daily trend", rows, "The window has no dates.");
  }

  /** Returns the labeler by date active hours, each cell shaded by its share of the maximum. */
  static TableView heatmap(Heatmap heatmap, ZoneId zone) {
    double max = heatmapMax(heatmap);
    TableSpec<HeatmapRow> spec = new TableSpec<HeatmapRow>().text("Labeler", HeatmapRow::login);
    for (int i = 0; i < heatmap.dates().size(); i++) {
      int day = i;
      spec.number(Formats.date(heatmap.dates().get(i)), r -> heatCell(hoursAt(r, day), max));
    }
    spec.number("Total", r -> Cells.hours(r.activeHours().stream().mapToDouble(h -> h).sum()));
    return spec.build(
        "heatmap-table",
        "Active hours per labeler and date (" + zone.getId() + ")",
        heatmap.rows(),
        "No labeler worked in the window.");
  }

  /** Returns every metric definition. */
  static TableView definitions() {
    return new TableSpec<Definition>()
        .text("Section", Definition::section)
        .text("Metric", Definition::metric)
        .text("Definition", Definition::definition)
        .build("definitions-table", "Definitions", MetricDefinitions.all(), "");
  }

  /** Returns the largest active hours of the heatmap, 0 when empty. */
  static double heatmapMax(Heatmap heatmap) {
    double max = 0;
    for (HeatmapRow row : heatmap.rows()) {
      for (Double hours : row.activeHours()) {
        if (hours != null && hours > max) {
          max = hours;
        }
      }
    }
    return max;
  }

  private static Double hoursAt(HeatmapRow row, int day) {
    return day < row.activeHours().size() ? row.activeHours().get(day) : null;
  }

  private static Cell heatCell(Double hours, double max) {
    Cell cell = Cells.hours(hours);
    if (hours == null) {
      return cell;
    }
    int level = hours <= 0 || max <= 0 ? 0 : 1 + (int) Math.min(HEAT_LEVELS - 1, hours / max * 5);
    return new Cell(cell.text(), cell.sortKey(), "heat heat-" + level);
  }

  private static Cell eta(JobRow job, LocalDate teamEta) {
    boolean open = OPEN_FOR_LABELING.contains(job.status());
    boolean workLeft = job.remaining() != null && job.remaining() > 0;
    if (job.eta() == null && open && workLeft) {
      return new Cell(Formats.MISSING + " (no pace)", null, "missing warn");
    }
    boolean late = job.eta() != null && teamEta != null && job.eta().isAfter(teamEta);
    return Cells.date(job.eta(), late ? "warn" : "");
  }

  private static Cell imagesChange(LabelerRow row) {
    if (row.previous() == null) {
      return Cells.missing();
    }
    return Cells.countChange(
        IMAGES_FINISHED, row.current().imagesFinished(), row.previous().imagesFinished());
  }

  private static Cell hoursChange(
      LabelerRow row, Metric metric, Function<LabelerFigures, Double> figure) {
    if (row.previous() == null) {
      return Cells.missing();
    }
    return Cells.hoursChange(metric, figure.apply(row.current()), figure.apply(row.previous()));
  }

  private static Cell rateChange(
      LabelerRow row, Metric metric, Function<LabelerFigures, Double> figure) {
    if (row.previous() == null) {
      return Cells.missing();
    }
    return Cells.percentPointChange(
        metric, figure.apply(row.current()), figure.apply(row.previous()));
  }
}
