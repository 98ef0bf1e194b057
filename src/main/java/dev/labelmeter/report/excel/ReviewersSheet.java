package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ReviewerRow;
import java.util.List;

/** One row per reviewer: decisions, accepted, rejected and turnaround. */
final class ReviewersSheet {

  static final String NAME = "Reviewers";

  private ReviewersSheet() {}

  static void write(SheetWriter out, MetricsResult result) {
    TableWriter.write(out, columns(), result.reviewers());
    out.freeze(2, 1);
    out.applyWidths();
  }

  static List<Column<ReviewerRow>> columns() {
    return List.of(
        Column.of("User id", Kind.ID, ReviewerRow::userId),
        Column.of("Login", Kind.TEXT, ReviewerRow::login),
        Column.summed("Decisions", Kind.COUNT, ReviewerRow::decisions),
        Column.summed("Accepted", Kind.COUNT, ReviewerRow::accepted),
        Column.summed("Rejected", Kind.COUNT, ReviewerRow::rejected),
        Column.of(
            "Turnaround median (hours)",
            Kind.HOURS,
            r -> Hours.ofSeconds(r.turnaroundMedianSeconds())),
        Column.of(
            "Turnaround p90 (hours)", Kind.HOURS, r -> Hours.ofSeconds(r.turnaroundP90Seconds())),
        Column.summed(
            "Decisions without a prior done", Kind.COUNT, ReviewerRow::decisionsWithoutDone));
  }
}
