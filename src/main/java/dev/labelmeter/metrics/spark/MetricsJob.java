package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.EventFrames.LOCAL_DAY;
import static dev.labelmeter.metrics.spark.EventFrames.MICROS;
import static dev.labelmeter.metrics.spark.Frames.between;
import static dev.labelmeter.metrics.spark.Frames.sortedList;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.Manifest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * The distributed part of one metrics run: the store's events prepared once and the aggregations
 * every report table is assembled from. Only aggregated rows leave Spark.
 */
final class MetricsJob implements AutoCloseable {
  /** Column: microseconds since the same user's previous work event; null for the first. */
  static final String GAP = "gap_micros";

  /** Column: the gap when it is active time (at most the idle threshold), else null. */
  static final String ACTIVE = "active_micros";

  /** Column: whether a new session starts at this event. */
  static final String SESSION_START = "session_start";

  /** Column: the instant of the latest {@code done} on the same (job, image) before a decision. */
  static final String LAST_DONE = "last_done_micros";

  final Manifest manifest;
  final ZoneId zone;
  final DateWindow window;
  final DateWindow previous;
  final long thresholdMicros;
  final long snapshotMicros;
  final Dataset<Row> events;
  final Dataset<Row> work;
  final Dataset<Row> jobs;
  private Dataset<Row> decisions;
  private Dataset<Row> firstDecisions;
  private Row teamDecisions;

  MetricsJob(Manifest manifest, MetricsParams params, Dataset<Row> rawEvents, Dataset<Row> jobs) {
    this.manifest = manifest;
    this.zone = params.zone();
    this.window = params.resolveWindow(manifest.snapshotAt());
    this.previous = window.previous();
    this.thresholdMicros = params.idleThreshold().toNanos() / 1000;
    this.snapshotMicros = EventFunctions.toMicros(manifest.snapshotAt());
    this.events = EventFrames.prepare(rawEvents, zone).persist(StorageLevel.MEMORY_AND_DISK());
    this.work = withSessions(workEvents(events)).persist(StorageLevel.MEMORY_AND_DISK());
    this.jobs = jobs;
  }

  int from() {
    return (int) window.from().toEpochDay();
  }

  int to() {
    return (int) window.to().toEpochDay();
  }

  int previousFrom() {
    return (int) previous.from().toEpochDay();
  }

  Instant snapshotAt() {
    return manifest.snapshotAt();
  }

  Column inWindow() {
    return between(col(LOCAL_DAY), from(), to());
  }

  Column inPrevious() {
    return between(col(LOCAL_DAY), previousFrom(), from());
  }

  /** Returns the event order: instant, then the order received. */
  static Column[] eventOrder() {
    return new Column[] {col(MICROS), col(StoreSource.STORED_DAY), col(StoreSource.LINE_ORDER)};
  }

  private static Dataset<Row> workEvents(Dataset<Row> events) {
    return events.filter(
        col(EventFunctions.VALID).and(col(MICROS).isNotNull()).and(col("jobId").isNotNull()));
  }

  private Dataset<Row> withSessions(Dataset<Row> work) {
    WindowSpec byUser = Window.partitionBy(col("userId")).orderBy(eventOrder());
    Column gap =
        when(col("userId").isNotNull(), col(MICROS).minus(lag(col(MICROS), 1).over(byUser)));
    return work.withColumn(GAP, gap)
        .withColumn(ACTIVE, when(col(GAP).leq(lit(thresholdMicros)), col(GAP)))
        .withColumn(
            SESSION_START,
            col("userId").isNotNull().and(col(GAP).isNull().or(col(GAP).gt(lit(thresholdMicros)))));
  }

  /**
   * Returns per (user, local day) of all history, a null user included: active time (also at 100
   * s and 900 s), platform seconds, objects, sessions started, work events, decisions and the
   * {@code user} text of the first work event that has one. Labeler, team, daily and heatmap
   * figures are sums of these rows.
   */
  Dataset<Row> userDays() {
    Column at100 = when(col(GAP).leq(lit(100_000_000L)), col(GAP));
    Column at900 = when(col(GAP).leq(lit(900_000_000L)), col(GAP));
    return work.groupBy(col("userId"), col(LOCAL_DAY))
        .agg(
            sum(col(ACTIVE)).as("active"),
            sum(at100).as("active100"),
            sum(at900).as("active900"),
            sum(EventFrames.platformSeconds()).as("platform"),
            count(when(EventFrames.isCreate(), lit(1))).as("objects"),
            count(when(col(SESSION_START), lit(1))).as("sessions"),
            count(lit(1)).as("events"),
            count(when(EventFrames.isAccepted(), lit(1))).as("accepted"),
            count(when(EventFrames.isRejected(), lit(1))).as("rejected"),
            min_by(col("user"), when(col("user").isNotNull(), struct(eventOrder())))
                .as("firstLogin"));
  }

