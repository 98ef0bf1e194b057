package dev.labelmeter.metrics.spark;

import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.store.StoreJson;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@code spark-submit} entry point: computes the metrics of one team store on any Hadoop file
 * system (local, HDFS, S3) and writes the result as JSON.
 *
 * <pre>{@code
 * spark-submit --class dev.labelmeter.metrics.spark.SparkReportMain labelmeter-spark.jar \
 *   --store hdfs:///labelmeter/data/7 --out hdfs:///labelmeter/reports/7.json \
 *   [--from 2026-11-23 --to 2026-11-30] [--zone Europe/Berlin] [--idle-seconds 300]
 *   [--stale-days 3]
 * }</pre>
 */
public final class SparkReportMain {
  static final String USAGE =
      "usage: SparkReportMain --store URI --out URI [--from YYYY-MM-DD --to YYYY-MM-DD]"
          + " [--zone ZONE] [--idle-seconds N] [--stale-days N]";

  private SparkReportMain() {}

  public static void main(String[] args) throws Exception {
    Arguments arguments;
    try {
      arguments = Arguments.parse(List.of(args));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    try (SparkEngine engine = SparkEngine.start(null)) {
      MetricsResult result = engine.compute(arguments.store, arguments.params);
      Path out = new Path(arguments.out);
      FileSystem fs = out.getFileSystem(engine.session().sparkContext().hadoopConfiguration());
      try (OutputStream stream = fs.create(out, true)) {
        StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(stream, result);
      }
      System.out.println("wrote the metrics of " + arguments.store + " to " + out);
    }
  }

  /** The parsed command line. */
  record Arguments(String store, String out, MetricsParams params) {
    static Arguments parse(List<String> args) {
      Deque<String> rest = new ArrayDeque<>(args);
      String store = null;
      String out = null;
      LocalDate from = null;
      LocalDate to = null;
      MetricsParams params = MetricsParams.defaults();
      while (!rest.isEmpty()) {
        String option = rest.poll();
        String value = rest.poll();
        if (value == null) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        switch (option) {
          case "--store" -> store = value;
          case "--out" -> out = value;
          case "--from" -> from = LocalDate.parse(value);
          case "--to" -> to = LocalDate.parse(value);
          case "--zone" -> params = params.withZone(ZoneId.of(value));
          case "--idle-seconds" ->
              params = params.withIdleThreshold(Duration.ofSeconds(Long.parseLong(value)));
          case "--stale-days" -> params = params.withStaleDays(Integer.parseInt(value));
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (store == null || out == null) {
        throw new IllegalArgumentException("--store and --out are required");
      }
      if ((from == null) != (to == null)) {
        throw new IllegalArgumentException("give both --from and --to, or neither");
      }
      if (from != null) {
        params = params.withWindow(new DateWindow(from, to));
      }
      return new Arguments(store, out, params);
    }
  }
}
