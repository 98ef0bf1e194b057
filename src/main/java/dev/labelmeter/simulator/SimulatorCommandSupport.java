package dev.labelmeter.simulator;

import dev.labelmeter.store.Manifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the {@code labelmeter simulator} commands do, without any command-line parsing: start a
 * server and say where it is, or write a snapshot and say what was written.
 */
public final class SimulatorCommandSupport {
  private SimulatorCommandSupport() {}

  /**
   * Starts a simulator on {@code port} (0 for a free one) serving the team of {@code size} and
   * {@code seed} with history up to now, prints its address, team and token to {@code out}, and
   * returns it running. The caller closes it (or keeps the process alive).
   */
  public static SimulatorServer serve(int port, TeamSize size, long seed, PrintStream out)
      throws IOException {
    SimulatorServer server =
        SimulatorServer.builder().port(port).teamSize(size).seed(seed).now(Instant.now()).build();
    server.start();
    out.println("Supervisely simulator listening at " + server.baseUrl());
    out.println("  team id:   " + server.teamId() + " (" + size.label() + ", seed " + seed + ")");
    out.println("  jobs:      " + server.jobs().size() + ", events: " + server.eventCount());
    out.println("  API token: " + server.token());
    out.println("Use it with:");
    out.println("  export SERVER_ADDRESS=" + server.baseUrl());
    out.println("  export API_TOKEN=" + server.token());
    return server;
  }

  /** Writes a snapshot of the team of {@code size} into {@code dataDir} and reports on it. */
  public static Manifest generate(TeamSize size, long seed, Path dataDir, PrintStream out)
      throws IOException {
    long started = System.nanoTime();
    Manifest manifest = SnapshotWriter.write(size, seed, Instant.now(), dataDir);
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    out.printf(
        "Wrote team %d (%s, seed %d) to %s: %d jobs, %d events, %d members in %d s%n",
        manifest.teamId(),
        size.label(),
        seed,
        dataDir.resolve(Long.toString(manifest.teamId())),
        manifest.count("jobs"),
        manifest.count("events"),
        manifest.count("members"),
        seconds);
    return manifest;
  }
}
