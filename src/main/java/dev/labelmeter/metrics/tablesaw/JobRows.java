package dev.labelmeter.metrics.tablesaw;

import static dev.labelmeter.metrics.tablesaw.JsonValues.get;

import dev.labelmeter.metrics.Hours;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.KnownValues;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.Percentiles;
import dev.labelmeter.store.EventDates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The jobs table as of the snapshot: progress, all-time hours, stale, ETA, reconciliation. */
final class JobRows {
  private static final double RECONCILIATION_MIN_SECONDS = 600;

  private static final class Entities {
    long count;
    long labeled;
    long accepted;
    long rejected;
    long untouched;
  }

  private final Table jobs;
  private final Map<Long, Entities> entitiesByJob = new HashMap<>();
  private final EventPass pass;
  private final Logins logins;
  private final MetricsParams params;
  private final long snapshotMicros;
  final List<String> notes = new ArrayList<>();
  long counterMismatches;

  JobRows(
      Table jobs,
      Table jobImages,
      EventPass pass,
      Logins logins,
      MetricsParams params,
      long snapshotMicros) {
    this.jobs = jobs;
    this.pass = pass;
    this.logins = logins;
    this.params = params;
    this.snapshotMicros = snapshotMicros;
    countEntities(jobImages);
  }

  private void countEntities(Table jobImages) {
    LongColumn jobId = jobImages.longColumn("jobId");
    StringColumn status = jobImages.stringColumn("reviewStatus");
    for (int row = 0; row < jobImages.rowCount(); row++) {
      Entities e = entitiesByJob.computeIfAbsent(jobId.getLong(row), id -> new Entities());
      String s = get(status, row);
      e.count++;
      if (s != null && KnownValues.LABELED_REVIEW_STATUSES.contains(s)) {
        e.labeled++;
      }
      if (KnownValues.REVIEW_ACCEPTED.equals(s)) {
        e.accepted++;
      } else if (KnownValues.REVIEW_REJECTED.equals(s)) {
        e.rejected++;
      } else if (KnownValues.REVIEW_NONE.equals(s)) {
        e.untouched++;
      }
    }
  }

  /** Returns one row per job, sorted by job id. */
  List<JobRow> rows() {
    List<JobRow> rows = new ArrayList<>();
    for (int row = 0; row < jobs.rowCount(); row++) {
      rows.add(row(row));
    }
    rows.sort(Comparator.comparingLong(JobRow::id));
    return rows;
  }

  private JobRow row(int row) {
    long id = jobs.longColumn("id").getLong(row);
    Entities e = entitiesByJob.getOrDefault(id, new Entities());
    checkCounters(row, id, e);
    long images = imagesCount(row, id, e);
    String status = get(jobs.stringColumn("status"), row);
    Long labelerId = get(jobs.longColumn("labelerId"), row);
    EventPass.JobFigures work = pass.jobs.get(id);
    long activeMicros = work == null ? 0 : work.activeMicros;
    Long lastMicros = work == null ? null : work.lastMicros;
    Double statsSeconds = statsSeconds(row);
    boolean eta = status != null && KnownValues.ETA_STATUSES.contains(status);
    Long remaining = eta ? Math.max(0, images - e.labeled) : null;
    Long paceImages = eta && labelerId != null ? paceImages(labelerId) : null;
    double[] turnaround = work == null ? new double[0] : work.turnaround.toArray();
    return new JobRow(
        id,
        get(jobs.stringColumn("name"), row),
        get(jobs.longColumn("projectId"), row),
        get(jobs.stringColumn("project"), row),
        get(jobs.longColumn("datasetId"), row),
        get(jobs.stringColumn("dataset"), row),
        labelerId,
        login(get(jobs.stringColumn("labeler"), row), labelerId),
        get(jobs.longColumn("reviewerId"), row),
        login(get(jobs.stringColumn("reviewer"), row), get(jobs.longColumn("reviewerId"), row)),
        status,
        jobs.booleanColumn("disabled").get(row),
        micros(get(jobs.longColumn("createdAtMicros"), row)),
        images,
        e.labeled,
        e.accepted,
        e.rejected,
        e.untouched,
        images == 0 ? null : e.labeled / (double) images,
        Hours.fromMicros(activeMicros),
        Hours.fromSeconds(work == null ? 0 : work.platformSeconds),
        statsSeconds == null ? null : Hours.fromSeconds(statsSeconds),
        micros(lastMicros),
        isStale(status, lastMicros, get(jobs.longColumn("createdAtMicros"), row)),
        remaining,
        paceImages == null ? null : paceImages / 7.0,
        paceImages == null ? null : etaDate(remaining, paceImages),
        reconciliationFlag(activeMicros, statsSeconds),
        Percentiles.median(turnaround),
        Percentiles.p90NearestRank(turnaround));
  }

