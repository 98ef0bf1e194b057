package dev.labelmeter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowTextTest {

  @Test
  void aMonthIsWordedWithItsLastDayIncluded() {
    String text = WindowText.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));

    assertThat(text).isEqualTo("from 2026-11-01 to 2026-11-30, both days included (30 days)");
  }

  @Test
  void aSingleDayIsWordedAsThatDay() {
    String text = WindowText.of(LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 9));

    assertThat(text).isEqualTo("2026-11-08 (1 day)");
  }

  @Test
  void anEmptyWindowIsRefused() {
    LocalDate day = LocalDate.of(2026, 11, 8);

    assertThatThrownBy(() -> WindowText.of(day, day))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-11-08");
  }
}
