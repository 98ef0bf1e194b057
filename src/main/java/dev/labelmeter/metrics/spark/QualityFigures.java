package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.Frames.longOr0;
import static dev.labelmeter.metrics.spark.Frames.longOrNull;

import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.KnownValues;
import dev.labelmeter.metrics.PullNotes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The data quality figures and notes of a {@link MetricsJob}, worded and ordered as the Tablesaw
 * engine's: the event counts of the job's quality aggregation, the job list's unknown statuses and
 * counter mismatches, and what the other tables found on the way ({@link Found}).
 */
final class QualityFigures {
  /** The columns of {@link MetricsJob#quality} summed over its rows. */
  private static final List<String> COUNTS =
      List.of(
          "received",
          "distinct",
          "invalid",
          "unparseable",
          "withoutJob",
          "unknownJob",
          "withoutUser",
          "durationsMissing");

  private final MetricsJob job;
  private final StoreSource source;
  private final List<Long> jobIdsInFile;

  QualityFigures(MetricsJob job, StoreSource source, List<Long> jobIdsInFile) {
    this.job = job;
    this.source = source;
    this.jobIdsInFile = jobIdsInFile;
  }

  /**
   * What the other tables found that data quality reports.
   *
   * @param decisionsWithoutDone review decisions in the window without an earlier "done"
   * @param anyWorkInWindow whether any user worked in the window
   * @param unknownClassRows class rows of jobs that are not in the job list
   * @param skippedStatsRecords stats records without a job id or stats object
   * @param jobNotes the notes of single jobs, in job order
   */
  record Found(
      long decisionsWithoutDone,
      boolean anyWorkInWindow,
      long unknownClassRows,
      long skippedStatsRecords,
      List<String> jobNotes) {}

  /**
   * Returns the data quality of the jobs {@code jobRows}.
   *
   * @throws dev.labelmeter.store.StoreFormatException when a day partition holds lines that are
   *     not JSON, naming the first such day
   */
  DataQuality of(List<Row> jobRows, Found found) throws IOException {
    Set<Long> knownJobs = new HashSet<>();
    jobRows.forEach(j -> knownJobs.add(longOr0(j, "id")));
    Map<String, Long> counts = new HashMap<>();
    COUNTS.forEach(name -> counts.put(name, 0L));
    Map<String, Long> unknownActions = new TreeMap<>();
    String invalidDay = null;
    for (Row r : job.quality(knownJobs).collectAsList()) {
      for (String name : COUNTS) {
        counts.merge(name, longOr0(r, name), Long::sum);
      }
      String day = r.getAs("invalidDay");
      invalidDay =
          day != null && (invalidDay == null || day.compareTo(invalidDay) < 0) ? day : invalidDay;
      String action = r.getAs("action");
      if (!KnownValues.isKnownAction(action)) {
        unknownActions.merge(
            action == null ? KnownValues.MISSING : action, longOr0(r, "distinct"), Long::sum);
      }
    }
    long invalid = counts.get("invalid");
    if (invalid > 0) {
      throw source.invalidLines(invalidDay, invalid);
    }
    Map<String, Long> unknownStatuses = new TreeMap<>();
    long mismatches = 0;
    for (Row j : jobRows) {
      String status = j.getAs("status");
      if (status == null || !KnownValues.isKnownJobStatus(status)) {
        unknownStatuses.merge(status == null ? KnownValues.MISSING : status, 1L, Long::sum);
      }
      if (counterMismatch(j)) {
        mismatches++;
      }
    }
    long received = counts.get("received");
    return new DataQuality(
        received,
        received - counts.get("distinct"),
        counts.get("unparseable"),
        counts.get("withoutJob"),
        counts.get("unknownJob"),
        found.decisionsWithoutDone(),
        mismatches,
        unknownStatuses,
        unknownActions,
        job.manifest.activity() == null ? null : job.manifest.activity().countMatched(),
        notes(jobRows.isEmpty(), counts, found));
  }

  private static boolean counterMismatch(Row j) {
    if (!Boolean.TRUE.equals(j.getAs("hasEntities"))) {
      return false;
    }
    Long accepted = longOrNull(j, "acceptedImagesCount");
    Long rejected = longOrNull(j, "rejectedImagesCount");
    return (accepted != null && accepted != longOr0(j, "entAccepted"))
        || (rejected != null && rejected != longOr0(j, "entRejected"));
  }

  /** Returns the notes, worded and ordered as the Tablesaw engine's. */
  private List<String> notes(boolean noJobs, Map<String, Long> counts, Found found) {
    List<String> notes = new ArrayList<>();
    notes.addAll(PullNotes.of(job.manifest, job.window, job.zone));
    if (noJobs) {
      notes.add("The store holds no jobs: job, class and ETA figures are empty.");
    }
    if (!found.anyWorkInWindow()) {
      notes.add("No work events in the window " + job.window + " (" + job.zone.getId() + ").");
    }
    long withoutUser = counts.get("withoutUser");
    if (withoutUser > 0) {
      notes.add(
          withoutUser
              + " work events have no user id: they count for"
              + " their job and the team, not for any user.");
    }
    long durationsMissing = counts.get("durationsMissing");
    if (durationsMissing > 0) {
      notes.add(
          durationsMissing
              + " annotation_duration events have no numeric"
              + " meta.duration and add no platform time.");
    }
    if (found.unknownClassRows() > 0) {
      notes.add(
          found.unknownClassRows()
              + " class rows of jobs.stats belong to jobs not in"
              + " the job list and are left out of the class tables.");
    }
    for (long i = 0; i < found.skippedStatsRecords(); i++) {
      notes.add("A stats record without a job id or stats object was skipped.");
    }
    Set<Long> seen = new HashSet<>();
    for (Long id : jobIdsInFile) {
      if (id == null) {
        notes.add("A job record without an id was skipped.");
      } else if (!seen.add(id)) {
        notes.add("Job " + id + " appears twice in jobs.jsonl.gz; the first record is used.");
      }
    }
    notes.addAll(found.jobNotes());
    return notes;
  }
}
