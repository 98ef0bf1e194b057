package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.Frames.MICROS_PER_HOUR;
import static dev.labelmeter.metrics.spark.Frames.doubleOr0;
import static dev.labelmeter.metrics.spark.Frames.doubleOrNull;
import static dev.labelmeter.metrics.spark.Frames.longOr0;
import static dev.labelmeter.metrics.spark.Frames.longOrNull;
import static dev.labelmeter.metrics.spark.Frames.ratio;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.EventTimestamps;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Hours;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.KnownValues;
import dev.labelmeter.metrics.LabelerClassRow;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.Percentiles;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Collects the aggregated rows of a {@link MetricsJob} and assembles the result model. */
final class ResultBuilder {
  private static final double PACE_DAYS = 7.0;
  private static final long PACE_WINDOW_MICROS = 7L * 86_400L * 1_000_000L;
  static final String MISSING = KnownValues.MISSING;
  private static final double RECONCILIATION_MIN_SECONDS = 600.0;

  private final MetricsJob job;
  private final MetricsParams params;
  private final Dataset<Row> stats;
  private final Dataset<Row> members;
  private final Map<Long, String> logins = new HashMap<>();
  private final Map<Long, Long> paceCounts = new HashMap<>();
  private final List<String> jobNotes = new ArrayList<>();
  private long skippedStatsRecords;
  private boolean anyWorkInWindow;
  private final List<Long> jobIdsInFile;
  private Map<Integer, Long> finishedByDay;

  ResultBuilder(
      MetricsJob job,
      MetricsParams params,
      Dataset<Row> stats,
      Dataset<Row> members,
      List<Long> jobIdsInFile) {
    this.job = job;
    this.jobIdsInFile = jobIdsInFile;
    this.params = params;
    this.stats = stats;
    this.members = members;
  }

  /** Returns the complete result. */
  MetricsResult build() throws IOException {
    List<Row> jobRows = collectJobs();
    Map<Long, Row> userActivity = byKey(job.userActivity().collectAsList(), "userId");
    collectLogins(jobRows, userActivity.values());
    Map<Long, Row> finished = byKey(job.userImagesFinished().collectAsList(), "userId");
    finished.forEach((user, row) -> paceCounts.put(user, longOr0(row, "finishedPace")));

    List<LabelerRow> labelers = labelers(userActivity, finished);
    List<JobRow> jobs = jobs(jobRows);
    List<DailyRow> daily = daily();
    return new MetricsResult(
        resultParams(),
        summary(jobs, daily),
        labelers,
        reviewers(),
        jobs,
        classes(),
        labelerClasses(),
        daily,
        heatmap(labelers),
        dataQuality(jobRows));
  }

  private ResultParams resultParams() {
    return new ResultParams(
        job.manifest.teamId(),
        job.window.from(),
        job.window.to(),
        job.previous.from(),
        job.zone.getId(),
        params.idleThreshold().toSeconds(),
        params.staleDays(),
        job.snapshotAt(),
        params.statsDurationUnit().name());
  }

  // ---- labelers

  private List<LabelerRow> labelers(Map<Long, Row> activity, Map<Long, Row> finished) {
    Map<Long, Row> decisions = byKey(job.labelerDecisions().collectAsList(), "labelerId");
    Map<Long, Row> firstPass = byKey(job.labelerFirstPass().collectAsList(), "labelerId");
    List<LabelerRow> rows = new ArrayList<>();
    java.util.Set<Long> users = new java.util.TreeSet<>(activity.keySet());
    users.addAll(decisions.keySet());
    users.addAll(firstPass.keySet());
    for (Long user : users) {
      Row a = activity.get(user);
      Row d = decisions.get(user);
      boolean worked = a != null && longOr0(a, "eventsW") > 0;
      anyWorkInWindow |= worked;
      boolean judged = d != null && longOr0(d, "acceptedW") + longOr0(d, "rejectedW") > 0;
      Row fp = firstPass.get(user);
      boolean firstPassed = fp != null && longOr0(fp, "firstPassW") > 0;
      if (worked || judged || firstPassed) {
        Row f = finished.get(user);
        rows.add(
            new LabelerRow(
                user, login(user), figures(a, f, d, fp, "W"), figures(a, f, d, fp, "P")));
      }
    }
    rows.sort(Comparator.comparing(LabelerRow::login).thenComparing(LabelerRow::userId));
    return rows;
  }

