package dev.labelmeter.pull;

import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the pull against the simulator (in its own process) with a fixed latency per request:
 * wall time against the lower bound {@code requests x latency / concurrency}, against concurrency
 * 1, and the heap live after a full collection (sampled every second) as the activity grows.
 *
 * <pre>{@code
 * scripts/bench pull [size=large] [latencyMs=20] [concurrency=8] [all|skipSequential] [PT1H]
 * }</pre>
 */
public final class PullBenchmark {

  private PullBenchmark() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    String size = args.length > 0 ? args[0] : "large";
    long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 20;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    boolean sequential = !(args.length > 3 && args[3].equals("skipSequential"));
    Duration history = args.length > 4 ? Duration.parse(args[4]) : Duration.ofDays(60);
    Process sim = startSimulator(size, latencyMs);
    try (BufferedReader out = reader(sim);
        PrintWriter in =
            new PrintWriter(
                new OutputStreamWriter(sim.getOutputStream(), StandardCharsets.UTF_8), true)) {
      String[] ready = awaitReady(out);
      String url = ready[1];
      String token = ready[2];
      long team = Long.parseLong(ready[3]);
      Instant now = Instant.parse(ready[4]);
      System.out.printf("simulator %s: %s events, latency %d ms%n", size, ready[5], latencyMs);
      SuperviselyApi api =
          SuperviselyApi.builder()
              .server(url)
              .token(token)
              .httpVersion(
                  java.net.http.HttpClient.Version.valueOf(
                      System.getProperty("bench.http", "HTTP_2")))
              .build();

      Run all = run(api, team, now, history, concurrency, false, in, out);
      report("history " + history, all, latencyMs, concurrency);
      if (sequential) {
        Run one = run(api, team, now, history, 1, false, in, out);
        report("history " + history, one, latencyMs, 1);
        System.out.printf(
            "speed-up of concurrency %d over 1: %.1fx%n",
            concurrency, one.wallSeconds() / all.wallSeconds());
      }
      if (args.length > 4) {
        return; // a timing run of a chosen history only
      }
      Run week = run(api, team, now, Duration.ofDays(7), concurrency, true, in, out);
      report("memory, 7 days of history", week, latencyMs, concurrency);
      Run allSampled = run(api, team, now, Duration.ofDays(60), concurrency, true, in, out);
      report("memory, whole history", allSampled, latencyMs, concurrency);
    } finally {
      sim.destroy();
    }
  }

  record Run(
      PullSummary summary,
      long requests,
      double wallSeconds,
      double pullCpuSeconds,
      double serverCpuSeconds,
      long peakLiveBytes) {}

  private static Run run(
      SuperviselyApi api,
      long team,
      Instant now,
      Duration history,
      int concurrency,
      boolean sampleHeap,
      PrintWriter in,
      BufferedReader out)
      throws Exception {
    Path dir = Files.createTempDirectory("labelmeter-bench-pull");
    long[] before = serverCounts(in, out);
    System.gc();
    HeapSampler sampler = sampleHeap ? HeapSampler.begin() : null;
    PullOptions options =
        PullOptions.builder(team, dir)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .history(history)
            .concurrency(concurrency)
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    PullSummary summary = Pull.create(api, options).run();
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    long peak = sampler == null ? -1 : sampler.finish();
    long[] after = serverCounts(in, out);
    Leftovers.deleteTree(dir);
    return new Run(summary, after[0] - before[0], wall, cpu, (after[1] - before[1]) / 1e9, peak);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Samples the heap every second right after a full collection, so that the peak is what was
   * live, not garbage waiting for a collector.
   */
  private static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    private long peak;

    static HeapSampler begin() {
      HeapSampler sampler = new HeapSampler();
      sampler.setDaemon(true);
      sampler.start();
      return sampler;
    }

    @Override
    public void run() {
      while (running) {
        sample();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized void sample() {
      System.gc();
      peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    long finish() throws InterruptedException {
      sample();
      running = false;
      interrupt();
      join();
      return peak;
    }
  }

  private static void report(String what, Run run, long latencyMs, int concurrency) {
    double bound = run.requests() * latencyMs / 1000.0 / concurrency;
    PullSummary s = run.summary();
    System.out.printf(
        "%s: concurrency %d, %d jobs (%d failed), %d events, %d requests; wall %.1f s,"
            + " lower bound %.1f s, ratio %.2f; jobs %.1f s, activity %.1f s, write %.1f s;"
            + " CPU pull %.1f s, simulator %.1f s%s%n",
        what,
        concurrency,
        s.jobsListed(),
        s.failedJobIds().size(),
        s.eventsInStore(),
        run.requests(),
        run.wallSeconds(),
        bound,
        run.wallSeconds() / bound,
        s.jobsTime().toMillis() / 1000.0,
        s.activityTime().toMillis() / 1000.0,
        s.writeTime().toMillis() / 1000.0,
        run.pullCpuSeconds(),
        run.serverCpuSeconds(),
        run.peakLiveBytes() < 0
            ? ""
            : String.format("; peak live heap %.0f MB", run.peakLiveBytes() / 1e6));
  }

  /** Returns the simulator's requests so far and its CPU time in nanoseconds. */
  private static long[] serverCounts(PrintWriter in, BufferedReader out) throws IOException {
    in.println("counts");
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("COUNTS ")) {
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
      }
    }
    throw new IOException("the simulator ended before answering");
  }

  private static Process startSimulator(String size, long latencyMs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx8g");
    // The JDK's HTTP server delays small writes (Nagle) unless told otherwise; against a delayed
    // ACK that adds about 40 ms to a response, which no real server does.
    command.add("-Dsun.net.httpserver.nodelay=true");
    // Extra options for the simulator's JVM, e.g. a flight recording of its CPU.
    String extra = System.getProperty("bench.simulatorJavaOpts", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchSimulator.class.getName(),
            size,
            Long.toString(latencyMs)));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static String[] awaitReady(BufferedReader out) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        return line.split(" ");
      }
    }
    throw new IOException("the simulator ended before it was ready");
  }

  /** Keeps the per-request debug lines of the client and the server out of the measurement. */
  static void quietLogs() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }
}
