package dev.labelmeter.metrics.tablesaw;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Finds a job's row and labeler by job id. */
final class JobIndex {
  private final Map<Long, Integer> rowById = new HashMap<>();
  private final LongColumn labelerId;

  JobIndex(Table jobs) {
    LongColumn id = jobs.longColumn("id");
    for (int row = 0; row < id.size(); row++) {
      rowById.put(id.getLong(row), row);
    }
    labelerId = jobs.longColumn("labelerId");
  }

  /** Returns whether the job list holds {@code jobId}. */
  boolean isKnown(long jobId) {
    return rowById.containsKey(jobId);
  }

  /** Returns the labeler ({@code userId}) of {@code jobId}, or null for an unknown job or none. */
  Long labelerOf(long jobId) {
    Integer row = rowById.get(jobId);
    if (row == null || labelerId.isMissing(row)) {
      return null;
    }
    return labelerId.getLong(row);
  }
}
