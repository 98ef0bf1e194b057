package dev.labelmeter.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The class tables, summed from the class rows of {@code jobs.stats} as either engine reads them:
 * per (name, shape) over the rows of every job in the job list, and per (labeler, name, shape)
 * through each job's labeler. Seconds per label is a weighted mean: the sum of total durations
 * over the sum of labels. Rows of jobs not in the job list are counted and left out.
 */
public final class ClassSums {
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
  private final LongFunction<String> login;
  private long rowsOfUnknownJobs;

  /** Starts empty tables; {@code login} names a labeler by user id once the rows are in. */
  public ClassSums(LongFunction<String> login) {
    this.login = login;
  }

  /**
   * Adds one class row of job {@code job}, labeled by {@code labeler} (null when the job has
   * none); null names and shapes count as empty, {@code seconds} is the row's total duration.
   */
  public void add(
      long job, Long labeler, String name, String shape, long labels, long images, double seconds) {
    String n = name == null ? "" : name;
    String s = shape == null ? "" : shape;
    add(byClass, new Key(null, n, s), job, labels, images, seconds);
    add(byLabelerClass, new Key(labeler, n, s), job, labels, images, seconds);
  }

  /** Counts one class row of a job that is not in the job list. */
  public void addOfUnknownJob() {
    rowsOfUnknownJobs++;
  }

  /** Returns the class rows of jobs that are not in the job list, which the tables leave out. */
  public long rowsOfUnknownJobs() {
    return rowsOfUnknownJobs;
  }

  /** Returns a row per class, by name then shape. */
  public List<ClassRow> classes() {
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

  /** Returns a row per labeler and class, by login, user id, name and shape (nulls first). */
  public List<LabelerClassRow> labelerClasses() {
    List<LabelerClassRow> rows = new ArrayList<>();
    byLabelerClass.forEach(
        (k, s) ->
            rows.add(
                new LabelerClassRow(
                    k.userId(),
                    k.userId() == null ? null : login.apply(k.userId()),
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

  private static void add(
      Map<Key, Sums> to, Key key, long job, long labels, long images, double seconds) {
    Sums sums = to.computeIfAbsent(key, k -> new Sums());
    sums.jobs.add(job);
    sums.labels += labels;
    sums.images += images;
    sums.seconds += seconds;
  }
}
