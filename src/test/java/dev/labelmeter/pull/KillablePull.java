package dev.labelmeter.pull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A pull in a process of its own that announces each step on standard output and pauses there,
 * so that a test can kill it with SIGKILL at a chosen point. Arguments: data directory, the
 * instant of "now", and whether the team has its second night of activity.
 */
public final class KillablePull {
  private KillablePull() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    Instant now = Instant.parse(args[1]);
    FakeSource team = FakeTeams.busy(Boolean.parseBoolean(args[2]));
    team.onActivityPage = page -> announce("page " + page, 5);
    PullOptions options =
        PullOptions.builder(FakeTeams.TEAM, dataDir)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .concurrency(2)
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    java.util.concurrent.atomic.AtomicInteger reached =
        new java.util.concurrent.atomic.AtomicInteger();
    new Pull(
            team,
            options,
            what -> announce("checkpoint " + reached.incrementAndGet() + " " + what, 300))
        .run();
    announce("done", 0);
  }

  private static void announce(String line, long pauseMs) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
    try {
      Thread.sleep(pauseMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
