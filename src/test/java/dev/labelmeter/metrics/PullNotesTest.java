package dev.labelmeter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.store.Manifest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PullNotesTest {
  private static final Instant SNAPSHOT = Instant.parse("2026-12-01T02:00:00Z");
  private static final DateWindow WEEK =
      new DateWindow(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-12-01"));

  @Test
  void warningsComeFirstAndAFewFailedJobsAreAllNamed() {
    List<String> notes =
        PullNotes.of(manifest(List.of("x"), List.of(5L, 9L)), WEEK, ZoneOffset.UTC);

    assertThat(notes)
        .containsExactly(
            "Pull warning: x",
            "Jobs whose info or stats failed in the last pull (their figures may be missing or"
                + " old): 5, 9.");
  }

  @Test
  void manyFailedJobsAreNamedInShort() {
    List<Long> failed = LongStream.rangeClosed(101, 1570).boxed().toList();

    List<String> notes = PullNotes.of(manifest(List.of(), failed), WEEK, ZoneOffset.UTC);

    assertThat(notes)
        .containsExactly(
            "Jobs whose info or stats failed in the last pull (their figures may be missing or"
                + " old): 101, 102, 103, 104, 105, 106, 107, 108, 109, 110 and 1460 more (all in"
                + " the manifest's failedJobIds).");
  }

  private static Manifest manifest(List<String> warnings, List<Long> failed) {
    Manifest.ActivityRange activity =
        new Manifest.ActivityRange(Instant.parse("2026-10-30T00:00:00Z"), SNAPSHOT, 10L, true);
    return new Manifest(
        Manifest.FORMAT_VERSION,
        7,
        SNAPSHOT,
        "http://x",
        null,
        null,
        activity,
        warnings,
        failed,
        null);
  }
}
