package dev.labelmeter.supervisely;

import java.util.List;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Hands activity out as a Tablesaw {@link Table}: the 18 columns of {@link ActivityEvent#KEYS} in
 * order; ids are long columns, {@code date} an instant column, texts string columns and {@code
 * meta} compact JSON text. Missing values are missing cells.
 */
public final class ActivityTables {
  private ActivityTables() {}

  /** Returns a table named {@code name} with one row per event, in the given order. */
  public static Table toTable(String name, List<ActivityEvent> events) {
    LongColumn userId = LongColumn.create("userId");
    StringColumn action = StringColumn.create("action");
    InstantColumn date = InstantColumn.create("date");
    StringColumn user = StringColumn.create("user");
    LongColumn projectId = LongColumn.create("projectId");
    StringColumn project = StringColumn.create("project");
    LongColumn datasetId = LongColumn.create("datasetId");
    StringColumn dataset = StringColumn.create("dataset");
    LongColumn imageId = LongColumn.create("imageId");
    StringColumn image = StringColumn.create("image");
    LongColumn classId = LongColumn.create("classId");
    StringColumn className = StringColumn.create("class");
    LongColumn figureId = LongColumn.create("figureId");
    StringColumn job = StringColumn.create("job");
    LongColumn jobId = LongColumn.create("jobId");
    StringColumn tag = StringColumn.create("tag");
    LongColumn tagId = LongColumn.create("tagId");
    StringColumn meta = StringColumn.create("meta");
    for (ActivityEvent e : events) {
      add(userId, e.userId());
      add(action, e.action());
      add(date, e.date());
      add(user, e.user());
      add(projectId, e.projectId());
      add(project, e.project());
      add(datasetId, e.datasetId());
      add(dataset, e.dataset());
      add(imageId, e.imageId());
      add(image, e.image());
      add(classId, e.classId());
      add(className, e.className());
      add(figureId, e.figureId());
      add(job, e.job());
      add(jobId, e.jobId());
      add(tag, e.tag());
      add(tagId, e.tagId());
      add(meta, e.metaJson());
    }
    return Table.create(
        name, userId, action, date, user, projectId, project, datasetId, dataset, imageId, image,
        classId, className, figureId, job, jobId, tag, tagId, meta);
  }

  private static <T> void add(Column<T> column, T value) {
    if (value == null) {
      column.appendMissing();
    } else {
      column.append(value);
    }
  }
}