  /**
   * Returns the images finished: rows {@code kind = "u"} per (user, local day) of the user's first
   * {@code done} per (job, image), with how many fall in the 7 days before the snapshot ({@code
   * pace}); rows {@code kind = "t"} per local day of the first {@code done} by anyone.
   */
  Dataset<Row> imagesFinished() {
    long paceStart = snapshotMicros - 7L * 86_400L * 1_000_000L;
    Dataset<Row> byUser =
        work.filter(EventFrames.isDone().and(col("imageId").isNotNull()))
            .groupBy(col("userId"), col("jobId"), col("imageId"))
            .agg(min(struct(col(MICROS), col(LOCAL_DAY))).as("first"));
    Column inPace =
        col("first." + MICROS)
            .gt(lit(paceStart))
            .and(col("first." + MICROS).leq(lit(snapshotMicros)));
    Dataset<Row> users =
        byUser
            .filter(col("userId").isNotNull())
            .groupBy(col("userId").as("id"), col("first." + LOCAL_DAY).as(LOCAL_DAY))
            .agg(count(lit(1)).as("n"), count(when(inPace, lit(1))).as("pace"))
            .withColumn("kind", lit("u"));
    Dataset<Row> team =
        byUser
            .groupBy(col("jobId"), col("imageId"))
            .agg(min(col("first")).as("first"))
            .groupBy(col("first." + LOCAL_DAY).as(LOCAL_DAY))
            .agg(count(lit(1)).as("n"), lit(0L).as("pace"))
            .withColumn("id", lit(null).cast("long"))
            .withColumn("kind", lit("t"));
    return users.unionByName(team);
  }

  /**
   * Returns the decision figures in one dataset, columns {@code kind, id, local_day, a, r, w, t}:
   * {@code "l"} accepted ({@code a}) and rejected ({@code r}) per labeler of the job and local day;
   * {@code "f"} first-pass images ({@code a}) and accepted ones ({@code r}) per labeler (null
   * included) and local day; {@code "r"} per reviewer in W: accepted, rejected, without a prior
   * done ({@code w}) and the turnarounds in microseconds ({@code t}); {@code "j"} per job in W:
   * turnarounds; {@code "tW"} and {@code "tP"}: the team's decisions without done and turnarounds
   * in W and W'.
   */
  Dataset<Row> decisionFigures() {
    Dataset<Row> d = decisionsWithTurnaround();
    Column accepted = count(when(EventFrames.isAccepted(), lit(1)));
    Column rejected = count(when(EventFrames.isRejected(), lit(1)));
    Column withoutDone = count(when(col(LAST_DONE).isNull(), lit(1)));
    Column turnarounds = sortedList(col("turnaround"));
    Dataset<Row> labelers =
        figures(
            "l",
            d.filter(col("labelerId").isNotNull())
                .groupBy(col("labelerId").as("id"), col(LOCAL_DAY)),
            accepted,
            rejected,
            null,
            null);
    Dataset<Row> firstPass =
        figures(
            "f",
            firstDecisions().groupBy(col("labelerId").as("id"), col(LOCAL_DAY)),
            count(lit(1)),
            count(when(col("accepted"), lit(1))),
            null,
            null);
    Dataset<Row> reviewers =
        figures(
            "r",
            d.filter(inWindow().and(col("userId").isNotNull())).groupBy(col("userId").as("id")),
            accepted,
            rejected,
            withoutDone,
            turnarounds);
    Dataset<Row> jobs =
        figures(
            "j",
            d.filter(inWindow()).groupBy(col("jobId").as("id")),
            null,
            null,
            null,
            turnarounds);
    Dataset<Row> teamW =
        figures("tW", d.filter(inWindow()).groupBy(), null, null, withoutDone, turnarounds);
    Dataset<Row> teamP =
        figures("tP", d.filter(inPrevious()).groupBy(), null, null, withoutDone, turnarounds);
    return labelers
        .unionByName(firstPass)
        .unionByName(reviewers)
        .unionByName(jobs)
        .unionByName(teamW)
        .unionByName(teamP);
  }

  private static Dataset<Row> figures(
      String kind,
      org.apache.spark.sql.RelationalGroupedDataset grouped,
      Column a,
      Column r,
      Column w,
      Column t) {
    Column none = lit(null).cast("long");
    Dataset<Row> out =
        grouped.agg(
            (a == null ? none : a).as("a"),
            (r == null ? none : r).as("r"),
            (w == null ? none : w).as("w"),
            (t == null ? lit(null).cast("array<bigint>") : t).as("t"));
    String[] columns = out.columns();
    if (!java.util.Arrays.asList(columns).contains("id")) {
      out = out.withColumn("id", none);
    }
    if (!java.util.Arrays.asList(columns).contains(LOCAL_DAY)) {
      out = out.withColumn(LOCAL_DAY, lit(null).cast("int"));
    }
    return out.withColumn("kind", lit(kind))
        .select(col("kind"), col("id"), col(LOCAL_DAY), col("a"), col("r"), col("w"), col("t"));
  }

