package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.Frames.MICROS_PER_HOUR;
import static dev.labelmeter.metrics.spark.Frames.doubleOr0;
import static dev.labelmeter.metrics.spark.Frames.doubleOrNull;
import static dev.labelmeter.metrics.spark.Frames.longOr0;
import static dev.labelmeter.metrics.spark.Frames.longOrNull;
import static dev.labelmeter.metrics.spark.Frames.ratio;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.labelmeter.metrics.ClassSums;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Hours;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.KnownValues;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.Percentiles;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.store.EventDates;
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
  private final StoreSource source;
  private final Dataset<Row> stats;
  private final Dataset<Row> members;
  private final Map<Long, String> logins = new HashMap<>();
  private final Map<Long, Long> paceCounts = new HashMap<>();
  private final List<String> jobNotes = new ArrayList<>();
  private long skippedStatsRecords;
  private boolean anyWorkInWindow;
  private final List<Long> jobIdsInFile;
  private final Map<Long, Map<Integer, Row>> userDays = new HashMap<>();
  private final Map<Integer, List<Row>> allUserDays = new HashMap<>();
  private final Map<Long, Map<Integer, Long>> finishedByUserDay = new HashMap<>();
  private final Map<Integer, Long> teamFinishedByDay = new HashMap<>();
  private final Map<Long, Map<Integer, Row>> labelerDecisions = new HashMap<>();
  private final Map<Long, Map<Integer, Row>> firstPass = new HashMap<>();
  private final Map<Long, Row> reviewerRows = new HashMap<>();
  private final Map<Long, Row> jobTurnaround = new HashMap<>();
  private Row teamTurnaroundW;
  private Row teamTurnaroundP;

  ResultBuilder(MetricsJob job, MetricsParams params, StoreSource source) throws IOException {
    this.job = job;
    this.params = params;
    this.source = source;
    this.stats = source.stats();
    this.members = source.members();
    this.jobIdsInFile = source.jobIdsInFileOrder();
  }

  /** Returns the complete result. */
  MetricsResult build() throws IOException {
    List<Row> jobRows = collectJobs();
    collectEventFigures();
    collectLogins(jobRows);
    List<LabelerRow> labelers = labelers();
    List<Row> statsLines = collectStats();
    List<JobRow> jobs = jobs(jobRows, statsLines);
    List<DailyRow> daily = daily();
    ClassSums classes =
        ClassFigures.sum(statsLines, jobRows, params.statsDurationUnit(), this::login);
    return new MetricsResult(
        resultParams(),
        summary(jobs),
        labelers,
        reviewers(),
        jobs,
        classes.classes(),
        classes.labelerClasses(),
        daily,
        heatmap(labelers),
        new QualityFigures(job, source, jobIdsInFile)
            .of(
                jobRows,
                new QualityFigures.Found(
                    teamTurnaroundW == null ? 0 : longOr0(teamTurnaroundW, "w"),
                    anyWorkInWindow,
                    classes.rowsOfUnknownJobs(),
                    skippedStatsRecords,
                    jobNotes)));
  }

  /** Runs the three fused event aggregations and keeps their rows by user, labeler and day. */
  private void collectEventFigures() {
    for (Row r : job.userDays().collectAsList()) {
      Long user = longOrNull(r, "userId");
      Integer day = r.getAs(EventFrames.LOCAL_DAY);
      allUserDays.computeIfAbsent(day, k -> new ArrayList<>()).add(r);
      if (user != null) {
        userDays.computeIfAbsent(user, k -> new HashMap<>()).put(day, r);
      }
    }
    for (Row r : job.imagesFinished().collectAsList()) {
      Integer day = r.getAs(EventFrames.LOCAL_DAY);
      if ("t".equals(r.getAs("kind"))) {
        teamFinishedByDay.merge(day, longOr0(r, "n"), Long::sum);
      } else {
        long user = longOr0(r, "id");
        finishedByUserDay.computeIfAbsent(user, k -> new HashMap<>()).put(day, longOr0(r, "n"));
        paceCounts.merge(user, longOr0(r, "pace"), Long::sum);
      }
    }
    for (Row r : job.decisionFigures().collectAsList()) {
      String kind = r.getAs("kind");
      Long id = longOrNull(r, "id");
      Integer day = r.getAs(EventFrames.LOCAL_DAY);
      switch (kind) {
        case "l" -> labelerDecisions.computeIfAbsent(id, k -> new HashMap<>()).put(day, r);
        case "f" -> firstPass.computeIfAbsent(id, k -> new HashMap<>()).put(day, r);
        case "r" -> reviewerRows.put(id, r);
        case "j" -> jobTurnaround.put(id, r);
        case "tW" -> teamTurnaroundW = r;
        case "tP" -> teamTurnaroundP = r;
        default -> throw new IllegalStateException("unknown decision figure " + kind);
      }
    }
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

  private List<LabelerRow> labelers() {
    java.util.Set<Long> users = new java.util.TreeSet<>(userDays.keySet());
    labelerDecisions.keySet().stream().filter(k -> k != null).forEach(users::add);
    firstPass.keySet().stream().filter(k -> k != null).forEach(users::add);
    List<LabelerRow> rows = new ArrayList<>();
    for (Long user : users) {
      LabelerFigures current = figures(user, job.from(), job.to());
      boolean worked = current.daysActive() > 0;
      anyWorkInWindow |= worked;
      if (worked || current.accepted() + current.rejected() > 0 || current.firstPassImages() > 0) {
        rows.add(
            new LabelerRow(
                user, login(user), current, figures(user, job.previousFrom(), job.from())));
      }
    }
    rows.sort(Comparator.comparing(LabelerRow::login).thenComparing(LabelerRow::userId));
    return rows;
  }

  private LabelerFigures figures(long user, int from, int to) {
    Map<Integer, Row> days = userDays.getOrDefault(user, Map.of());
    Map<Integer, Row> decisions = labelerDecisions.getOrDefault(user, Map.of());
    Map<Integer, Row> firstPassDays = firstPass.getOrDefault(user, Map.of());
    long activeMicros = sumLong(days, "active", from, to);
    long images = 0;
    for (Map.Entry<Integer, Long> e : finishedByUserDay.getOrDefault(user, Map.of()).entrySet()) {
      images += in(e.getKey(), from, to) ? e.getValue() : 0;
    }
    long objects = sumLong(days, "objects", from, to);
    long accepted = sumLong(decisions, "a", from, to);
    long rejected = sumLong(decisions, "r", from, to);
    long firstPassImages = sumLong(firstPassDays, "a", from, to);
    long daysActive =
        days.entrySet().stream()
            .filter(e -> in(e.getKey(), from, to) && longOr0(e.getValue(), "events") > 0)
            .count();
    return new LabelerFigures(
        Hours.fromMicros(activeMicros),
        Hours.fromSeconds(sumDouble(days, "platform", from, to)),
        images,
        objects,
        perHour(images, activeMicros),
        perHour(objects, activeMicros),
        accepted,
        rejected,
        ratio(accepted, accepted + rejected),
        firstPassImages,
        ratio(sumLong(firstPassDays, "r", from, to), firstPassImages),
        sumLong(days, "sessions", from, to),
        daysActive);
  }

  private static boolean in(Integer day, int from, int to) {
    return day != null && day >= from && day < to;
  }

  private static long sumLong(Map<Integer, Row> days, String column, int from, int to) {
    long total = 0;
    for (Map.Entry<Integer, Row> e : days.entrySet()) {
      total += in(e.getKey(), from, to) ? longOr0(e.getValue(), column) : 0;
    }
    return total;
  }

  private static double sumDouble(Map<Integer, Row> days, String column, int from, int to) {
    double total = 0;
    for (Map.Entry<Integer, Row> e : days.entrySet()) {
      total += in(e.getKey(), from, to) ? doubleOr0(e.getValue(), column) : 0;
    }
    return total;
  }

  private static Double perHour(long count, long activeMicros) {
    return activeMicros == 0 ? null : count / Hours.fromMicros(activeMicros);
  }

  // ---- reviewers

  private List<ReviewerRow> reviewers() {
    List<ReviewerRow> rows = new ArrayList<>();
    for (Row r : reviewerRows.values()) {
      long user = longOr0(r, "id");
      rows.add(
          new ReviewerRow(
              user,
              login(user),
              longOr0(r, "a") + longOr0(r, "r"),
              longOr0(r, "a"),
              longOr0(r, "r"),
              Percentiles.median(seconds(r, "t")),
              Percentiles.p90NearestRank(seconds(r, "t")),
              longOr0(r, "w")));
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

  private List<JobRow> jobs(List<Row> jobRows, List<Row> statsLines) {
    Map<Long, Row> activity = byKey(job.jobActivity().collectAsList(), "jobId");
    Map<Long, Row> turnaround = jobTurnaround;
    Map<Long, Double> statsSeconds = statsAnnotationSeconds(statsLines);
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
      return EventDates.fromEpochMicros(at).atZone(job.zone).toLocalDate();
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * Returns per job the stats' annotation seconds of its first stats record (null when that record
   * has none), and counts the stats records without a job id or stats object.
   */
  private Map<Long, Double> statsAnnotationSeconds(List<Row> statsLines) {
    Map<Long, Double> seconds = new HashMap<>();
    double unit = params.statsDurationUnit() == ChronoUnit.MILLIS ? 1000.0 : 1.0;
    for (Row r : statsLines) {
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

  /**
   * Returns every stats line (file order): job id, whether stats is missing, durations, classes.
   */
  private List<Row> collectStats() {
    return stats
        .select(
            col("jobId"),
            col("stats").isNull().as("noStats"),
            col("stats.job.annotationDuration").as("d"),
            col("stats.classes").as("classes"))
        .collectAsList();
  }

  // ---- summary

  private Summary summary(List<JobRow> jobs) {
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
        team(job.from(), job.to(), teamTurnaroundW),
        team(job.previousFrom(), job.from(), teamTurnaroundP),
        byStatus,
        jobs.size(),
        jobs.stream().filter(JobRow::stale).count(),
        remaining,
        teamPace,
        teamEta);
  }

  /** Returns the team's figures over the local days {@code [from, to)}. */
  private TeamFigures team(int from, int to, Row turnaround) {
    TeamDay t = new TeamDay();
    for (int day = from; day < to; day++) {
      t.add(teamDay(day));
    }
    long firstPassImages = 0;
    long firstPassAccepted = 0;
    for (Map<Integer, Row> days : firstPass.values()) {
      firstPassImages += sumLong(days, "a", from, to);
      firstPassAccepted += sumLong(days, "r", from, to);
    }
    java.util.Set<Long> users = new java.util.HashSet<>();
    userDays.forEach(
        (user, days) -> {
          if (days.entrySet().stream()
              .anyMatch(e -> in(e.getKey(), from, to) && longOr0(e.getValue(), "events") > 0)) {
            users.add(user);
          }
        });
    double[] seconds = turnaround == null ? new double[0] : seconds(turnaround, "t");
    return new TeamFigures(
        Hours.fromMicros(t.active),
        Hours.fromSeconds(t.platform),
        t.finished,
        t.objects,
        perHour(t.finished, t.active),
        perHour(t.objects, t.active),
        t.accepted,
        t.rejected,
        ratio(t.accepted, t.accepted + t.rejected),
        firstPassImages,
        ratio(firstPassAccepted, firstPassImages),
        Percentiles.median(seconds),
        Percentiles.p90NearestRank(seconds),
        users.size(),
        Hours.fromMicros(t.active100),
        Hours.fromMicros(t.active900));
  }

  /** The team's sums over some local days. */
  private static final class TeamDay {
    long active;
    long active100;
    long active900;
    double platform;
    long objects;
    long accepted;
    long rejected;
    long finished;
    long users;

    void add(TeamDay other) {
      active += other.active;
      active100 += other.active100;
      active900 += other.active900;
      platform += other.platform;
      objects += other.objects;
      accepted += other.accepted;
      rejected += other.rejected;
      finished += other.finished;
      users += other.users;
    }
  }

  /** Returns the team's figures of one local day, every work event counted (users or not). */
  private TeamDay teamDay(int day) {
    TeamDay t = new TeamDay();
    for (Row r : allUserDays.getOrDefault(day, List.of())) {
      t.active += longOr0(r, "active");
      t.active100 += longOr0(r, "active100");
      t.active900 += longOr0(r, "active900");
      t.platform += doubleOr0(r, "platform");
      t.objects += longOr0(r, "objects");
      t.accepted += longOr0(r, "accepted");
      t.rejected += longOr0(r, "rejected");
      t.users += r.isNullAt(r.fieldIndex("userId")) || longOr0(r, "events") == 0 ? 0 : 1;
    }
    t.finished = teamFinishedByDay.getOrDefault(day, 0L);
    return t;
  }

  // ---- daily and heatmap

  private List<DailyRow> daily() {
    List<DailyRow> rows = new ArrayList<>();
    for (LocalDate date : job.window.dates()) {
      TeamDay t = teamDay((int) date.toEpochDay());
      rows.add(
          new DailyRow(
              date,
              Hours.fromMicros(t.active),
              Hours.fromSeconds(t.platform),
              t.finished,
              t.objects,
              t.accepted,
              t.rejected,
              t.users));
    }
    return rows;
  }

  private Heatmap heatmap(List<LabelerRow> labelers) {
    List<LocalDate> dates = job.window.dates();
    List<Heatmap.HeatmapRow> rows = new ArrayList<>();
    for (LabelerRow labeler : labelers) {
      Map<Integer, Row> byDay = userDays.getOrDefault(labeler.userId(), Map.of());
      List<Double> values = new ArrayList<>();
      for (LocalDate date : dates) {
        Row r = byDay.get((int) date.toEpochDay());
        values.add(Hours.fromMicros(r == null ? 0 : longOr0(r, "active")));
      }
      rows.add(new Heatmap.HeatmapRow(labeler.userId(), labeler.login(), values));
    }
    return new Heatmap(dates, rows);
  }

  // ---- logins

  /** Fills the logins: members first, then the job list in file order, then the events. */
  private void collectLogins(List<Row> jobRows) {
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
    userDays.forEach(
        (user, days) ->
            days.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue().getAs("firstLogin") != null)
                .min(Map.Entry.comparingByKey())
                .ifPresent(e -> putLogin(user, e.getValue().getAs("firstLogin"))));
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
    return EventDates.parseStrict(text).orElse(null);
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
