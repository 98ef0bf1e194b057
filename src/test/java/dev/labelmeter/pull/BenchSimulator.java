package dev.labelmeter.pull;

import dev.labelmeter.simulator.FaultConfig;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator in a process of its own for {@link PullBenchmark}, so that its heap does not
 * count as the pull's. Arguments: team size, latency in ms. Prints {@code READY url token team
 * now}; then answers {@code counts} with {@code COUNTS n cpu} (requests so far, its CPU time
 * in nanoseconds) until stdin closes.
 */
public final class BenchSimulator {
  private BenchSimulator() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    TeamSize size = TeamSize.parse(args[0]);
    Duration latency = Duration.ofMillis(Long.parseLong(args[1]));
    try (SimulatorServer server =
        SimulatorServer.builder()
            .teamSize(size)
            .seed(7)
            .now(Instant.parse("2026-11-30T02:00:00Z"))
            .threads(32)
            .faults(FaultConfig.builder().latency(latency).build())
            .port(0)
            .build()
            .start()) {
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

  /** Keeps the per-request debug lines of the client and the server out of the measurement. */
  static void quietLogs() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
  }
}
