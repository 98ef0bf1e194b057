package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.MetricsResult;
import java.util.List;

/** One row per job of the snapshot, with its progress, hours, staleness and ETA. */
final class JobsSheet {

  static final String NAME = "Jobs";

  private JobsSheet() {}

  static void write(SheetWriter out, MetricsResult result, ReportZone zone) {
    TableWriter.write(out, columns(zone), result.jobs());
    out.freeze(2, 1);
    out.applyWidths();
  }

  static List<Column<JobRow>> columns(ReportZone zone) {
    return List.of(
        Column.of("Job id", Kind.ID, JobRow::id),
        Column.of("Job", Kind.TEXT, JobRow::name),
        Column.of("Project", Kind.TEXT, JobRow::project),
        Column.of("Dataset", Kind.TEXT, JobRow::dataset),
        Column.of("Labeler", Kind.TEXT, JobRow::labeler),
        Column.of("Reviewer", Kind.TEXT, JobRow::reviewer),
        Column.of("Status", Kind.TEXT, JobRow::status),
        Column.of("Archived", Kind.FLAG, JobRow::disabled),
        Column.of(zone.header("Created"), Kind.DATE_TIME, j -> zone.local(j.createdAt())),
        Column.summed("Images", Kind.COUNT, JobRow::images),
        Column.summed("Labeled", Kind.COUNT, JobRow::labeled),
        Column.summed("Accepted", Kind.COUNT, JobRow::accepted),
        Column.summed("Rejected", Kind.COUNT, JobRow::rejected),
        Column.summed("Untouched", Kind.COUNT, JobRow::untouched),
        Column.of("Progress", Kind.RATE, JobRow::progress),
        Column.summed("Active hours", Kind.HOURS, JobRow::activeHours),
        Column.summed("Platform hours", Kind.HOURS, JobRow::platformHours),
        Column.summed("Stats annotation hours", Kind.HOURS, JobRow::statsAnnotationHours),
        Column.of(zone.header("Last activity"), Kind.DATE_TIME, j -> zone.local(j.lastActivity())),
        Column.of("Stale", Kind.FLAG, JobRow::stale),
        Column.summed("Remaining images", Kind.COUNT, JobRow::remaining),
        Column.of("Pace (images per day)", Kind.DECIMAL, JobRow::paceImagesPerDay),
        Column.of(zone.header("ETA"), Kind.DATE, JobRow::eta),
        Column.of("Hours disagree with stats", Kind.FLAG, JobRow::reconciliationFlag),
        Column.of(
            "Turnaround median (hours)",
            Kind.HOURS,
            j -> Hours.ofSeconds(j.turnaroundMedianSeconds())),
        Column.of(
            "Turnaround p90 (hours)", Kind.HOURS, j -> Hours.ofSeconds(j.turnaroundP90Seconds())));
  }
}
