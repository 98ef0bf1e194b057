package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.StoreJson;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns raw events into the events the metrics use: duplicates removed (first received kept),
 * {@code date} parsed, {@code meta} taken apart, the local date in the report zone added.
 */
final class EventFrames {
  /** Column: the instant of {@code date} in epoch microseconds; null when it did not parse. */
  static final String MICROS = "micros";

  /** Column: the local date of the instant in the report zone, as an epoch day. */
  static final String LOCAL_DAY = "local_day";

  /** Column: {@code meta.reviewStatus}. */
  static final String REVIEW_STATUS = "review_status";

  /** Column: {@code meta.duration}, in seconds. */
  static final String DURATION = "duration_seconds";

  /** Column: how many received events this one stands for (1 + duplicates). */
  static final String COPIES = "copies";

  static final String REVIEW_ACTION = "image_review_status_updated";
  static final String CREATE_FIGURE = "create_figure";
  static final String ANNOTATION_DURATION = "annotation_duration";

  private static final StructType META_TYPE =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("canonical", DataTypes.StringType, true),
            DataTypes.createStructField("reviewStatus", DataTypes.StringType, true),
            DataTypes.createStructField("duration", DataTypes.DoubleType, true)
          });

  private EventFrames() {}

  /** Returns {@code events} (from {@link StoreSource#events}) without duplicates, parsed. */
  static Dataset<Row> prepare(Dataset<Row> events, ZoneId zone) {
    UserDefinedFunction metaParts = udf((UDF1<String, Row>) EventFrames::metaParts, META_TYPE);
    UserDefinedFunction instant =
        udf((UDF1<String, Long>) EventFunctions::parseInstantMicros, DataTypes.LongType);
    String zoneId = zone.getId();
    UserDefinedFunction localDay =
        udf(
            (UDF1<Long, Integer>)
                micros ->
                    micros == null ? null : EventFunctions.localEpochDay(micros, ZoneId.of(zoneId)),
            DataTypes.IntegerType);

    Dataset<Row> withMeta = events.withColumn("m", metaParts.apply(col("meta")));
    Dataset<Row> distinct = dropDuplicates(withMeta);
    return distinct
        .withColumn(MICROS, instant.apply(col("date")))
        .withColumn(LOCAL_DAY, localDay.apply(col(MICROS)))
        .withColumn(REVIEW_STATUS, col("m").getField("reviewStatus"))
        .withColumn(DURATION, col("m").getField("duration"))
        .drop("m");
  }

  /**
   * Groups events equal in all 18 fields ({@code meta} compared key-order-insensitively) and keeps
   * the first received: the smallest (stored day, line order).
   */
  private static Dataset<Row> dropDuplicates(Dataset<Row> events) {
    List<Column> keys = new ArrayList<>();
    for (String name : StoreSource.EVENT_SCHEMA.fieldNames()) {
      if (!name.equals("meta")) {
        keys.add(col(name));
      }
    }
    keys.add(col("m").as("m"));
    Column first =
        min(struct(col(StoreSource.STORED_DAY), col(StoreSource.LINE_ORDER), col("meta")))
            .as("first");
    List<Column> out = new ArrayList<>();
    for (String name : StoreSource.EVENT_SCHEMA.fieldNames()) {
      out.add(name.equals("meta") ? col("first.meta").as("meta") : col(name));
    }
    out.add(col("first." + StoreSource.STORED_DAY).as(StoreSource.STORED_DAY));
    out.add(col("first." + StoreSource.LINE_ORDER).as(StoreSource.LINE_ORDER));
    out.add(col(COPIES));
    out.add(col("m"));
    return events
        .groupBy(keys.toArray(Column[]::new))
        .agg(first, count(lit(1)).as(COPIES))
        .select(out.toArray(Column[]::new));
  }

  /** Returns whether the event is a {@code done} (a labeler finished an image). */
  static Column isDone() {
    return reviewIs("done");
  }

  /** Returns whether the event is an {@code accepted} decision. */
  static Column isAccepted() {
    return reviewIs("accepted");
  }

  /** Returns whether the event is a {@code rejected} decision. */
  static Column isRejected() {
    return reviewIs("rejected");
  }

  /** Returns whether the event is a decision (accepted or rejected). */
  static Column isDecision() {
    return isAccepted().or(isRejected());
  }

  /** Returns whether the event created a figure. */
  static Column isCreate() {
    return col("action").equalTo(lit(CREATE_FIGURE));
  }

  /** Returns the platform seconds of an {@code annotation_duration} event, else null. */
  static Column platformSeconds() {
    return when(col("action").equalTo(lit(ANNOTATION_DURATION)), col(DURATION));
  }

  private static Column reviewIs(String status) {
    return col("action")
        .equalTo(lit(REVIEW_ACTION))
        .and(col(REVIEW_STATUS).equalTo(lit(status)))
        .and(col(REVIEW_STATUS).isNotNull());
  }

  /** Returns {@code meta}'s canonical text, review status and duration, parsing it once. */
  static Row metaParts(String json) {
    if (json == null) {
      return RowFactory.create(null, null, null);
    }
    JsonNode node;
    try {
      node = StoreJson.MAPPER.readTree(json);
    } catch (JacksonException e) {
      return RowFactory.create(json, null, null);
    }
    String status = null;
    Double duration = null;
    if (node != null && node.isObject()) {
      JsonNode s = node.get("reviewStatus");
      status = s != null && s.isTextual() ? s.textValue() : null;
      JsonNode d = node.get("duration");
      duration = d != null && d.isNumber() ? d.doubleValue() : null;
    }
    return RowFactory.create(EventFunctions.canonicalJson(json), status, duration);
  }
}
