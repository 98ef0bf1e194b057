package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;

import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.store.StoreLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A team's data store as Spark datasets, read with explicit schemas from any file system Hadoop
 * knows (local, HDFS, S3). Layout: {@code docs/data-layout.md}.
 */
final class StoreSource {
  /** The partition column of the activity directory, as named on disk. */
  static final String PARTITION = "day";

  /** Column of the raw events: the UTC day of the partition the event was stored in. */
  static final String STORED_DAY = "stored_day";

  /** Column of the raw events: increasing with the line number within one partition's file. */
  static final String LINE_ORDER = "line_order";

  /** The 18 fields of an activity event, as received; {@code meta} kept as JSON text. */
  static final StructType EVENT_SCHEMA =
      new StructType(
          new StructField[] {
            field("userId", DataTypes.LongType),
            field("action", DataTypes.StringType),
            field("date", DataTypes.StringType),
            field("user", DataTypes.StringType),
            field("projectId", DataTypes.LongType),
            field("project", DataTypes.StringType),
            field("datasetId", DataTypes.LongType),
            field("dataset", DataTypes.StringType),
            field("imageId", DataTypes.LongType),
            field("image", DataTypes.StringType),
            field("classId", DataTypes.LongType),
            field("class", DataTypes.StringType),
            field("figureId", DataTypes.LongType),
            field("job", DataTypes.StringType),
            field("jobId", DataTypes.LongType),
            field("tag", DataTypes.StringType),
            field("tagId", DataTypes.LongType),
            field("meta", DataTypes.StringType)
          });

  private static final StructType ENTITY_SCHEMA =
      new StructType(
          new StructField[] {
            field("id", DataTypes.LongType),
            field("name", DataTypes.StringType),
            field("reviewStatus", DataTypes.StringType)
          });

  /** The fields of {@code jobs.info} that the metrics use. */
  static final StructType JOB_SCHEMA =
      new StructType(
          new StructField[] {
            field("id", DataTypes.LongType),
            field("name", DataTypes.StringType),
            field("projectId", DataTypes.LongType),
            field("projectTitle", DataTypes.StringType),
            field("datasetId", DataTypes.LongType),
            field("datasetTitle", DataTypes.StringType),
            field("userId", DataTypes.LongType),
            field("labelerLogin", DataTypes.StringType),
            field("reviewerId", DataTypes.LongType),
            field("reviewerLogin", DataTypes.StringType),
            field("createdBy", DataTypes.LongType),
            field("managerLogin", DataTypes.StringType),
            field("status", DataTypes.StringType),
            field("disabled", DataTypes.BooleanType),
            field("createdAt", DataTypes.StringType),
            field("imagesCount", DataTypes.LongType),
            field("acceptedImagesCount", DataTypes.LongType),
            field("rejectedImagesCount", DataTypes.LongType),
            field("entities", DataTypes.createArrayType(ENTITY_SCHEMA))
          });

  private static final StructType CLASS_STATS_SCHEMA =
      new StructType(
          new StructField[] {
            field("name", DataTypes.StringType),
            field("shape", DataTypes.StringType),
            field("imagesCount", DataTypes.LongType),
            field("labelsCount", DataTypes.LongType),
            field("totalDuration", DataTypes.DoubleType)
          });

  private static final StructType IMAGE_STATS_SCHEMA =
      new StructType(
          new StructField[] {
            field("id", DataTypes.LongType),
            field("name", DataTypes.StringType),
            field("reviewStatus", DataTypes.StringType),
            field("annotationDuration", DataTypes.DoubleType),
            field("totalDuration", DataTypes.DoubleType),
            field("labelsCount", DataTypes.LongType)
          });

  /** The fields of a stats line ({@code {"jobId": N, "stats": <jobs.stats>}}) that are used. */
  static final StructType STATS_SCHEMA =
      new StructType(
          new StructField[] {
            field("jobId", DataTypes.LongType),
            field(
                "stats",
                new StructType(
                    new StructField[] {
                      field(
                          "job",
                          new StructType(
                              new StructField[] {
                                field("annotationDuration", DataTypes.DoubleType),
                                field("editingDuration", DataTypes.DoubleType)
                              })),
                      field("classes", DataTypes.createArrayType(CLASS_STATS_SCHEMA)),
                      field(
                          "images",
                          new StructType(
                              new StructField[] {
                                field("images", DataTypes.createArrayType(IMAGE_STATS_SCHEMA))
                              }))
                    }))
          });

  /** The fields of {@code members.list} entities that are used. */
  static final StructType MEMBER_SCHEMA =
      new StructType(
          new StructField[] {
            field("id", DataTypes.LongType),
            field("login", DataTypes.StringType),
            field("name", DataTypes.StringType),
            field("role", DataTypes.StringType)
          });

  private final SparkSession spark;
  private final String root;
  private final FileSystem fs;