  private static LabelerFigures figures(Row a, Row f, Row d, Row fp, String w) {
    double activeHours = a == null ? 0 : doubleOr0(a, "active" + w) / MICROS_PER_HOUR;
    double platformHours = a == null ? 0 : doubleOr0(a, "platform" + w) / 3600.0;
    long images = f == null ? 0 : longOr0(f, "finished" + w);
    long objects = a == null ? 0 : longOr0(a, "objects" + w);
    long accepted = d == null ? 0 : longOr0(d, "accepted" + w);
    long rejected = d == null ? 0 : longOr0(d, "rejected" + w);
    long firstPass = fp == null ? 0 : longOr0(fp, "firstPass" + w);
    long firstPassAccepted = fp == null ? 0 : longOr0(fp, "firstPassAccepted" + w);
    return new LabelerFigures(
        activeHours,
        platformHours,
        images,
        objects,
        ratio(images, activeHours),
        ratio(objects, activeHours),
        accepted,
        rejected,
        ratio(accepted, accepted + rejected),
        firstPass,
        ratio(firstPassAccepted, firstPass),
        a == null ? 0 : longOr0(a, "sessions" + w),
        a == null ? 0 : longOr0(a, "days" + w));
  }

  // ---- reviewers

  private List<ReviewerRow> reviewers() {
    List<ReviewerRow> rows = new ArrayList<>();
    for (Row r : job.reviewers().collectAsList()) {
      long user = r.<Long>getAs("userId");
      rows.add(
          new ReviewerRow(
              user,
              login(user),
              longOr0(r, "decisions"),
              longOr0(r, "accepted"),
              longOr0(r, "rejected"),
              Percentiles.median(seconds(r, "t")),
              Percentiles.p90NearestRank(seconds(r, "t")),
              longOr0(r, "withoutDone")));
    }
    rows.sort(Comparator.comparing(ReviewerRow::login).thenComparing(ReviewerRow::userId));
    return rows;
  }

  // ---- jobs

  private List<Row> collectJobs() {
    return job.jobs
        .select(
            col("*"),
            expr("size(filter(coalesce(entities, array()), e -> e.reviewStatus IN"
                    + " ('done','accepted','rejected')))")
                .as("labeled"),
            expr("size(filter(coalesce(entities, array()), e -> e.reviewStatus = 'accepted'))")
                .as("entAccepted"),
            expr("size(filter(coalesce(entities, array()), e -> e.reviewStatus = 'rejected'))")
                .as("entRejected"),
            expr("size(filter(coalesce(entities, array()), e -> e.reviewStatus = 'none'))")
                .as("entNone"),
            expr("size(coalesce(entities, array()))").as("entTotal"),
            col("entities").isNotNull().as("hasEntities"))
        .drop("entities")
        .collectAsList();
  }

  private List<JobRow> jobs(List<Row> jobRows) {
    Map<Long, Row> activity = byKey(job.jobActivity().collectAsList(), "jobId");
    Map<Long, Row> turnaround = byKey(job.jobTurnaround().collectAsList(), "jobId");
    Map<Long, Double> statsSeconds = statsAnnotationSeconds();
    List<JobRow> rows = new ArrayList<>();
    for (Row j : jobRows) {
      Long id = longOrNull(j, "id");
      if (id != null) {
        rows.add(jobRow(j, activity.get(id), turnaround.get(id), statsSeconds.get(id)));
      }
    }
    rows.sort(Comparator.comparingLong(JobRow::id));
    return rows;
  }

