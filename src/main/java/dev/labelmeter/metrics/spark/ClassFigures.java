package dev.labelmeter.metrics.spark;

import static dev.labelmeter.metrics.spark.Frames.doubleOrNull;
import static dev.labelmeter.metrics.spark.Frames.longOr0;
import static dev.labelmeter.metrics.spark.Frames.longOrNull;

import dev.labelmeter.metrics.ClassSums;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.spark.sql.Row;

/** Sums the classes of the stats lines, collected to the driver, into the class tables. */
final class ClassFigures {
  private ClassFigures() {}

  /**
   * Returns the class tables of {@code statsLines}, in file order, by the jobs of {@code jobRows};
   * total durations come in {@code durationUnit} (seconds or milliseconds) and {@code login} names
   * a labeler.
   */
  static ClassSums sum(
      List<Row> statsLines,
      List<Row> jobRows,
      ChronoUnit durationUnit,
      LongFunction<String> login) {
    Map<Long, Long> labelerOf = new HashMap<>();
    for (Row j : jobRows) {
      labelerOf.put(longOr0(j, "id"), longOrNull(j, "userId"));
    }
    ClassSums sums = new ClassSums(login);
    double unit = durationUnit == ChronoUnit.MILLIS ? 1000.0 : 1.0;
    for (Row line : statsLines) {
      Long jobId = longOrNull(line, "jobId");
      List<Row> classes =
          line.isNullAt(line.fieldIndex("classes"))
              ? null
              : line.getList(line.fieldIndex("classes"));
      if (jobId == null || Boolean.TRUE.equals(line.getAs("noStats")) || classes == null) {
        continue;
      }
      for (Row c : classes) {
        if (!labelerOf.containsKey(jobId)) {
          sums.addOfUnknownJob();
          continue;
        }
        Double total = doubleOrNull(c, "totalDuration");
        sums.add(
            jobId,
            labelerOf.get(jobId),
            c.getAs("name"),
            c.getAs("shape"),
            longOr0(c, "labelsCount"),
            longOr0(c, "imagesCount"),
            total == null ? 0 : total / unit);
      }
    }
    return sums;
  }
}
