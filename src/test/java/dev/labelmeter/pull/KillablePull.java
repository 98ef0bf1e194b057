package dev.labelmeter.pull;

import dev.labelmeter.supervisely.SuperviselyApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pull in a process of its own that announces each step on standard output and pauses there,
 * so that a test can kill it with SIGKILL at a chosen point. Arguments: {@code fake DATA_DIR NOW
 * SECOND_NIGHT} for an in-memory team, or {@code URL TOKEN TEAM DATA_DIR NOW} for a server.
 */
public final class KillablePull {
  private KillablePull() {}

  public static void main(String[] args) throws Exception {
    PullSource source;
    long team;
    Path dataDir;
    Instant now;
    if (args[0].equals("fake")) {
      FakeSource fake = FakeTeams.busy(Boolean.parseBoolean(args[3]));
      fake.onActivityPage = page -> announce("page " + page, 5);
      source = fake;
      team = FakeTeams.TEAM;
      dataDir = Path.of(args[1]);
      now = Instant.parse(args[2]);
    } else {
      source =
          new SuperviselySource(
              SuperviselyApi.builder()
                  .server(args[0])
                  .token(args[1])
                  .backoffBase(Duration.ofMillis(1))
                  .backoffCap(Duration.ofMillis(20))
                  .build());
      team = Long.parseLong(args[2]);
      dataDir = Path.of(args[3]);
      now = Instant.parse(args[4]);
    }
    PullOptions options =
        PullOptions.builder(team, dataDir)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .history(Duration.ofDays(400))
            .concurrency(2)
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    AtomicInteger reached = new AtomicInteger();
    Checkpoint announced =
        what -> announce("checkpoint " + reached.incrementAndGet() + " " + what, 300);
    new Pull(source, options, announced).run();
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
