package dev.labelmeter.metrics.tablesaw;

import dev.labelmeter.metrics.ClassSums;
import java.time.temporal.ChronoUnit;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Sums the class rows of the stats table into the class tables ({@link ClassSums}). */
final class ClassRows {
  private ClassRows() {}

  /**
   * Returns the class tables of {@code classes}, one row a class of a job's stats, whose total
   * durations come in {@code durationUnit} (seconds or milliseconds).
   */
  static ClassSums sum(Table classes, JobIndex jobs, ChronoUnit durationUnit, Logins logins) {
    ClassSums sums = new ClassSums(logins::of);
    LongColumn jobId = classes.longColumn("jobId");
    StringColumn name = classes.stringColumn("name");
    StringColumn shape = classes.stringColumn("shape");
    LongColumn labels = classes.longColumn("labelsCount");
    LongColumn images = classes.longColumn("imagesCount");
    DoubleColumn total = classes.doubleColumn("totalDuration");
    double toSeconds = durationUnit == ChronoUnit.MILLIS ? 1000.0 : 1.0;
    for (int row = 0; row < classes.rowCount(); row++) {
      long job = jobId.getLong(row);
      if (!jobs.isKnown(job)) {
        sums.addOfUnknownJob();
        continue;
      }
      sums.add(
          job,
          jobs.labelerOf(job),
          JsonValues.get(name, row),
          JsonValues.get(shape, row),
          labels.isMissing(row) ? 0 : labels.getLong(row),
          images.isMissing(row) ? 0 : images.getLong(row),
          total.isMissing(row) ? 0 : total.getDouble(row) / toSeconds);
    }
    return sums;
  }
}