  private String login(String fromJob, Long userId) {
    return fromJob != null ? fromJob : logins.ofNullable(userId);
  }

  private void checkCounters(int row, long id, Entities e) {
    if (!jobs.booleanColumn("hasEntities").get(row)) {
      notes.add("Job " + id + " has no entities list; its progress counts 0 labeled images.");
      return;
    }
    Long accepted = get(jobs.longColumn("acceptedImagesCount"), row);
    Long rejected = get(jobs.longColumn("rejectedImagesCount"), row);
    if ((accepted != null && accepted != e.accepted)
        || (rejected != null && rejected != e.rejected)) {
      counterMismatches++;
    }
  }

  private long imagesCount(int row, long id, Entities e) {
    Long images = get(jobs.longColumn("imagesCount"), row);
    if (images == null) {
      notes.add("Job " + id + " has no imagesCount; its entities (" + e.count + ") are used.");
      return e.count;
    }
    return images;
  }

  private Double statsSeconds(int row) {
    if (!jobs.booleanColumn("hasStats").get(row)) {
      return null;
    }
    Double raw = get(jobs.doubleColumn("statsAnnotationDuration"), row);
    if (raw == null) {
      return null;
    }
    return params.statsDurationUnit() == ChronoUnit.MILLIS ? raw / 1000.0 : raw;
  }

  private long paceImages(long labelerId) {
    EventPass.UserFigures labeler = pass.users.get(labelerId);
    return labeler == null ? 0 : labeler.paceImages;
  }

  private boolean isStale(String status, Long lastMicros, Long createdMicros) {
    if (status == null || !KnownValues.OPEN_STATUSES.contains(status)) {
      return false;
    }
    Long since = lastMicros != null ? lastMicros : createdMicros;
    if (since == null) {
      return false;
    }
    return snapshotMicros - since > params.staleDays() * Hours.MICROS_PER_DAY;
  }

  private static boolean reconciliationFlag(long activeMicros, Double statsSeconds) {
    if (statsSeconds == null) {
      return false;
    }
    double active = Hours.secondsFromMicros(activeMicros);
    boolean bothLong =
        active > RECONCILIATION_MIN_SECONDS && statsSeconds > RECONCILIATION_MIN_SECONDS;
    return bothLong && (active > 2 * statsSeconds || statsSeconds > 2 * active);
  }

  /** Returns the local date {@code remaining} images would be done at a 7-day pace, or null. */
  LocalDate etaDate(long remaining, long paceImagesIn7Days) {
    return etaDate(snapshotMicros, remaining, paceImagesIn7Days, params.zone());
  }

  /**
   * Returns {@code snapshot + floor(remaining * 7 days / paceImagesIn7Days)} (microseconds) as a
   * local date in {@code zone}; null when the pace is 0 or the date is out of range.
   */
  static LocalDate etaDate(
      long snapshotMicros, long remaining, long paceImagesIn7Days, ZoneId zone) {
    if (paceImagesIn7Days <= 0) {
      return null;
    }
    try {
      long add =
          Math.floorDiv(Math.multiplyExact(remaining, 7 * Hours.MICROS_PER_DAY), paceImagesIn7Days);
      return EventDates.fromEpochMicros(Math.addExact(snapshotMicros, add))
          .atZone(zone)
          .toLocalDate();
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  private static java.time.Instant micros(Long micros) {
    return micros == null ? null : EventDates.fromEpochMicros(micros);
  }
}
