package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.EventFrames.LOCAL_DAY;
import static dev.labelmeter.metrics.spark.EventFrames.MICROS;
import static dev.labelmeter.metrics.spark.Frames.between;
import static dev.labelmeter.metrics.spark.Frames.sortedList;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
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

  /** Returns per user: active, platform, objects, sessions, days active, in W and W'. */
  Dataset<Row> userActivity() {
    return work.filter(col("userId").isNotNull())
        .groupBy(col("userId"))
        .agg(
            sum(when(inWindow(), col(ACTIVE))).as("activeW"),
            sum(when(inPrevious(), col(ACTIVE))).as("activeP"),
            sum(when(inWindow(), EventFrames.platformSeconds())).as("platformW"),
            sum(when(inPrevious(), EventFrames.platformSeconds())).as("platformP"),
            count(when(inWindow().and(EventFrames.isCreate()), lit(1))).as("objectsW"),
            count(when(inPrevious().and(EventFrames.isCreate()), lit(1))).as("objectsP"),
            count(when(inWindow().and(col(SESSION_START)), lit(1))).as("sessionsW"),
            count(when(inPrevious().and(col(SESSION_START)), lit(1))).as("sessionsP"),
            count_distinct(when(inWindow(), col(LOCAL_DAY))).as("daysW"),
            count_distinct(when(inPrevious(), col(LOCAL_DAY))).as("daysP"),
            count(when(inWindow(), lit(1))).as("eventsW"),
            min_by(col("user"), when(col("user").isNotNull(), struct(eventOrder())))
                .as("firstLogin"));
  }

  /** Returns per (user, job, image): the instant and local day of the user's first done. */
  Dataset<Row> firstDonesByUser() {
    return work.filter(EventFrames.isDone().and(col("imageId").isNotNull()))
        .filter(col("userId").isNotNull())
        .groupBy(col("userId"), col("jobId"), col("imageId"))
        .agg(min(struct(col(MICROS), col(LOCAL_DAY))).as("first"))
        .select(
            col("userId"),
            col("first." + MICROS).as(MICROS),
            col("first." + LOCAL_DAY).as(LOCAL_DAY));
  }

  /** Returns per user: images finished in W and W', and in the 7 days before the snapshot. */
  Dataset<Row> userImagesFinished() {
    long paceStart = snapshotMicros - 7L * 86_400L * 1_000_000L;
    Column inPace = col(MICROS).gt(lit(paceStart)).and(col(MICROS).leq(lit(snapshotMicros)));
    return firstDonesByUser()
        .groupBy(col("userId"))
        .agg(
            count(when(inWindow(), lit(1))).as("finishedW"),
            count(when(inPrevious(), lit(1))).as("finishedP"),
            count(when(inPace, lit(1))).as("finishedPace"));
  }

  /** Returns per local day: (job, image) pairs whose first done by anyone is on that day. */
  Dataset<Row> teamImagesFinishedByDay() {
    return work.filter(EventFrames.isDone().and(col("imageId").isNotNull()))
        .groupBy(col("jobId"), col("imageId"))
        .agg(min(struct(col(MICROS), col(LOCAL_DAY))).as("first"))
        .groupBy(col("first." + LOCAL_DAY).as(LOCAL_DAY))
        .agg(count(lit(1)).as("finished"));
  }

  /** Returns per labeler: accepted and rejected decisions on their jobs, in W and W'. */
  Dataset<Row> labelerDecisions() {
    return decisionsWithTurnaround()
        .filter(col("labelerId").isNotNull())
        .groupBy(col("labelerId"))
        .agg(
            count(when(inWindow().and(EventFrames.isAccepted()), lit(1))).as("acceptedW"),
            count(when(inWindow().and(EventFrames.isRejected()), lit(1))).as("rejectedW"),
            count(when(inPrevious().and(EventFrames.isAccepted()), lit(1))).as("acceptedP"),
            count(when(inPrevious().and(EventFrames.isRejected()), lit(1))).as("rejectedP"));
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

  /** Returns per labeler: first-pass images and first-pass accepted, in W and W'. */
  Dataset<Row> labelerFirstPass() {
    return firstDecisions()
        .filter(col("labelerId").isNotNull())
        .groupBy(col("labelerId"))
        .agg(
            count(when(inWindow(), lit(1))).as("firstPassW"),
            count(when(inWindow().and(col("accepted")), lit(1))).as("firstPassAcceptedW"),
            count(when(inPrevious(), lit(1))).as("firstPassP"),
            count(when(inPrevious().and(col("accepted")), lit(1))).as("firstPassAcceptedP"));
  }

  /** Returns the team's first-pass images and accepted ones in W and W' (one row). */
  Row teamFirstPass() {
    return firstDecisions()
        .agg(
            count(when(inWindow(), lit(1))).as("firstPassW"),
            count(when(inWindow().and(col("accepted")), lit(1))).as("firstPassAcceptedW"),
            count(when(inPrevious(), lit(1))).as("firstPassP"),
            count(when(inPrevious().and(col("accepted")), lit(1))).as("firstPassAcceptedP"))
        .first();
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

  /** Returns per reviewer with decisions in W: counts and turnaround median and p90 in seconds. */
  Dataset<Row> reviewers() {
    return decisionsWithTurnaround()
        .filter(inWindow().and(col("userId").isNotNull()))
        .groupBy(col("userId"))
        .agg(
            count(lit(1)).as("decisions"),
            count(when(EventFrames.isAccepted(), lit(1))).as("accepted"),
            count(when(EventFrames.isRejected(), lit(1))).as("rejected"),
            count(when(col(LAST_DONE).isNull(), lit(1))).as("withoutDone"),
            sortedList(col("turnaround")).as("t"));
  }

  /** Returns per job: turnaround median and p90 in seconds of the window's decisions. */
  Dataset<Row> jobTurnaround() {
    return decisionsWithTurnaround()
        .filter(inWindow())
        .groupBy(col("jobId"))
        .agg(sortedList(col("turnaround")).as("t"));
  }

  /**
   * Returns the team's decisions in W and W': accepted, rejected, turnaround median and p90, and
   * decisions without a prior done (one row).
   */
  Row teamDecisions() {
    if (teamDecisions == null) {
      teamDecisions = computeTeamDecisions();
    }
    return teamDecisions;
  }

  private Row computeTeamDecisions() {
    Dataset<Row> d = decisionsWithTurnaround();
    return d.agg(
            count(when(inWindow().and(EventFrames.isAccepted()), lit(1))).as("acceptedW"),
            count(when(inWindow().and(EventFrames.isRejected()), lit(1))).as("rejectedW"),
            count(when(inPrevious().and(EventFrames.isAccepted()), lit(1))).as("acceptedP"),
            count(when(inPrevious().and(EventFrames.isRejected()), lit(1))).as("rejectedP"),
            count(when(inWindow().and(col(LAST_DONE).isNull()), lit(1))).as("withoutDoneW"),
            sortedList(when(inWindow(), col("turnaround"))).as("tW"),
            sortedList(when(inPrevious(), col("turnaround"))).as("tP"))
        .first();
  }

  /** Returns the team's active and platform time, objects and active users in W and W'. */
  Row teamActivity() {
    Column at100 = when(col(GAP).leq(lit(100_000_000L)), col(GAP));
    Column at900 = when(col(GAP).leq(lit(900_000_000L)), col(GAP));
    return work.agg(
            sum(when(inWindow(), col(ACTIVE))).as("activeW"),
            sum(when(inPrevious(), col(ACTIVE))).as("activeP"),
            sum(when(inWindow(), at100)).as("active100W"),
            sum(when(inPrevious(), at100)).as("active100P"),
            sum(when(inWindow(), at900)).as("active900W"),
            sum(when(inPrevious(), at900)).as("active900P"),
            sum(when(inWindow(), EventFrames.platformSeconds())).as("platformW"),
            sum(when(inPrevious(), EventFrames.platformSeconds())).as("platformP"),
            count(when(inWindow().and(EventFrames.isCreate()), lit(1))).as("objectsW"),
            count(when(inPrevious().and(EventFrames.isCreate()), lit(1))).as("objectsP"),
            count_distinct(when(inWindow(), col("userId"))).as("usersW"),
            count_distinct(when(inPrevious(), col("userId"))).as("usersP"))
        .first();
  }

  /** Returns per local day of W: active, platform, objects, decisions and active users. */
  Dataset<Row> daily() {
    return work.filter(inWindow())
        .groupBy(col(LOCAL_DAY))
        .agg(
            sum(col(ACTIVE)).as("active"),
            sum(EventFrames.platformSeconds()).as("platform"),
            count(when(EventFrames.isCreate(), lit(1))).as("objects"),
            count(when(EventFrames.isAccepted(), lit(1))).as("accepted"),
            count(when(EventFrames.isRejected(), lit(1))).as("rejected"),
            count_distinct(col("userId")).as("users"));
  }

  /** Returns per (user, local day of W): active time in microseconds. */
  Dataset<Row> heatmap() {
    return work.filter(inWindow().and(col("userId").isNotNull()))
        .groupBy(col("userId"), col(LOCAL_DAY))
        .agg(sum(col(ACTIVE)).as("active"));
  }

  /** Returns per job with work events: all-time active and platform time, last work event. */
  Dataset<Row> jobActivity() {
    return work.groupBy(col("jobId"))
        .agg(
            sum(col(ACTIVE)).as("active"),
            sum(EventFrames.platformSeconds()).as("platform"),
            max(col(MICROS)).as("last"));
  }

  /** Returns the data-quality counts of the events (one row). */
  Row eventQuality() {
    Row counts =
        events
            .agg(
                sum(col(EventFrames.COPIES)).as("received"),
                count(lit(1)).as("distinct"),
                count(when(not(col(EventFunctions.VALID)), lit(1))).as("invalid"),
                min(when(not(col(EventFunctions.VALID)), col(StoreSource.STORED_DAY)))
                    .as("invalidDay"),
                count(when(col(EventFunctions.VALID).and(col(MICROS).isNull()), lit(1)))
                    .as("unparseable"),
                count(when(col(MICROS).isNotNull().and(col("jobId").isNull()), lit(1)))
                    .as("withoutJob"),
                count(when(isWork().and(col("userId").isNull()), lit(1))).as("withoutUser"),
                count(
                        when(
                            isWork()
                                .and(col("action").equalTo(lit(EventFrames.ANNOTATION_DURATION)))
                                .and(col(EventFrames.DURATION).isNull()),
                            lit(1)))
                    .as("durationsMissing"))
            .first();
    return counts;
  }

  /** Returns the number of work events whose job is not in the job list. */
  long unknownJobEvents() {
    Dataset<Row> ids = jobs.select(col("id").as("j_id"));
    return work.join(ids, col("jobId").equalTo(col("j_id")), "left_anti").count();
  }

  private static Column isWork() {
    return col(EventFunctions.VALID).and(col(MICROS).isNotNull()).and(col("jobId").isNotNull());
  }

  /** Returns per action (null for a missing one): the number of events (duplicates removed). */
  Dataset<Row> actionCounts() {
    return events
        .filter(col(EventFunctions.VALID))
        .groupBy(col("action"))
        .agg(count(lit(1)).as("n"));
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
