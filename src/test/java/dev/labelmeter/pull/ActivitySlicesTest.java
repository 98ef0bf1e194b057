package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivitySlicesTest {

  @Test
  void aRangeIsCutAtUtcMidnightsWithBothEndsInclusiveAndNoGap() {
    List<ActivityStep.Slice> slices =
        ActivityStep.slices(
            Instant.parse("2026-11-29T01:00:00Z"), Instant.parse("2026-12-01T02:00:00Z"));

    assertThat(slices)
        .containsExactly(
            new ActivityStep.Slice(
                Instant.parse("2026-11-29T01:00:00Z"),
                Instant.parse("2026-11-29T23:59:59.999999999Z")),
            new ActivityStep.Slice(
                Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-11-30T23:59:59.999999999Z")),
            new ActivityStep.Slice(
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T02:00:00Z")));
  }

  @Test
  void aRangeInsideOneDayIsOneSliceAndAnEmptyRangeStillAsksOnce() {
    Instant at = Instant.parse("2026-11-29T05:00:00Z");

    assertThat(ActivityStep.slices(at, at)).containsExactly(new ActivityStep.Slice(at, at));
  }
}
