package dev.labelmeter.pull;

import java.time.Duration;
import java.time.Instant;

/** Deterministic in-memory teams that two processes can build alike. */
final class FakeTeams {
  static final long TEAM = 8;
  static final Instant NIGHT_1 = Instant.parse("2026-11-30T02:00:00Z");
  static final Instant NIGHT_2 = Instant.parse("2026-12-01T02:00:00Z");

  private FakeTeams() {}

  /** Returns a team with 12 jobs and 600 events over 10 days; 90 more events for night 2. */
  static FakeSource busy(boolean secondNight) {
    FakeSource team = new FakeSource(TEAM);
    team.pageSize = 25;
    String[] statuses = {"pending", "in_progress", "on_review", "completed", "stopped"};
    for (int job = 1; job <= 12; job++) {
      team.addJob(job, statuses[job % statuses.length], job == 12);
    }
    team.addMember(7, "bob");
    for (int i = 0; i < 600; i++) {
      Instant date = NIGHT_1.minus(Duration.ofMinutes(24L * i + 1));
      team.addEvent(date.toString(), i % 12 + 1, "n1-" + i);
    }
    if (secondNight) {
      for (int i = 0; i < 90; i++) {
        Instant date = NIGHT_1.minus(Duration.ofMinutes(30)).plus(Duration.ofMinutes(16L * i));
        team.addEvent(date.toString(), i % 12 + 1, "n2-" + i);
      }
      team.jobs.get(1).put("finishedImagesCount", 4);
    }
    return team;
  }
}