  /**
   * Returns per image: its first decision ever (over all jobs), with the local day, whether it was
   * accepted, and the labeler of the job it was made in.
   */
  Dataset<Row> firstDecisions() {
    if (firstDecisions == null) {
      firstDecisions = computeFirstDecisions().persist(StorageLevel.MEMORY_AND_DISK());
    }
    return firstDecisions;
  }

  private Dataset<Row> computeFirstDecisions() {
    Column first =
        min(struct(
                col(MICROS),
                col(StoreSource.STORED_DAY),
                col(StoreSource.LINE_ORDER),
                col(LOCAL_DAY),
                EventFrames.isAccepted().as("accepted"),
                col("labelerId"),
                col("known_job")))
            .as("first");
    return decisionsWithTurnaround()
        .filter(col("imageId").isNotNull())
        .groupBy(col("imageId"))
        .agg(first)
        .select(
            col("imageId"),
            col("first." + LOCAL_DAY).as(LOCAL_DAY),
            col("first.accepted").as("accepted"),
            col("first.labelerId").as("labelerId"),
            col("first.known_job").as("known_job"));
  }

  /** Returns the decisions with {@link #LAST_DONE}: the latest prior done on the same image. */
  Dataset<Row> decisionsWithTurnaround() {
    if (decisions == null) {
      decisions = computeDecisions().persist(StorageLevel.MEMORY_AND_DISK());
    }
    return decisions;
  }

  private Dataset<Row> computeDecisions() {
    WindowSpec before =
        Window.partitionBy(col("jobId"), col("imageId"))
            .orderBy(eventOrder())
            .rowsBetween(Window.unboundedPreceding(), -1);
    return work.filter(EventFrames.isDone().or(EventFrames.isDecision()))
        .withColumn(
            LAST_DONE,
            when(
                col("imageId").isNotNull(),
                last(when(EventFrames.isDone(), col(MICROS)), true).over(before)))
        .filter(EventFrames.isDecision())
        .withColumn("turnaround", col(MICROS).minus(col(LAST_DONE)))
        .join(
            jobs.select(col("id").as("j_id"), col("userId").as("labelerId")),
            col("jobId").equalTo(col("j_id")),
            "left")
        .withColumn("known_job", col("j_id").isNotNull());
  }

  /** Returns per job with work events: all-time active and platform time, last work event. */
  Dataset<Row> jobActivity() {
    return work.groupBy(col("jobId"))
        .agg(
            sum(col(ACTIVE)).as("active"),
            sum(EventFrames.platformSeconds()).as("platform"),
            max(col(MICROS)).as("last"));
  }

  /**
   * Returns the data-quality counts per action (null for a missing action), to be summed: events
   * received, distinct, lines that are not JSON (and the first partition holding one), unparseable
   * dates, events without a job, work events of jobs not in {@code knownJobIds}, work events
   * without a user and {@code annotation_duration} work events without a numeric duration.
   */
  Dataset<Row> quality(java.util.Collection<Long> knownJobIds) {
    Column unknownJob =
        knownJobIds.isEmpty() ? lit(true) : not(col("jobId").isin(knownJobIds.toArray()));
    return events
        .groupBy(col("action"))
        .agg(
            sum(col(EventFrames.COPIES)).as("received"),
            count(lit(1)).as("distinct"),
            count(when(not(col(EventFunctions.VALID)), lit(1))).as("invalid"),
            min(when(not(col(EventFunctions.VALID)), col(StoreSource.STORED_DAY))).as("invalidDay"),
            count(when(col(EventFunctions.VALID).and(col(MICROS).isNull()), lit(1)))
                .as("unparseable"),
            count(when(col(MICROS).isNotNull().and(col("jobId").isNull()), lit(1)))
                .as("withoutJob"),
            count(when(isWork().and(unknownJob), lit(1))).as("unknownJob"),
            count(when(isWork().and(col("userId").isNull()), lit(1))).as("withoutUser"),
            count(
                    when(
                        isWork()
                            .and(col("action").equalTo(lit(EventFrames.ANNOTATION_DURATION)))
                            .and(col(EventFrames.DURATION).isNull()),
                        lit(1)))
                .as("durationsMissing"));
  }

  private static Column isWork() {
    return col(EventFunctions.VALID).and(col(MICROS).isNotNull()).and(col("jobId").isNotNull());
  }

  static Column seconds(Column micros) {
    return micros.divide(Frames.MICROS_PER_SECOND);
  }

  static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  @Override
  public void close() {
    if (firstDecisions != null) {
      firstDecisions.unpersist();
    }
    if (decisions != null) {
      decisions.unpersist();
    }
    work.unpersist();
    events.unpersist();
  }
}
