package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ActivitySource;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Raw events for the Activity sheets, from a list or failing part way. */
final class ActivityFixtures {

  private ActivityFixtures() {}

  /** Returns the {@code n}th event: alice finishing image {@code 500 + n} of job 11. */
  static ActivityRow event(int n) {
    return new ActivityRow(
        1L,
        "image_review_status_updated",
        Instant.parse("2024-05-08T10:00:00Z").plusSeconds(n * 60L),
        "alice",
        7L,
        "Street scenes",
        8L,
        "Batch 1",
        500L + n,
        "img_" + n + ".jpg",
        null,
        null,
        null,
        "Crossings north",
        11L,
        null,
        null,
        "{\"reviewStatus\":\"done\"}");
  }

  static ActivitySource of(List<ActivityRow> rows) {
    return handler -> {
      for (ActivityRow row : rows) {
        handler.accept(row);
      }
    };
  }

  static ActivitySource events(int count) {
    return handler -> {
      for (int i = 0; i < count; i++) {
        handler.accept(event(i));
      }
    };
  }

  /** Returns a source that hands out {@code before} events, then fails as a broken store would. */
  static ActivitySource failingAfter(int before) {
    return handler -> {
      for (int i = 0; i < before; i++) {
        handler.accept(event(i));
      }
      throw new IOException("activity file is truncated (simulated)");
    };
  }
}
