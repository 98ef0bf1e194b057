package dev.labelmeter.pull;

import dev.labelmeter.simulator.FaultConfig;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The simulator in a process of its own for {@link PullBenchmark}, so that its heap does not
 * count as the pull's. Arguments: team size, latency in ms. Warms up first, as a server that has
 * been running for a while would be: a pull of 3 days from a twin without latency, in this
 * process, so that the simulator's code is compiled before the first measured request. Prints
 * {@code READY url token team now}; then answers {@code counts} with {@code COUNTS n cpu}
 * (requests so far, its CPU time in nanoseconds) until stdin closes.
 */
public final class BenchSimulator {
  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  private BenchSimulator() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    TeamSize size = TeamSize.parse(args[0]);
    Duration latency = Duration.ofMillis(Long.parseLong(args[1]));
    warmUp(size);
    try (SimulatorServer server = server(size, latency)) {
      System.out.printf(
          "READY %s %s %d %s %d%n",
          server.baseUrl(), server.token(), server.teamId(), server.now(), server.eventCount());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("counts")) {
          long total = server.requestCounts().values().stream().mapToLong(Long::longValue).sum();
          long cpuNanos =
              ((com.sun.management.OperatingSystemMXBean)
                      java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime();
          System.out.println("COUNTS " + total + " " + cpuNanos + " " + server.requestCounts());
          System.out.flush();
        }
      }
    }
  }

  private static SimulatorServer server(TeamSize size, Duration latency) throws IOException {
    return SimulatorServer.builder()
        .teamSize(size)
        .seed(7)
        .now(NOW)
        .threads(32)
        .faults(FaultConfig.builder().latency(latency).build())
        .port(0)
        .build()
        .start();
  }

  /** Pulls 3 days from a twin of the team without latency, then drops the twin and the store. */
  private static void warmUp(TeamSize size) throws Exception {
    Path dir = Files.createTempDirectory("labelmeter-bench-warm-up");
    try (SimulatorServer twin = server(size, Duration.ZERO)) {
      SuperviselyApi api =
          SuperviselyApi.builder().server(twin.baseUrl()).token(twin.token()).build();
      PullOptions options =
          PullOptions.builder(twin.teamId(), dir)
              .clock(Clock.fixed(NOW, ZoneOffset.UTC))
              .history(Duration.ofDays(3))
              .progress(PullOptions.ProgressMode.NONE)
              .build();
      Pull.create(api, options).run();
    } finally {
      Leftovers.deleteTree(dir);
    }
  }

  /** Keeps the per-request debug lines of the client and the server out of the measurement. */
  static void quietLogs() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }
}
