package dev.labelmeter.metrics.tablesaw;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.LabelerClassRow;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The class tables: per (name, shape) over the class rows of every job in the job list, and per
 * (labeler, name, shape) through each job's labeler. Seconds per label is a weighted mean: the sum
 * of total durations over the sum of labels.
 */
final class ClassRows {
  private record Key(Long userId, String name, String shape) {}

  private static final class Sums {
    final Set<Long> jobs = new HashSet<>();
    long labels;
    long images;
    double seconds;

    Double secondsPerLabel() {
      return labels == 0 ? null : seconds / labels;
    }
  }

  private final Map<Key, Sums> byClass = new LinkedHashMap<>();
  private final Map<Key, Sums> byLabelerClass = new LinkedHashMap<>();
  private final Logins logins;
  private long rowsOfUnknownJobs;

  ClassRows(Table classes, JobIndex jobs, ChronoUnit durationUnit, Logins logins) {
    this.logins = logins;
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
        rowsOfUnknownJobs++;
        continue;
      }
      String n = Objects.requireNonNullElse(JsonValues.get(name, row), "");
      String s = Objects.requireNonNullElse(JsonValues.get(shape, row), "");
      long l = labels.isMissing(row) ? 0 : labels.getLong(row);
      long i = images.isMissing(row) ? 0 : images.getLong(row);
      double sec = total.isMissing(row) ? 0 : total.getDouble(row) / toSeconds;
      add(byClass, new Key(null, n, s), job, l, i, sec);
      add(byLabelerClass, new Key(jobs.labelerOf(job), n, s), job, l, i, sec);
    }
  }

  private static void add(
      Map<Key, Sums> to, Key key, long job, long labels, long images, double seconds) {
    Sums sums = to.computeIfAbsent(key, k -> new Sums());
    sums.jobs.add(job);
    sums.labels += labels;
    sums.images += images;
    sums.seconds += seconds;
  }

  /** Returns class rows of jobs that are not in the job list, which the tables leave out. */
  long rowsOfUnknownJobs() {
    return rowsOfUnknownJobs;
  }

  List<ClassRow> classes() {
    List<ClassRow> rows = new ArrayList<>();
    byClass.forEach(
        (k, s) ->
            rows.add(
                new ClassRow(
                    k.name(),
                    k.shape(),
                    s.jobs.size(),
                    s.labels,
                    s.images,
                    s.seconds,
                    s.secondsPerLabel())));
    rows.sort(Comparator.comparing(ClassRow::name).thenComparing(ClassRow::shape));
    return rows;
  }

  List<LabelerClassRow> labelerClasses() {
    List<LabelerClassRow> rows = new ArrayList<>();
    byLabelerClass.forEach(
        (k, s) ->
            rows.add(
                new LabelerClassRow(
                    k.userId(),
                    logins.ofNullable(k.userId()),
                    k.name(),
                    k.shape(),
                    s.jobs.size(),
                    s.labels,
                    s.images,
                    s.seconds,
                    s.secondsPerLabel())));
    rows.sort(
        Comparator.comparing(
                LabelerClassRow::login, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(
                LabelerClassRow::userId, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(LabelerClassRow::name)
            .thenComparing(LabelerClassRow::shape));
    return rows;
  }
}
