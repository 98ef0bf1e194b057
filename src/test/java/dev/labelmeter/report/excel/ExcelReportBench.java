package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerClassRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the workbook of an {@code xl}-sized team (about 10 million raw events) with {@code
 * --include-activity} and prints the time and peak memory. Run with a bounded heap:
 *
 * <pre>{@code
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.labelmeter.report.excel.ExcelReportBench /tmp/xl.xlsx 10000000
 * }</pre>
 */
public final class ExcelReportBench {

  private static final int LABELERS = 300;
  private static final int JOBS = 20_000;

  private ExcelReportBench() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "xl-bench.xlsx");
    long events = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    MetricsResult result = xlResult();
    HeapSampler sampler = HeapSampler.start();

    long startNs = System.nanoTime();
    WrittenWorkbook written =
        ExcelReportWriter.withDefaults().write(result, Optional.of(events(events)), target);
    long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;

    sampler.stop();
    System.out.printf(
        "events=%d sheets=%d elapsedMs=%d rowsPerSecond=%d fileMiB=%d maxHeapMiB=%d"
            + " peakHeapUsedMiB=%d peakHeapPoolsMiB=%d peakRssMiB=%d%n",
        written.activityRows(),
        written.sheets().size(),
        elapsedMs,
        written.activityRows() * 1000 / Math.max(1, elapsedMs),
        Files.size(target) >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        sampler.peakUsed.get() >> 20,
        peakOfHeapPools() >> 20,
        peakRssKb() >> 10);
  }

  /** Returns the events of a synthetic team, generated on demand so none is held in memory. */
  static ActivitySource events(long count) {
    String[] actions = {
      "create_figure", "update_figure", "image_review_status_updated", "annotation_duration"
    };
    Instant start = Instant.parse("2024-05-06T06:00:00Z");
    return handler -> {
      for (long i = 0; i < count; i++) {
        int user = (int) (i % LABELERS);
        long job = 1 + (i / 500) % JOBS;
        String action = actions[(int) (i % actions.length)];
        handler.accept(
            new ActivityRow(
                (long) user,
                action,
                start.plusMillis(i * 60),
                "labeler" + user,
                7L,
                "Street scenes",
                8L + job % 10,
                "Batch " + job % 10,
                100_000 + i / 20,
                "frame_" + (i / 20) + ".jpg",
                action.equals("create_figure") ? 3L : null,
                action.equals("create_figure") ? "car" : null,
                action.equals("create_figure") ? i : null,
                "Job " + job,
                job,
                null,
                null,
                action.equals("annotation_duration")
                    ? "{\"duration\":" + (i % 90) + "}"
                    : "{\"reviewStatus\":\"done\"}"));
      }
    };
  }

  private static MetricsResult xlResult() {
    List<LabelerRow> labelers = new ArrayList<>();
    List<JobRow> jobs = new ArrayList<>();
    List<LabelerClassRow> labelerClasses = new ArrayList<>();
    List<ClassRow> classes = new ArrayList<>();
    for (int u = 0; u < LABELERS; u++) {
      labelers.add(
          new LabelerRow(
              u,
              String.format("labeler%03d", u),
              ResultFixtures.figures(20 + u % 7, 200 + u, 0.8),
              ResultFixtures.figures(18 + u % 5, 190 + u, 0.75)));
      for (int c = 0; c < 20; c++) {
        labelerClasses.add(
            new LabelerClassRow(
                (long) u,
                String.format("labeler%03d", u),
                "class" + c,
                "polygon",
                3,
                400,
                100,
                2000.0,
                5.0));
      }
    }
    for (int c = 0; c < 50; c++) {
      classes.add(new ClassRow("class" + c, "polygon", 900, 40_000, 10_000, 200_000.0, 5.0));
    }
    for (int j = 1; j <= JOBS; j++) {
      jobs.add(ResultFixtures.job(j, "Job " + j, "labeler" + j % LABELERS, "in_progress"));
    }
    return ResultFixtures.builder()
        .labelers(labelers)
        .jobs(jobs)
        .classes(classes)
        .labelerClasses(labelerClasses)
        .build();
  }

  private static long peakOfHeapPools() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long peakRssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  /** Samples the used heap every 20 ms; the peak it saw is a lower bound of the true peak. */
  private static final class HeapSampler implements Runnable {
    final AtomicLong peakUsed = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapSampler start() {
      HeapSampler sampler = new HeapSampler();
      sampler.thread = new Thread(sampler, "heap-sampler");
      sampler.thread.setDaemon(true);
      sampler.thread.start();
      return sampler;
    }

    @Override
    public void run() {
      while (running) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakUsed.accumulateAndGet(used, Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}
