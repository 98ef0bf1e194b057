package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.col;

import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics on Apache Spark: the same result as the Tablesaw engine, computed by Spark jobs
 * (embedded {@code local[*]} by default, or a cluster). One session per engine, stopped by {@link
 * #close()} when the engine started it.
 *
 * <pre>{@code
 * try (SparkEngine engine = SparkEngine.start(null)) {
 *   MetricsResult result = engine.compute(StoreLayout.of(dataDir, 7), MetricsParams.defaults());
 * }
 * }</pre>
 */
public final class SparkEngine implements MetricsEngine {
  /** The engine's name on the command line. */
  public static final String NAME = "spark";

  private static final Logger log = LoggerFactory.getLogger(SparkEngine.class);

  private final SparkSession spark;
  private final boolean ownsSession;

  private SparkEngine(SparkSession spark, boolean ownsSession) {
    this.spark = spark;
    this.ownsSession = ownsSession;
  }

  /**
   * Returns an engine with its own session on {@code master} (null: {@code local[*]}, or the
   * master given by {@code spark-submit}).
   */
  public static SparkEngine start(String master) {
    long started = System.nanoTime();
    SparkSession spark = SparkSessions.start(master);
    log.info(
        "Spark session on {} started in {} ms",
        spark.sparkContext().master(),
        (System.nanoTime() - started) / 1_000_000);
    return new SparkEngine(spark, true);
  }

  /** Returns an engine on an existing session, which {@link #close()} leaves running. */
  public static SparkEngine on(SparkSession spark) {
    return new SparkEngine(spark, false);
  }

  /** Returns the engine's session. */
  public SparkSession session() {
    return spark;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MetricsResult compute(StoreLayout store, MetricsParams params) throws IOException {
    return compute(StoreSource.of(spark, store), params);
  }

  /** Returns every metric of the store at {@code teamDirUri} (any Hadoop file system). */
  public MetricsResult compute(String teamDirUri, MetricsParams params) throws IOException {
    return compute(StoreSource.at(spark, teamDirUri), params);
  }

  // About nine Spark jobs per report (three small reads of jobs, job ids and members, one of the
  // stats, four fused event aggregations, the job totals).
  // TODO(#6): the fixed cost is still several seconds per report on a small store (job
  // scheduling and code generation); reading jobs, job ids and members in one pass would save two.
  private MetricsResult compute(StoreSource source, MetricsParams params) throws IOException {
    long started = System.nanoTime();
    Manifest manifest = source.manifest();
    DateWindow window = params.resolveWindow(manifest.snapshotAt());
    LocalDate lastDay = lastDayToRead(manifest, window, params);
    Dataset<Row> jobs = source.jobs().cache();
    try (MetricsJob job = new MetricsJob(manifest, params, source.events(null, lastDay), jobs)) {
      MetricsResult result = new ResultBuilder(job, params, source).build();
      log.info(
          "Spark metrics of team {} for {} computed in {} ms",
          manifest.teamId(),
          window,
          (System.nanoTime() - started) / 1_000_000);
      return result;
    } catch (Exception e) { // Spark's own failures are checked exceptions thrown unchecked
      Optional<StoreFormatException> damaged = DamagedFiles.of(e);
      if (damaged.isPresent()) {
        throw damaged.get();
      }
      throw e;
    } finally {
      jobs.unpersist();
    }
  }

  /**
   * Returns the last UTC day partition to read: job figures are as of the snapshot, so every
   * partition up to the later of the snapshot and the window's end is needed.
   */
  static LocalDate lastDayToRead(Manifest manifest, DateWindow window, MetricsParams params) {
    Instant windowEnd = window.endInstant(params.zone()).minusNanos(1);
    Instant last = manifest.snapshotAt().isAfter(windowEnd) ? manifest.snapshotAt() : windowEnd;
    return last.atZone(ZoneOffset.UTC).toLocalDate();
  }

  @Override
  public ActivitySource windowActivity(StoreLayout store, MetricsParams params) throws IOException {
    StoreSource source = StoreSource.of(spark, store);
    Manifest manifest = source.manifest();
    DateWindow window = params.resolveWindow(manifest.snapshotAt());
    return handler -> {
      Dataset<Row> rows = windowEvents(source, window, params);
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        handler.accept(toActivityRow(it.next()));
      }
    };
  }

  /**
   * Returns the events whose instant falls on a local date of {@code window}, duplicates removed,
   * in event order; only the partitions of the window's UTC days are read.
   */
  static Dataset<Row> windowEvents(StoreSource source, DateWindow window, MetricsParams params)
      throws IOException {
    Instant start = window.startInstant(params.zone());
    Instant end = window.endInstant(params.zone());
    LocalDate firstDay = start.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate lastDay = end.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
    Dataset<Row> events = EventFrames.prepare(source.events(firstDay, lastDay), params.zone());
    return events.filter(localDayIn(window)).orderBy(MetricsJob.eventOrder());
  }

  private static ActivityRow toActivityRow(Row r) {
    Long micros = r.getAs(EventFrames.MICROS);
    return new ActivityRow(
        r.getAs("userId"),
        r.getAs("action"),
        micros == null ? null : EventFunctions.fromMicros(micros),
        r.getAs("user"),
        r.getAs("projectId"),
        r.getAs("project"),
        r.getAs("datasetId"),
        r.getAs("dataset"),
        r.getAs("imageId"),
        r.getAs("image"),
        r.getAs("classId"),
        r.getAs("class"),
        r.getAs("figureId"),
        r.getAs("job"),
        r.getAs("jobId"),
        r.getAs("tag"),
        r.getAs("tagId"),
        r.getAs("meta"));
  }

  @Override
  public void close() {
    if (ownsSession) {
      spark.stop();
    }
  }

  static org.apache.spark.sql.Column localDayIn(DateWindow window) {
    return Frames.between(
        col(EventFrames.LOCAL_DAY),
        (int) window.from().toEpochDay(),
        (int) window.to().toEpochDay());
  }
}
