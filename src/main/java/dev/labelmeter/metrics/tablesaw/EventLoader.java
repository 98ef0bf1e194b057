package dev.labelmeter.metrics.tablesaw;

import static dev.labelmeter.metrics.tablesaw.JsonValues.append;
import static dev.labelmeter.metrics.tablesaw.JsonValues.doubleOrNull;
import static dev.labelmeter.metrics.tablesaw.JsonValues.longOrNull;
import static dev.labelmeter.metrics.tablesaw.JsonValues.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.metrics.KnownValues;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Loads the work events of every activity partition into one typed table in event order: by
 * instant, ties in the order received (partition day ascending, then line number).
 */
final class EventLoader {
  private final StoreLayout layout;
  private final Set<Long> knownJobs;
  private final PartitionReader reader = new PartitionReader();
  private final Table events =
      Table.create(
          "events",
          LongColumn.create("seq"),
          LongColumn.create("instantMicros"),
          LongColumn.create("userId"),
          StringColumn.create("user"),
          StringColumn.create("action"),
          StringColumn.create("reviewStatus"),
          DoubleColumn.create("durationSeconds"),
          LongColumn.create("jobId"),
          LongColumn.create("imageId"));
  private final TreeMap<String, Long> unknownActions = new TreeMap<>();
  private long seq;
  private long unparseable;
  private long withoutJob;
  private long unknownJob;
  private long withoutUser;
  private long durationsMissing;

  EventLoader(StoreLayout layout, Set<Long> knownJobs) {
    this.layout = layout;
    this.knownJobs = knownJobs;
  }

  /** Returns the work events of the store in event order. */
  Table load() throws IOException {
    for (LocalDate day : layout.activityDays()) {
      reader.read(layout.activityDay(day), (event, line) -> accept(event));
    }
    return sortedByInstant(events);
  }

  StoreTables.EventCounts counts() {
    return new StoreTables.EventCounts(
        reader.received(),
        reader.duplicates(),
        unparseable,
        withoutJob,
        unknownJob,
        unknownActions,
        withoutUser,
        durationsMissing);
  }

  private void accept(JsonNode event) {
    long order = seq++;
    String action = textOrNull(event, "action");
    if (!KnownValues.isKnownAction(action)) {
      unknownActions.merge(action == null ? KnownValues.MISSING : action, 1L, Long::sum);
    }
    Instant instant = EventDates.parseStrict(textOrNull(event, "date")).orElse(null);
    if (instant == null) {
      unparseable++;
      return;
    }
    Long jobId = longOrNull(event, "jobId");
    if (jobId == null) {
      withoutJob++;
      return;
    }
    countWorkEvent(event, action, jobId);
    appendRow(order, instant, event, action, jobId);
  }

  private void countWorkEvent(JsonNode event, String action, long jobId) {
    if (!knownJobs.contains(jobId)) {
      unknownJob++;
    }
    if (longOrNull(event, "userId") == null) {
      withoutUser++;
    }
    if (KnownValues.ACTION_ANNOTATION_DURATION.equals(action)
        && doubleOrNull(event.get("meta"), "duration") == null) {
      durationsMissing++;
    }
  }

  private void appendRow(long order, Instant instant, JsonNode event, String action, long jobId) {
    JsonNode meta = event.get("meta");
    events.longColumn("seq").append(order);
    events.longColumn("instantMicros").append(EventDates.toEpochMicros(instant));
    append(events.longColumn("userId"), longOrNull(event, "userId"));
    append(events.stringColumn("user"), textOrNull(event, "user"));
    append(events.stringColumn("action"), action);
    append(events.stringColumn("reviewStatus"), textOrNull(meta, "reviewStatus"));
    append(events.doubleColumn("durationSeconds"), doubleOrNull(meta, "duration"));
    events.longColumn("jobId").append(jobId);
    append(events.longColumn("imageId"), longOrNull(event, "imageId"));
  }

  private static Table sortedByInstant(Table table) {
    int[] order = StableOrder.byKey(table.longColumn("instantMicros").asLongArray());
    if (order == null) {
      return table;
    }
    List<Column<?>> sorted = new ArrayList<>();
    for (Column<?> column : new ArrayList<>(table.columns())) {
      sorted.add(column.subset(order));
      table.removeColumns(column);
    }
    return Table.create(table.name(), sorted);
  }
}
