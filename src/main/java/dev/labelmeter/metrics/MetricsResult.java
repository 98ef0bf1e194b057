package dev.labelmeter.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Every number of a report, one table per report section. Report writers consume exactly this
 * object; both engines produce equal results from the same store and parameters.
 *
 * <p>Missing values are {@code null} in the boxed fields (never 0, NaN or Infinity). Lists are
 * immutable and sorted as documented on each row type.
 *
 * @param params the parameters the numbers were computed with
 * @param summary team KPIs for the window beside the previous window
 * @param labelers one row per labeler, sorted by login then user id
 * @param reviewers one row per reviewer with decisions in the window, sorted by login then id
 * @param jobs one row per job of the snapshot, sorted by job id
 * @param classes one row per (class name, shape), sorted by name then shape
 * @param labelerClasses one row per (labeler, class name, shape), sorted by login, name, shape
 * @param daily one row per local date of the window, in date order
 * @param heatmap labeler by date active hours
 * @param dataQuality what could not be used, and why
 */
public record MetricsResult(
    ResultParams params,
    Summary summary,
    List<LabelerRow> labelers,
    List<ReviewerRow> reviewers,
    List<JobRow> jobs,
    List<ClassRow> classes,
    List<LabelerClassRow> labelerClasses,
    List<DailyRow> daily,
    Heatmap heatmap,
    DataQuality dataQuality) {

  public MetricsResult {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(heatmap, "heatmap");
    Objects.requireNonNull(dataQuality, "dataQuality");
    labelers = List.copyOf(labelers);
    reviewers = List.copyOf(reviewers);
    jobs = List.copyOf(jobs);
    classes = List.copyOf(classes);
    labelerClasses = List.copyOf(labelerClasses);
    daily = List.copyOf(daily);
  }
}
