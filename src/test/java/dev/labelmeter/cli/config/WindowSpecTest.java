package dev.labelmeter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labelmeter.metrics.DateWindow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Windows resolved against hand-checked calendars: 2026-11-30 is a Monday. */
class WindowSpecTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

  @Test
  void daysAndWeeksAreTheFullDaysBeforeToday() {
    assertThat(resolve("7d", MONDAY)).isEqualTo(window("2026-11-23", "2026-11-30"));
    assertThat(resolve("1d", MONDAY)).isEqualTo(window("2026-11-29", "2026-11-30"));
    assertThat(resolve("2w", WEDNESDAY)).isEqualTo(window("2026-11-18", "2026-12-02"));
  }

  @Test
  void namedWindows() {
    assertThat(resolve("yesterday", MONDAY)).isEqualTo(window("2026-11-29", "2026-11-30"));
    assertThat(resolve("today", MONDAY)).isEqualTo(window("2026-11-30", "2026-12-01"));
    assertThat(resolve("last-week", MONDAY)).isEqualTo(window("2026-11-23", "2026-11-30"));
    assertThat(resolve("last-week", WEDNESDAY)).isEqualTo(window("2026-11-23", "2026-11-30"));
    assertThat(resolve("this-week", MONDAY)).isEqualTo(window("2026-11-30", "2026-12-01"));
    assertThat(resolve("this-week", WEDNESDAY)).isEqualTo(window("2026-11-30", "2026-12-03"));
    assertThat(resolve("last-month", WEDNESDAY)).isEqualTo(window("2026-11-01", "2026-12-01"));
    assertThat(resolve("last-month", MONDAY)).isEqualTo(window("2026-10-01", "2026-11-01"));
    assertThat(resolve("this-month", WEDNESDAY)).isEqualTo(window("2026-12-01", "2026-12-03"));
  }

  @Test
  void explicitDatesExcludeTheEnd() {
    assertThat(resolve("2026-11-01..2026-11-08", MONDAY))
        .isEqualTo(window("2026-11-01", "2026-11-08"));
    assertThat(resolve("2026-11-01..", MONDAY)).isEqualTo(window("2026-11-01", "2026-11-30"));
  }

  @Test
  void caseAndSpacesDoNotMatter() {
    assertThat(resolve(" Last-Week ", MONDAY)).isEqualTo(window("2026-11-23", "2026-11-30"));
  }

  @Test
  void malformedWindowsNameTheProblem() {
    assertThatThrownBy(() -> WindowSpec.parse("fortnight"))
        .hasMessageContaining("'fortnight' is not a window")
        .hasMessageContaining("last-week");
    assertThatThrownBy(() -> WindowSpec.parse("0d")).hasMessageContaining("0 days");
    assertThatThrownBy(() -> WindowSpec.parse("2026-13-01..2026-12-01"))
        .hasMessageContaining("'2026-13-01'")
        .hasMessageContaining("ISO date");
    assertThatThrownBy(() -> WindowSpec.parse("2026-11-08..2026-11-01"))
        .hasMessageContaining("must be before its end");
  }

  private static DateWindow resolve(String spec, LocalDate today) {
    return WindowSpec.parse(spec).resolve(today);
  }

  private static DateWindow window(String from, String to) {
    return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
  }
}
