package dev.labelmeter.metrics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

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

  private EventFrames() {}

  /**
   * Returns {@code events} (from {@link StoreSource#events}) without duplicates, with the local
   * date of each instant in {@code zone} ({@link #LOCAL_DAY}).
   */
  static Dataset<Row> prepare(Dataset<Row> events, ZoneId zone) {
    String zoneId = zone.getId();
    UserDefinedFunction localDay =
        udf(
            (UDF1<Long, Integer>)
                micros ->
                    micros == null ? null : EventFunctions.localEpochDay(micros, ZoneId.of(zoneId)),
            DataTypes.IntegerType);
    return dropDuplicates(events).withColumn(LOCAL_DAY, localDay.apply(col(MICROS)));
  }

  /**
   * Groups the events of one partition that have the same canonical text ({@link
   * dev.labelmeter.metrics.EventCanonicalForm#ofEvent}) and keeps the first received: the
   * smallest line order.
   */
  private static Dataset<Row> dropDuplicates(Dataset<Row> events) {
    List<String> kept = new ArrayList<>();
    kept.add(StoreSource.LINE_ORDER);
    for (String name : events.columns()) {
      if (!name.equals(StoreSource.LINE_ORDER)
          && !name.equals(StoreSource.STORED_DAY)
          && !name.equals(EventFunctions.CANONICAL)) {
        kept.add(name);
      }
    }
    List<Column> out = new ArrayList<>();
    out.add(col(StoreSource.STORED_DAY));
    for (String name : kept) {
      out.add(col("first." + name).as(name));
    }
    out.add(col(COPIES));
    Column first = min(struct(kept.stream().map(n -> col(n)).toArray(Column[]::new)));
    return events
        .groupBy(col(StoreSource.STORED_DAY), col(EventFunctions.CANONICAL))
        .agg(first.as("first"), count(lit(1)).as(COPIES))
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
}