  private StoreSource(SparkSession spark, String root, FileSystem fs) {
    this.spark = spark;
    this.root = root;
    this.fs = fs;
  }

  /** Returns the store of a local team directory. */
  static StoreSource of(SparkSession spark, StoreLayout layout) throws IOException {
    return at(spark, layout.teamDir().toAbsolutePath().toUri().toString());
  }

  /**
   * Returns the store rooted at {@code teamDirUri}, for example {@code hdfs://nn/labelmeter/7} or
   * {@code s3a://bucket/labelmeter/7}.
   */
  static StoreSource at(SparkSession spark, String teamDirUri) throws IOException {
    String root =
        teamDirUri.endsWith("/") ? teamDirUri.substring(0, teamDirUri.length() - 1) : teamDirUri;
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return new StoreSource(spark, root, new Path(root).getFileSystem(conf));
  }

  /** Returns the store's root, as a URI. */
  String root() {
    return root;
  }

  /**
   * Returns the manifest.
   *
   * @throws StoreFormatException when the store has no manifest (no completed pull yet)
   */
  Manifest manifest() throws IOException {
    Path path = new Path(root, StoreLayout.MANIFEST);
    if (!fs.exists(path)) {
      throw new StoreFormatException(
          "no "
              + StoreLayout.MANIFEST
              + " in "
              + root
              + ": the store is incomplete; run `labelmeter pull` for this team first");
    }
    try (InputStream in = fs.open(path)) {
      return StoreJson.MAPPER.readValue(in, Manifest.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new StoreFormatException(
          path + " is not a valid manifest (" + e.getOriginalMessage() + ")", e);
    }
  }

  /**
   * Returns the UTC days that have an activity partition, in ascending order, with the size in
   * bytes of each day's events file.
   */
  private SortedMap<LocalDate, Long> activityDays() throws IOException {
    Path dir = new Path(root, StoreLayout.ACTIVITY_DIR);
    SortedMap<LocalDate, Long> days = new TreeMap<>();
    if (!fs.exists(dir)) {
      return days;
    }
    for (FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && !name.startsWith(".") && !name.startsWith("_")) {
        Optional<LocalDate> day = StoreLayout.parseDayPartition(name);
        if (day.isEmpty()) {
          throw new StoreFormatException(
              dir
                  + " holds "
                  + name
                  + ": activity partitions must be named "
                  + StoreLayout.DAY_PREFIX
                  + "YYYY-MM-DD; move or remove that directory");
        }
        try {
          Path events = new Path(status.getPath(), StoreLayout.EVENTS_FILE);
          days.put(day.get(), fs.getFileStatus(events).getLen());
        } catch (FileNotFoundException e) {
          // A day directory without its file (deleted by hand) holds no events.
        }
      }
    }
    return days;
  }

