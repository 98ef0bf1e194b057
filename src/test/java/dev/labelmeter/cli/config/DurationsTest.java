package dev.labelmeter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void aPlainNumberIsSeconds() {
    assertThat(Durations.parse("300")).isEqualTo(Duration.ofSeconds(300));
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void unitsCanBeCombined() {
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofHours(48));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void isoDurationsAreAccepted() {
    assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("pt90s")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void negativeValuesParseSoThatCallersCanNameTheProblem() {
    assertThat(Durations.parse("-300")).isEqualTo(Duration.ofSeconds(-300));
    assertThat(Durations.parse("-5m")).isEqualTo(Duration.ofMinutes(-5));
  }

  @Test
  void garbageIsRejectedWithTheAcceptedForms() {
    assertThatThrownBy(() -> Durations.parse("five minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'five minutes' is not a duration")
        .hasMessageContaining("5m");
    assertThatThrownBy(() -> Durations.parse("5x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatGivesTheShortestExactForm() {
    assertThat(Durations.format(Duration.ofSeconds(300))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }
}
