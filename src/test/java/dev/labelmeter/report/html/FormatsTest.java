package dev.labelmeter.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void hoursHaveTwoDecimalsAndThousandsSeparators() {
    assertThat(Formats.hours(1234.5)).isEqualTo("1,234.50");
    assertThat(Formats.hours(0.005)).isEqualTo("0.01");
    assertThat(Formats.hours(null)).isEqualTo("n/a");
  }

  @Test
  void ratesArePercentagesWithOneDecimal() {
    assertThat(Formats.percent(0.875)).isEqualTo("87.5%");
    assertThat(Formats.percent(1.0)).isEqualTo("100.0%");
    assertThat(Formats.percent(2 / 3.0)).isEqualTo("66.7%");
    assertThat(Formats.percent(null)).isEqualTo("n/a");
  }

  @Test
  void changesAreSignedAndZeroHasNoSign() {
    assertThat(Formats.countChange(10, 7)).isEqualTo("+3");
    assertThat(Formats.countChange(7, 10)).isEqualTo("-3");
    assertThat(Formats.countChange(7, 7)).isEqualTo("0");
    assertThat(Formats.hoursChange(1.0, 1.004)).isEqualTo("0.00");
    assertThat(Formats.hoursChange(2.5, 1.0)).isEqualTo("+1.50");
    assertThat(Formats.hoursChange(null, 1.0)).isEqualTo("n/a");
    assertThat(Formats.percentPointChange(0.9, 150 / 180.0)).isEqualTo("+6.7 pp");
    assertThat(Formats.percentPointChange(0.5, 0.75)).isEqualTo("-25.0 pp");
    assertThat(Formats.percentPointChange(0.5, null)).isEqualTo("n/a");
  }

  @Test
  void timesAreShownInTheReportZoneAcrossADaylightSavingChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(Formats.dateTime(Instant.parse("2024-03-31T00:30:00Z"), berlin))
        .isEqualTo("2024-03-31 01:30");
    assertThat(Formats.dateTime(Instant.parse("2024-03-31T01:30:00Z"), berlin))
        .isEqualTo("2024-03-31 03:30");
    assertThat(Formats.dateTime(null, berlin)).isEqualTo("n/a");
    assertThat(Formats.date(LocalDate.of(2024, 5, 1))).isEqualTo("2024-05-01");
  }

  @Test
  void longTextIsCutWithAMarkerAndNeverSplitsAnEmoji() {
    String rockets = "\uD83D\uDE80".repeat(10);

    assertThat(Formats.cut("short", 10)).isEqualTo("short");
    assertThat(Formats.cut(rockets, 5))
        .isEqualTo("\uD83D\uDE80\uD83D\uDE80\u2026 [cut, 20 characters]");
  }
}