  private JobRow jobRow(Row j, Row activity, Row turnaround, Double statsSeconds) {
    Long imagesCount = longOrNull(j, "imagesCount");
    if (!Boolean.TRUE.equals(j.getAs("hasEntities"))) {
      jobNotes.add(
          "Job "
              + longOr0(j, "id")
              + " has no entities list; its progress counts 0 labeled images.");
    }
    if (imagesCount == null) {
      jobNotes.add(
          "Job "
              + longOr0(j, "id")
              + " has no imagesCount; its entities ("
              + longOr0(j, "entTotal")
              + ") are used.");
    }
    long images = imagesCount != null ? imagesCount : longOr0(j, "entTotal");
    long labeled = longOr0(j, "labeled");
    String status = j.getAs("status");
    Instant createdAt = instant(j.getAs("createdAt"));
    double activeHours = activity == null ? 0 : doubleOr0(activity, "active") / MICROS_PER_HOUR;
    double platformHours = activity == null ? 0 : doubleOr0(activity, "platform") / 3600.0;
    Long lastMicros = activity == null ? null : longOrNull(activity, "last");
    Instant last = lastMicros == null ? null : EventFunctions.fromMicros(lastMicros);
    Long labelerId = longOrNull(j, "userId");

    boolean open = status != null && KnownValues.ETA_STATUSES.contains(status);
    Long remaining = open ? Math.max(0, images - labeled) : null;
    long paceCount = open && labelerId != null ? paceCount(labelerId) : 0;
    Double pace = open && labelerId != null ? paceCount / PACE_DAYS : null;
    LocalDate eta = paceCount > 0 ? eta(remaining, paceCount) : null;
    Double statsHours = statsSeconds == null ? null : statsSeconds / 3600.0;
    return new JobRow(
        longOr0(j, "id"),
        j.getAs("name"),
        longOrNull(j, "projectId"),
        j.getAs("projectTitle"),
        longOrNull(j, "datasetId"),
        j.getAs("datasetTitle"),
        labelerId,
        ownOrKnownLogin(j.getAs("labelerLogin"), labelerId),
        longOrNull(j, "reviewerId"),
        ownOrKnownLogin(j.getAs("reviewerLogin"), longOrNull(j, "reviewerId")),
        status,
        Boolean.TRUE.equals(j.getAs("disabled")),
        createdAt,
        images,
        labeled,
        longOr0(j, "entAccepted"),
        longOr0(j, "entRejected"),
        longOr0(j, "entNone"),
        images == 0 ? null : (double) labeled / images,
        activeHours,
        platformHours,
        statsHours,
        last,
        stale(status, last, createdAt),
        remaining,
        pace,
        eta,
        reconciliation(activeHours * 3600.0, statsSeconds),
        turnaround == null ? null : Percentiles.median(seconds(turnaround, "t")),
        turnaround == null ? null : Percentiles.p90NearestRank(seconds(turnaround, "t")));
  }

  private boolean stale(String status, Instant last, Instant createdAt) {
    Instant reference = last != null ? last : createdAt;
    if (status == null || !KnownValues.OPEN_STATUSES.contains(status) || reference == null) {
      return false;
    }
    return Duration.between(reference, job.snapshotAt())
            .compareTo(Duration.ofDays(params.staleDays()))
        > 0;
  }

  private static boolean reconciliation(double activeSeconds, Double statsSeconds) {
    if (statsSeconds == null
        || activeSeconds <= RECONCILIATION_MIN_SECONDS
        || statsSeconds <= RECONCILIATION_MIN_SECONDS) {
      return false;
    }
    return activeSeconds > 2 * statsSeconds || statsSeconds > 2 * activeSeconds;
  }

  private long paceCount(long labelerId) {
    return paceCounts.getOrDefault(labelerId, 0L);
  }

