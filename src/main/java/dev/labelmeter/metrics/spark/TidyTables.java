package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.EventFrames.LOCAL_DAY;
import static dev.labelmeter.metrics.spark.EventFrames.MICROS;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.store.Manifest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The tidy tables for ad-hoc analysis: events, sessions, labeler_daily, jobs, job_images and
 * classes, one row per observation, columns in snake case with units in their names. Columns and
 * units are documented in {@code docs/spark.md}.
 */
final class TidyTables {
  /** Table names, in the order they are written. */
  static final String[] NAMES = {
    "events", "sessions", "labeler_daily", "jobs", "job_images", "classes"
  };

  private TidyTables() {}

  /**
   * Returns the tables of {@code source}. Without a window in {@code params} every partition is
   * read; with one, only the events of the window's local dates (and the partitions they need).
   */
  static Map<String, Dataset<Row>> build(StoreSource source, MetricsParams params)
      throws IOException {
    Manifest manifest = source.manifest();
    Dataset<Row> prepared = EventFrames.prepare(readEvents(source, params), params.zone());
    Dataset<Row> withSessions = sessions(prepared, params);
    if (params.window().isPresent()) {
      withSessions = withSessions.filter(SparkEngine.localDayIn(params.window().get()));
    }
    Dataset<Row> events = events(withSessions);
    Dataset<Row> jobs = source.jobs();
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("events", events);
    tables.put("sessions", sessionTable(withSessions));
    tables.put("labeler_daily", labelerDaily(withSessions, jobs));
    tables.put("jobs", jobs(jobs, withSessions, source.stats(), params, manifest));
    tables.put("job_images", jobImages(jobs, source.stats(), params));
    tables.put("classes", classes(jobs, source.stats(), params));
    return tables;
  }

