package dev.labelmeter.metrics.tablesaw;

import static dev.labelmeter.metrics.tablesaw.JsonValues.longOrNull;
import static dev.labelmeter.metrics.tablesaw.JsonValues.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.EventPartitions;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The raw events of a window, every action included, read partition by partition: only one UTC
 * day's events are held at a time. Within a partition the events are sorted by instant, ties in
 * line order; partitions hold disjoint UTC days, so this is the event order of the window.
 */
final class WindowActivity implements ActivitySource {
  private final StoreLayout store;
  private final Instant start;
  private final Instant end;
  private final List<LocalDate> days;

  WindowActivity(StoreLayout store, DateWindow window, ZoneId zone) {
    this.store = store;
    this.start = window.startInstant(zone);
    this.end = window.endInstant(zone);
    this.days = EventPartitions.utcDays(window, zone);
  }

  @Override
  public void forEach(RowHandler handler) throws IOException {
    PartitionReader reader = new PartitionReader();
    for (LocalDate day : days) {
      List<ActivityRow> rows = new ArrayList<>();
      reader.read(
          store.activityDay(day),
          (event, line) -> {
            Instant date = EventDates.parseStrict(textOrNull(event, "date")).orElse(null);
            if (date != null && !date.isBefore(start) && date.isBefore(end)) {
              rows.add(row(event, date));
            }
          });
      rows.sort(Comparator.comparing(ActivityRow::date));
      for (ActivityRow row : rows) {
        handler.accept(row);
      }
    }
  }

  private static ActivityRow row(JsonNode e, Instant date) throws IOException {
    JsonNode meta = e.get("meta");
    String metaJson =
        meta == null || meta.isNull() ? null : StoreJson.MAPPER.writeValueAsString(meta);
    return new ActivityRow(
        longOrNull(e, "userId"),
        textOrNull(e, "action"),
        date,
        textOrNull(e, "user"),
        longOrNull(e, "projectId"),
        textOrNull(e, "project"),
        longOrNull(e, "datasetId"),
        textOrNull(e, "dataset"),
        longOrNull(e, "imageId"),
        textOrNull(e, "image"),
        longOrNull(e, "classId"),
        textOrNull(e, "class"),
        longOrNull(e, "figureId"),
        textOrNull(e, "job"),
        longOrNull(e, "jobId"),
        textOrNull(e, "tag"),
        longOrNull(e, "tagId"),
        metaJson);
  }
}