  /** Returns the local date of snapshot + remaining x 7 days / pace count (floored to the µs). */
  private LocalDate eta(long remaining, long paceCount) {
    try {
      long micros = Math.floorDiv(Math.multiplyExact(remaining, PACE_WINDOW_MICROS), paceCount);
      long at = Math.addExact(job.snapshotMicros, micros);
      return EventTimestamps.fromEpochMicros(at).atZone(job.zone).toLocalDate();
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * Returns per job the stats' annotation seconds of its first stats record (null when that record
   * has none), and counts the stats records without a job id or stats object.
   */
  private Map<Long, Double> statsAnnotationSeconds() {
    Map<Long, Double> seconds = new HashMap<>();
    double unit = params.statsDurationUnit() == ChronoUnit.MILLIS ? 1000.0 : 1.0;
    for (Row r :
        stats
            .select(
                col("jobId"),
                col("stats").isNull().as("noStats"),
                col("stats.job.annotationDuration").as("d"))
            .collectAsList()) {
      Long jobId = longOrNull(r, "jobId");
      if (jobId == null || Boolean.TRUE.equals(r.getAs("noStats"))) {
        skippedStatsRecords++;
      } else if (!seconds.containsKey(jobId)) {
        Double d = doubleOrNull(r, "d");
        seconds.put(jobId, d == null ? null : d / unit);
      }
    }
    return seconds;
  }

  // ---- summary

  private Summary summary(List<JobRow> jobs, List<DailyRow> daily) {
    Row activity = job.teamActivity();
    Row decisions = job.teamDecisions();
    Row firstPass = job.teamFirstPass();
    Map<Integer, Long> finishedByDay = teamFinishedByDay();
    long finishedW = sumDays(finishedByDay, job.from(), job.to());
    long finishedP = sumDays(finishedByDay, job.previousFrom(), job.from());

    Map<String, Long> byStatus = new TreeMap<>();
    long remaining = 0;
    for (JobRow j : jobs) {
      byStatus.merge(j.status() == null ? MISSING : j.status(), 1L, Long::sum);
      remaining += j.remaining() == null ? 0 : j.remaining();
    }
    long teamCount = paceCounts.values().stream().mapToLong(Long::longValue).sum();
    Double teamPace = teamCount == 0 ? null : teamCount / PACE_DAYS;
    LocalDate teamEta = teamCount == 0 ? null : eta(remaining, teamCount);
    return new Summary(
        team(activity, decisions, firstPass, finishedW, "W"),
        team(activity, decisions, firstPass, finishedP, "P"),
        byStatus,
        jobs.size(),
        jobs.stream().filter(JobRow::stale).count(),
        remaining,
        teamPace,
        teamEta);
  }

  private Map<Integer, Long> teamFinishedByDay() {
    if (finishedByDay == null) {
      finishedByDay = new HashMap<>();
      for (Row r : job.teamImagesFinishedByDay().collectAsList()) {
        finishedByDay.put(r.getAs(EventFrames.LOCAL_DAY), longOr0(r, "finished"));
      }
    }
    return finishedByDay;
  }

  private static TeamFigures team(Row a, Row d, Row fp, long finished, String w) {
    double hours = doubleOr0(a, "active" + w) / MICROS_PER_HOUR;
    long objects = longOr0(a, "objects" + w);
    long accepted = longOr0(d, "accepted" + w);
    long rejected = longOr0(d, "rejected" + w);
    long firstPass = longOr0(fp, "firstPass" + w);
    return new TeamFigures(
        hours,
        doubleOr0(a, "platform" + w) / 3600.0,
        finished,
        objects,
        ratio(finished, hours),
        ratio(objects, hours),
        accepted,
        rejected,
        ratio(accepted, accepted + rejected),
        firstPass,
        ratio(longOr0(fp, "firstPassAccepted" + w), firstPass),
        Percentiles.median(seconds(d, "t" + w)),
        Percentiles.p90NearestRank(seconds(d, "t" + w)),
        longOr0(a, "users" + w),
        doubleOr0(a, "active100" + w) / MICROS_PER_HOUR,
        doubleOr0(a, "active900" + w) / MICROS_PER_HOUR);
  }

  private static long sumDays(Map<Integer, Long> byDay, int from, int to) {
    long total = 0;
    for (Map.Entry<Integer, Long> e : byDay.entrySet()) {
      if (e.getKey() != null && e.getKey() >= from && e.getKey() < to) {
        total += e.getValue();
      }
    }
    return total;
  }

  // ---- daily and heatmap

  private List<DailyRow> daily() {
    Map<Integer, Row> days = new HashMap<>();
    for (Row r : job.daily().collectAsList()) {
      days.put(r.getAs(EventFrames.LOCAL_DAY), r);
    }
    Map<Integer, Long> finished = teamFinishedByDay();
    List<DailyRow> rows = new ArrayList<>();
    for (LocalDate date : job.window.dates()) {
      int day = (int) date.toEpochDay();
      Row r = days.get(day);
      rows.add(
          new DailyRow(
              date,
              r == null ? 0 : doubleOr0(r, "active") / MICROS_PER_HOUR,
              r == null ? 0 : doubleOr0(r, "platform") / 3600.0,
              finished.getOrDefault(day, 0L),
              r == null ? 0 : longOr0(r, "objects"),
              r == null ? 0 : longOr0(r, "accepted"),
              r == null ? 0 : longOr0(r, "rejected"),
              r == null ? 0 : longOr0(r, "users")));
    }
    return rows;
  }

  private Heatmap heatmap(List<LabelerRow> labelers) {
    Map<Long, Map<Integer, Double>> hours = new HashMap<>();
    for (Row r : job.heatmap().collectAsList()) {
      hours
          .computeIfAbsent(r.getAs("userId"), k -> new HashMap<>())
          .put(r.getAs(EventFrames.LOCAL_DAY), doubleOr0(r, "active") / MICROS_PER_HOUR);
    }
    List<LocalDate> dates = job.window.dates();
    List<Heatmap.HeatmapRow> rows = new ArrayList<>();
    for (LabelerRow labeler : labelers) {
      Map<Integer, Double> byDay = hours.getOrDefault(labeler.userId(), Map.of());
      List<Double> values = new ArrayList<>();
      for (LocalDate date : dates) {
        values.add(byDay.getOrDefault((int) date.toEpochDay(), 0.0));
      }
      rows.add(new Heatmap.HeatmapRow(labeler.userId(), labeler.login(), values));
    }
    return new Heatmap(dates, rows);
  }

  // ---- classes

  private Dataset<Row> classStats() {
    Dataset<Row> labelers = job.jobs.select(col("id").as("j_id"), col("userId").as("labelerId"));
    double unit = params.statsDurationUnit() == ChronoUnit.MILLIS ? 1000.0 : 1.0;
    return stats
        .select(col("jobId"), explode(col("stats.classes")).as("c"))
        .join(labelers, col("jobId").equalTo(col("j_id")), "inner")
        .select(
            col("jobId"),
            col("labelerId"),
            coalesce(col("c.name"), lit("")).as("name"),
            coalesce(col("c.shape"), lit("")).as("shape"),
            col("c.labelsCount").as("labels"),
            col("c.imagesCount").as("images"),
            col("c.totalDuration").divide(unit).as("seconds"));
  }

  private List<ClassRow> classes() {
    List<ClassRow> rows = new ArrayList<>();
    for (Row r : aggregateClasses(classStats().groupBy(col("name"), col("shape")))) {
      double seconds = doubleOr0(r, "seconds");
      long labels = longOr0(r, "labels");
      rows.add(
          new ClassRow(
              r.getAs("name"),
              r.getAs("shape"),
              longOr0(r, "jobs"),
              labels,
              longOr0(r, "images"),
              seconds,
              labels == 0 ? null : seconds / labels));
    }
    rows.sort(
        Comparator.comparing(ClassRow::name, NULLS_LAST)
            .thenComparing(ClassRow::shape, NULLS_LAST));
    return rows;
  }

  private List<LabelerClassRow> labelerClasses() {
    List<LabelerClassRow> rows = new ArrayList<>();
    for (Row r :
        aggregateClasses(classStats().groupBy(col("labelerId"), col("name"), col("shape")))) {
      double seconds = doubleOr0(r, "seconds");
      long labels = longOr0(r, "labels");
      Long user = longOrNull(r, "labelerId");
      rows.add(
          new LabelerClassRow(
              user,
              user == null ? null : login(user),
              r.getAs("name"),
              r.getAs("shape"),
              longOr0(r, "jobs"),
              labels,
              longOr0(r, "images"),
              seconds,
              labels == 0 ? null : seconds / labels));
    }
    rows.sort(
        Comparator.comparing(
                LabelerClassRow::login, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(
                LabelerClassRow::userId, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(LabelerClassRow::name, NULLS_LAST)
            .thenComparing(LabelerClassRow::shape, NULLS_LAST));
    return rows;
  }

  private static List<Row> aggregateClasses(org.apache.spark.sql.RelationalGroupedDataset grouped) {
    return grouped
        .agg(
            count_distinct(col("jobId")).as("jobs"),
            sum(col("labels")).as("labels"),
            sum(col("images")).as("images"),
            sum(col("seconds")).as("seconds"))
        .collectAsList();
  }

  private static final Comparator<String> NULLS_LAST =
      Comparator.nullsLast(Comparator.naturalOrder());

  // ---- data quality

  private DataQuality dataQuality(List<Row> jobRows) throws IOException {
    Row counts = job.eventQuality();
    long invalid = longOr0(counts, "invalid");
    if (invalid > 0) {
      throw new StoreFormatException(
          "activity partition "
              + StoreLayout.DAY_PREFIX
              + counts.getAs("invalidDay")
              + " holds "
              + invalid
              + " lines that are not valid JSON; run `labelmeter pull` again to rewrite the"
              + " partition");
    }
    Row decisions = job.teamDecisions();
    Map<String, Long> unknownStatuses = new TreeMap<>();
    long mismatches = 0;
    for (Row j : jobRows) {
      String status = j.getAs("status");
      if (status == null || !KnownValues.isKnownJobStatus(status)) {
        unknownStatuses.merge(status == null ? MISSING : status, 1L, Long::sum);
      }
      if (counterMismatch(j)) {
        mismatches++;
      }
    }
    Map<String, Long> unknownActions = new TreeMap<>();
    for (Row r : job.actionCounts().collectAsList()) {
      String action = r.getAs("action");
      if (!KnownValues.isKnownAction(action)) {
        unknownActions.put(action == null ? MISSING : action, longOr0(r, "n"));
      }
    }
    long received = longOr0(counts, "received");
    return new DataQuality(
        received,
        received - longOr0(counts, "distinct"),
        longOr0(counts, "unparseable"),
        longOr0(counts, "withoutJob"),
        job.unknownJobEvents(),
        longOr0(decisions, "withoutDoneW"),
        mismatches,
        unknownStatuses,
        unknownActions,
        job.manifest.activity() == null ? null : job.manifest.activity().countMatched(),
        notes(jobRows.isEmpty(), counts));
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
  private List<String> notes(boolean noJobs, Row counts) {
    List<String> notes = new ArrayList<>();
    job.manifest.warnings().forEach(w -> notes.add("Pull warning: " + w));
    if (!job.manifest.failedJobIds().isEmpty()) {
      notes.add(
          "Jobs whose info or stats failed in the last pull (their figures may be missing or"
              + " old): "
              + job.manifest.failedJobIds());
    }
    if (noJobs) {
      notes.add("The store holds no jobs: job, class and ETA figures are empty.");
    }
    if (!anyWorkInWindow) {
      notes.add("No work events in the window " + job.window + " (" + job.zone.getId() + ").");
    }
    long withoutUser = longOr0(counts, "withoutUser");
    if (withoutUser > 0) {
      notes.add(
          withoutUser
              + " work events have no user id: they count for"
              + " their job and the team, not for any user.");
    }
    long durationsMissing = longOr0(counts, "durationsMissing");
    if (durationsMissing > 0) {
      notes.add(
          durationsMissing
              + " annotation_duration events have no numeric"
              + " meta.duration and add no platform time.");
    }
    long unknownClassRows = unknownClassRows();
    if (unknownClassRows > 0) {
      notes.add(
          unknownClassRows
              + " class rows of jobs.stats belong to jobs not in"
              + " the job list and are left out of the class tables.");
    }
    for (long i = 0; i < skippedStatsRecords; i++) {
      notes.add("A stats record without a job id or stats object was skipped.");
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Long id : jobIdsInFile) {
      if (id == null) {
        notes.add("A job record without an id was skipped.");
      } else if (!seen.add(id)) {
        notes.add("Job " + id + " appears twice in jobs.jsonl.gz; the first record is used.");
      }
    }
    notes.addAll(jobNotes);
    return notes;
  }

  private long unknownClassRows() {
    Dataset<Row> ids = job.jobs.select(col("id").as("j_id"));
    return stats
        .filter(col("jobId").isNotNull().and(col("stats").isNotNull()))
        .select(col("jobId"), explode(col("stats.classes")).as("c"))
        .join(ids, col("jobId").equalTo(col("j_id")), "left_anti")
        .count();
  }

  // ---- logins

  /** Fills the logins: members first, then the job list in file order, then the events. */
  private void collectLogins(List<Row> jobRows, Iterable<Row> activity) {
    for (Row m : members.select(col("id"), col("login")).collectAsList()) {
      putLogin(m.getAs("id"), m.getAs("login"));
    }
    for (Row j : jobRows) {
      putLogin(j.getAs("userId"), j.getAs("labelerLogin"));
    }
    for (Row j : jobRows) {
      putLogin(j.getAs("reviewerId"), j.getAs("reviewerLogin"));
    }
    for (Row j : jobRows) {
      putLogin(j.getAs("createdBy"), j.getAs("managerLogin"));
    }
    for (Row r : activity) {
      putLogin(r.getAs("userId"), r.getAs("firstLogin"));
    }
  }

  private void putLogin(Long user, String login) {
    if (user != null && login != null) {
      logins.putIfAbsent(user, login);
    }
  }

  private String ownOrKnownLogin(String own, Long user) {
    return own != null || user == null ? own : login(user);
  }

  private String login(long user) {
    return logins.getOrDefault(user, "#" + user);
  }

  private static Instant instant(String text) {
    Instant parsed = EventTimestamps.parse(text);
    return parsed;
  }

  /** Returns the turnarounds (microseconds) of the list column {@code name} in seconds. */
  private static double[] seconds(Row row, String name) {
    List<Object> micros = row.getList(row.fieldIndex(name));
    double[] out = new double[micros == null ? 0 : micros.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Hours.secondsFromMicros(((Number) micros.get(i)).longValue());
    }
    return out;
  }

  private static <K> Map<K, Row> byKey(List<Row> rows, String key) {
    Map<K, Row> map = new LinkedHashMap<>();
    for (Row r : rows) {
      K k = r.getAs(key);
      if (k != null) {
        map.put(k, r);
      }
    }
    return map;
  }
}