  /**
   * Returns the raw event lines of the partitions from {@code firstDay} to {@code lastDay}
   * (inclusive, UTC; null for no bound), read through Spark's partition pruning: columns {@code
   * line}, {@link #STORED_DAY} and {@link #LINE_ORDER}.
   */
  Dataset<Row> rawEventLines(LocalDate firstDay, LocalDate lastDay) throws IOException {
    SortedMap<LocalDate, Long> days = activityDays();
    days.keySet()
        .removeIf(
            d ->
                (firstDay != null && d.isBefore(firstDay))
                    || (lastDay != null && d.isAfter(lastDay)));
    if (days.isEmpty()) {
      return spark.createDataFrame(List.of(), rawLineSchema());
    }
    for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
      if (day.getValue() == 0) {
        throw empty(eventsFile(day.getKey().toString()));
      }
    }
    String dir = root + "/" + StoreLayout.ACTIVITY_DIR;
    Dataset<Row> text =
        spark
            .read()
            .option("basePath", dir)
            .option("pathGlobFilter", StoreLayout.EVENTS_FILE)
            .text(dir);
    requireOnlyDayPartition(text.columns(), dir);
    Column keep = lit(true);
    if (firstDay != null) {
      keep = keep.and(col(PARTITION).geq(lit(firstDay.toString())));
    }
    if (lastDay != null) {
      keep = keep.and(col(PARTITION).leq(lit(lastDay.toString())));
    }
    // The partition filter comes before the line counter: Spark does not push a filter below a
    // non-deterministic column, and the counter must follow the file's line order.
    return text.filter(keep)
        .select(col("value").as("line"), col(PARTITION).as(STORED_DAY))
        .withColumn(LINE_ORDER, monotonically_increasing_id());
  }

  /**
   * Returns the events of the given partitions, each line parsed by {@link
   * EventFunctions#parseLine}: the columns of {@link EventFunctions#LINE_TYPE} (validity, duplicate
   * key, the 18 event fields, instant, review status, duration) plus {@link #STORED_DAY} and {@link
   * #LINE_ORDER}. Blank lines are dropped; a line that is not JSON has {@code valid = false}.
   */
  Dataset<Row> events(LocalDate firstDay, LocalDate lastDay) throws IOException {
    Dataset<Row> lines = rawEventLines(firstDay, lastDay);
    UserDefinedFunction parse =
        udf((UDF1<String, Row>) EventFunctions::parseLine, EventFunctions.LINE_TYPE);
    List<Column> columns = new ArrayList<>();
    for (String name : EventFunctions.LINE_TYPE.fieldNames()) {
      columns.add(col("e").getField(name).as(name));
    }
    columns.add(col(STORED_DAY));
    columns.add(col(LINE_ORDER));
    return lines
        .withColumn("e", parse.apply(col("line")))
        .filter(col("e").isNotNull())
        .select(columns.toArray(Column[]::new));
  }

  /**
   * Returns the jobs ({@link #JOB_SCHEMA}), the first line of each job id in file order; empty when
   * the store has no jobs file.
   */
  Dataset<Row> jobs() throws IOException {
    WindowSpec byId = Window.partitionBy(col("id")).orderBy(col("file_order"));
    return readJson(StoreLayout.JOBS, JOB_SCHEMA)
        .withColumn("file_order", monotonically_increasing_id())
        .filter(col("id").isNotNull())
        .withColumn("nth", row_number().over(byId))
        .filter(col("nth").equalTo(1))
        .orderBy(col("file_order"))
        .drop("nth", "file_order");
  }

  /** Returns the {@code id} of every line of the jobs file, in file order (null when missing). */
  List<Long> jobIdsInFileOrder() throws IOException {
    List<Long> ids = new ArrayList<>();
    StructType idOnly = new StructType(new StructField[] {field("id", DataTypes.LongType)});
    for (Row r : readJson(StoreLayout.JOBS, idOnly).collectAsList()) {
      ids.add(r.isNullAt(0) ? null : r.getLong(0));
    }
    return ids;
  }

  /** Returns the stats lines ({@link #STATS_SCHEMA}); empty when there is no stats file. */
  Dataset<Row> stats() throws IOException {
    return readJson(StoreLayout.STATS, STATS_SCHEMA);
  }

  /** Returns the members ({@link #MEMBER_SCHEMA}); empty when there is no members file. */
  Dataset<Row> members() throws IOException {
    return readJson(StoreLayout.MEMBERS, MEMBER_SCHEMA);
  }

  private Dataset<Row> readJson(String file, StructType schema) throws IOException {
    Path path = new Path(root, file);
    if (!fs.exists(path)) {
      return spark.createDataFrame(List.of(), schema);
    }
    requireNotEmpty(path);
    return spark.read().schema(schema).option("mode", "PERMISSIVE").json(path.toString());
  }

  /**
   * Returns the failure of the day partition of {@code day} (YYYY-MM-DD), which holds {@code
   * count} lines that are not JSON.
   */
  StoreFormatException invalidLines(String day, long count) {
    return DamagedFiles.invalidLines(eventsFile(day).toUri(), day, count);
  }

  private Path eventsFile(String day) {
    return new Path(
        root,
        StoreLayout.ACTIVITY_DIR
            + "/"
            + StoreLayout.DAY_PREFIX
            + day
            + "/"
            + StoreLayout.EVENTS_FILE);
  }

  /**
   * Fails on a store file of no bytes: Spark would read it as a file of no lines, where the pull
   * always writes a gzip header.
   */
  private void requireNotEmpty(Path file) throws IOException {
    if (fs.getFileStatus(file).getLen() == 0) {
      throw empty(file);
    }
  }

  private StoreFormatException empty(Path file) {
    return DamagedFiles.empty(fs.makeQualified(file).toUri());
  }

  /**
   * Fails when the activity directory is partitioned by anything but {@code day}: a partition
   * column named like an event field (for example {@code date=}) would silently replace that field
   * in a plain JSON read.
   */
  static void requireOnlyDayPartition(String[] columns, String dir) throws StoreFormatException {
    List<String> extra = new ArrayList<>(Arrays.asList(columns));
    extra.remove("value");
    if (!extra.equals(List.of(PARTITION))) {
      throw new StoreFormatException(
          dir
              + " is partitioned by "
              + extra
              + " but must be partitioned by ["
              + PARTITION
              + "] only (directories "
              + StoreLayout.DAY_PREFIX
              + "YYYY-MM-DD)");
    }
    for (String name : EVENT_SCHEMA.fieldNames()) {
      if (name.equalsIgnoreCase(PARTITION)
          || name.equalsIgnoreCase(STORED_DAY)
          || name.equalsIgnoreCase(LINE_ORDER)) {
        throw new IllegalStateException("event field " + name + " clashes with a store column");
      }
    }
  }

  private static StructType rawLineSchema() {
    return new StructType(
        new StructField[] {
          field("line", DataTypes.StringType),
          field(STORED_DAY, DataTypes.StringType),
          field(LINE_ORDER, DataTypes.LongType)
        });
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