  private static Dataset<Row> readEvents(StoreSource source, MetricsParams params)
      throws IOException {
    if (params.window().isEmpty()) {
      return source.events(null, null);
    }
    DateWindow window = params.window().get();
    Instant start = window.startInstant(params.zone()).minus(params.idleThreshold());
    Instant end = window.endInstant(params.zone()).minusNanos(1);
    LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
    return source.events(first, end.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** Adds the gap, active time and a per-user session number to the work events. */
  private static Dataset<Row> sessions(Dataset<Row> events, MetricsParams params) {
    long threshold = params.idleThreshold().toNanos() / 1000;
    var byUser = Window.partitionBy(col("userId")).orderBy(MetricsJob.eventOrder());
    Column work =
        col(MICROS).isNotNull().and(col("jobId").isNotNull()).and(col("userId").isNotNull());
    Dataset<Row> w = events.filter(work);
    Column gap = col(MICROS).minus(org.apache.spark.sql.functions.lag(col(MICROS), 1).over(byUser));
    Dataset<Row> withGap =
        w.withColumn(MetricsJob.GAP, gap)
            .withColumn(
                MetricsJob.ACTIVE,
                when(col(MetricsJob.GAP).leq(lit(threshold)), col(MetricsJob.GAP)))
            .withColumn(
                MetricsJob.SESSION_START,
                col(MetricsJob.GAP).isNull().or(col(MetricsJob.GAP).gt(lit(threshold))))
            .withColumn(
                "session_no",
                sum(when(col(MetricsJob.SESSION_START), lit(1)).otherwise(lit(0)))
                    .over(byUser.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Dataset<Row> other = events.filter(work.isNull().or(work.equalTo(lit(false))));
    return withGap.unionByName(other, true);
  }

  private static Column timestamp(Column micros) {
    return timestamp_micros(micros);
  }

  private static Column sessionId() {
    return when(col("session_no").isNotNull(), concat_ws("-", col("userId"), col("session_no")));
  }

  private static Dataset<Row> events(Dataset<Row> e) {
    return e.select(
        col("userId").as("user_id"),
        col("user").as("login"),
        col("action"),
        timestamp(col(MICROS)).as("event_time"),
        date_from_unix_date(col(LOCAL_DAY)).as("local_date"),
        col("date").as("date_as_received"),
        col("projectId").as("project_id"),
        col("project"),
        col("datasetId").as("dataset_id"),
        col("dataset"),
        col("imageId").as("image_id"),
        col("image"),
        col("classId").as("class_id"),
        col("class").as("class_name"),
        col("figureId").as("figure_id"),
        col("jobId").as("job_id"),
        col("job"),
        col("tagId").as("tag_id"),
        col("tag"),
        col("meta"),
        col(EventFrames.REVIEW_STATUS).as("review_status"),
        col(EventFrames.DURATION).as("duration_seconds"),
        col(MetricsJob.GAP).divide(Frames.MICROS_PER_SECOND).as("gap_seconds"),
        col(MetricsJob.ACTIVE).divide(Frames.MICROS_PER_SECOND).as("active_seconds"),
        sessionId().as("session_id"),
        col(EventFrames.COPIES).minus(1).as("duplicates_dropped"),
        col(StoreSource.STORED_DAY).as("stored_day"));
  }

  private static Dataset<Row> sessionTable(Dataset<Row> e) {
    return e.filter(col("session_no").isNotNull())
        .groupBy(col("userId"), col("session_no"))
        .agg(
            min(col(MICROS)).as("start"),
            max(col(MICROS)).as("end"),
            min(org.apache.spark.sql.functions.struct(col(MICROS), col(LOCAL_DAY))).as("first"),
            count(lit(1)).as("events"),
            sum(col(MetricsJob.ACTIVE)).as("active"),
            count_distinct(col("jobId")).as("jobs"),
            max(col("user")).as("login"))
        .select(
            concat_ws("-", col("userId"), col("session_no")).as("session_id"),
            col("userId").as("user_id"),
            col("login"),
            timestamp(col("start")).as("start_time"),
            timestamp(col("end")).as("end_time"),
            date_from_unix_date(col("first." + LOCAL_DAY)).as("local_date"),
            col("events"),
            coalesce(col("active"), lit(0L)).divide(Frames.MICROS_PER_SECOND).as("active_seconds"),
            col("jobs"));
  }

  private static Dataset<Row> labelerDaily(Dataset<Row> e, Dataset<Row> jobs) {
    Dataset<Row> work = e.filter(col("session_no").isNotNull());
    return work.groupBy(col("userId"), col(LOCAL_DAY))
        .agg(
            max(col("user")).as("login"),
            sum(col(MetricsJob.ACTIVE)).as("active"),
            sum(EventFrames.platformSeconds()).as("platform"),
            count(when(EventFrames.isDone(), lit(1))).as("done_events"),
            count(when(EventFrames.isCreate(), lit(1))).as("objects_created"),
            count(when(EventFrames.isDecision(), lit(1))).as("decisions_made"),
            count(when(col(MetricsJob.SESSION_START), lit(1))).as("sessions_started"),
            count(lit(1)).as("work_events"))
        .select(
            col("userId").as("user_id"),
            col("login"),
            date_from_unix_date(col(LOCAL_DAY)).as("local_date"),
            coalesce(col("active"), lit(0L)).divide(Frames.MICROS_PER_HOUR).as("active_hours"),
            coalesce(col("platform"), lit(0.0)).divide(3600.0).as("platform_hours"),
            col("done_events"),
            col("objects_created"),
            col("decisions_made"),
            col("sessions_started"),
            col("work_events"));
  }

  private static Dataset<Row> jobs(
      Dataset<Row> jobs,
      Dataset<Row> e,
      Dataset<Row> stats,
      MetricsParams params,
      Manifest manifest) {
    Dataset<Row> activity =
        e.filter(col("session_no").isNotNull())
            .groupBy(col("jobId").as("a_job"))
            .agg(
                sum(col(MetricsJob.ACTIVE)).as("active"),
                sum(EventFrames.platformSeconds()).as("platform"),
                max(col(MICROS)).as("last"));
    Dataset<Row> annotation =
        stats.select(
            col("jobId").as("s_job"),
            col("stats.job.annotationDuration").divide(unit(params)).as("stats_seconds"));
    UserDefinedFunction instant =
        udf((UDF1<String, Long>) EventFunctions::parseInstantMicros, DataTypes.LongType);
    return jobs.join(activity, col("id").equalTo(col("a_job")), "left")
        .join(annotation, col("id").equalTo(col("s_job")), "left")
        .select(
            col("id").as("job_id"),
            col("name"),
            col("projectId").as("project_id"),
            col("projectTitle").as("project"),
            col("datasetId").as("dataset_id"),
            col("datasetTitle").as("dataset"),
            col("userId").as("labeler_id"),
            col("labelerLogin").as("labeler_login"),
            col("reviewerId").as("reviewer_id"),
            col("reviewerLogin").as("reviewer_login"),
            col("status"),
            col("disabled"),
            timestamp(instant.apply(col("createdAt"))).as("created_at"),
            col("imagesCount").as("images"),
            entityCount("'done','accepted','rejected'").as("labeled"),
            entityCount("'accepted'").as("accepted"),
            entityCount("'rejected'").as("rejected"),
            entityCount("'none'").as("untouched"),
            col("acceptedImagesCount").as("accepted_counter"),
            col("rejectedImagesCount").as("rejected_counter"),
            coalesce(col("active"), lit(0L)).divide(Frames.MICROS_PER_HOUR).as("active_hours"),
            coalesce(col("platform"), lit(0.0)).divide(3600.0).as("platform_hours"),
            col("stats_seconds").divide(3600.0).as("stats_annotation_hours"),
            timestamp(col("last")).as("last_activity"),
            lit(java.sql.Timestamp.from(manifest.snapshotAt())).as("snapshot_at"));
  }

  private static Column entityCount(String statuses) {
    return expr(
        "size(filter(coalesce(entities, array()), x -> x.reviewStatus IN (" + statuses + ")))");
  }

  private static Dataset<Row> jobImages(
      Dataset<Row> jobs, Dataset<Row> stats, MetricsParams params) {
    Dataset<Row> entities =
        jobs.select(col("id").as("job_id"), explode_outer(col("entities")).as("e"))
            .filter(col("e").isNotNull());
    Dataset<Row> images =
        stats
            .select(col("jobId").as("s_job"), explode_outer(col("stats.images.images")).as("i"))
            .filter(col("i").isNotNull());
    double unit = unit(params);
    return entities
        .join(
            images,
            col("job_id").equalTo(col("s_job")).and(col("e.id").equalTo(col("i.id"))),
            "left")
        .select(
            col("job_id"),
            col("e.id").as("image_id"),
            col("e.name").as("image"),
            col("e.reviewStatus").as("review_status"),
            col("i.annotationDuration").divide(unit).as("annotation_seconds"),
            col("i.totalDuration").divide(unit).as("total_seconds"),
            col("i.labelsCount").as("labels"));
  }

  private static Dataset<Row> classes(Dataset<Row> jobs, Dataset<Row> stats, MetricsParams params) {
    Dataset<Row> labelers =
        jobs.select(col("id").as("j_id"), col("userId").as("labeler_id"), col("labelerLogin"));
    return stats
        .select(col("jobId"), explode_outer(col("stats.classes")).as("c"))
        .filter(col("c").isNotNull())
        .join(labelers, col("jobId").equalTo(col("j_id")), "left")
        .select(
            col("jobId").as("job_id"),
            col("labeler_id"),
            col("labelerLogin").as("labeler_login"),
            col("c.name").as("class_name"),
            col("c.shape").as("shape"),
            col("c.labelsCount").as("labels"),
            col("c.imagesCount").as("images"),
            col("c.totalDuration").divide(unit(params)).as("total_seconds"));
  }

  private static double unit(MetricsParams params) {
    return params.statsDurationUnit() == java.time.temporal.ChronoUnit.MILLIS ? 1000.0 : 1.0;
  }
}
