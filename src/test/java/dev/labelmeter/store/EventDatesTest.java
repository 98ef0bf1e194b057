package dev.labelmeter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reading of event dates that both metrics engines count (docs/metrics.md rule 3). */
class EventDatesTest {

  @ParameterizedTest
  @CsvSource({
    "2021-01-15T14:24:58.480Z, 2021-01-15T14:24:58.480Z",
    "2021-01-15T14:24:58Z, 2021-01-15T14:24:58Z",
    "2026-10-25T02:30:00+02:00, 2026-10-25T00:30:00Z",
    "2026-10-25T02:30:00+0200, 2026-10-25T00:30:00Z",
    "2026-10-25T02:30:00-0530, 2026-10-25T08:00:00Z",
    "2026-10-25T02:30:00-00:00, 2026-10-25T02:30:00Z",
    "2026-10-25T02:30:00+18:00, 2026-10-24T08:30:00Z",
    "2026-10-25T02:30:00.5+01:00, 2026-10-25T01:30:00.500Z",
    "2026-10-25T02:30:00.123456789Z, 2026-10-25T02:30:00.123456Z",
    "2026-10-25T02:30:00.123456789+00:00, 2026-10-25T02:30:00.123456Z",
    "2024-02-29T23:59:59.9Z, 2024-02-29T23:59:59.900Z",
    "2024-02-29T23:59:59.9+0000, 2024-02-29T23:59:59.900Z"
  })
  void timestampsWithZOrANumericOffsetParseToMicroseconds(String text, String expected) {
    assertThat(EventDates.parseStrict(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-01-15T14:24:58",
        "2021-01-15 14:24:58Z",
        "2021-01-15T14:24Z",
        "2021-02-30T10:00:00Z",
        "2021-02-30T10:00:00+01:00",
        "2023-02-29T00:00:00Z",
        "2021-01-15T24:00:00Z",
        "2021-01-15T23:60:00Z",
        "2021-01-15T23:59:60Z",
        "2021-13-15T10:00:00Z",
        "2021-01-15T14:24:58.Z",
        "2021-01-15T14:24:58.1234567890Z",
        "2021-01-15T14:24:58+02",
        "2021-01-15T14:24:58+19:00",
        "2021-01-15T14:24:58+18:01",
        "2021-01-15T14:24:58+02:60",
        "2021-01-15T14:24:58z",
        "2021-01-15t14:24:58Z",
        " 2021-01-15T14:24:58Z",
        "2021-01-15T14:24:58Z ",
        "２０２１-01-15T14:24:58Z",
        "None",
        ""
      })
  void anythingElseDoesNotParse(String text) {
    assertThat(EventDates.parseStrict(text)).isEmpty();
  }

  @Test
  void aMissingDateDoesNotParse() {
    assertThat(EventDates.parseStrict(null)).isEmpty();
  }

  @Test
  void theLenientReadingOfThePullStaysAsItWas() {
    // the pull files these events under their day; the metrics count them as unparseable dates
    assertThat(EventDates.parse("2021-01-15t14:24:58z"))
        .contains(Instant.parse("2021-01-15T14:24:58Z"));
    assertThat(EventDates.parseStrict("2021-01-15t14:24:58z")).isEmpty();
    assertThat(EventDates.parse(" 2021-01-15T14:24:58.123456789Z "))
        .contains(Instant.parse("2021-01-15T14:24:58.123456789Z"));
  }

  @Test
  void epochMicrosRoundTripIncludingBeforeTheEpoch() {
    Instant before = Instant.parse("1969-12-31T23:59:59.999999Z");

    assertThat(EventDates.toEpochMicros(before)).isEqualTo(-1L);
    assertThat(EventDates.fromEpochMicros(-1L)).isEqualTo(before);
    assertThat(EventDates.toEpochMicros(Instant.parse("1970-01-01T00:00:01.000002Z")))
        .isEqualTo(1_000_002L);
    assertThat(EventDates.toEpochMicros(Instant.parse("1970-01-01T00:00:01.0000029Z")))
        .isEqualTo(1_000_002L);
  }
}
