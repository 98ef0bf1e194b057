package dev.labelmeter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MetricHelpersTest {

  @Test
  void canonicalFormIgnoresKeyOrderButKeepsNumberLiterals() {
    assertThat(
            EventCanonicalForm.canonicalJson(
                "{\"b\":1,\"a\":{\"y\":[2,{\"q\":1,\"p\":0}],\"x\":null}}"))
        .isEqualTo("{\"a\":{\"x\":null,\"y\":[2,{\"p\":0,\"q\":1}]},\"b\":1}");
    assertThat(EventCanonicalForm.canonicalJson("{\"duration\":5}"))
        .isNotEqualTo(EventCanonicalForm.canonicalJson("{\"duration\":5.0}"));
    assertThat(EventCanonicalForm.canonicalJson("{\"duration\":5.0}"))
        .isEqualTo("{\"duration\":5.0}");
    assertThat(EventCanonicalForm.canonicalJson("\"a\\\"b\"")).isEqualTo("\"a\\\"b\"");
    assertThatThrownBy(() -> EventCanonicalForm.canonicalJson("{broken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void eventFormComparesTheEighteenFieldsOnlyWithMissingAsNull() throws Exception {
    var reader = EventCanonicalForm.EXACT_READER;
    String a = "{\"userId\":7,\"action\":\"x\",\"meta\":{\"b\":1,\"a\":2},\"extra\":1}";
    String b = "{\"meta\":{\"a\":2,\"b\":1},\"action\":\"x\",\"userId\":7,\"jobId\":null}";
    String c = "{\"meta\":{\"a\":2.0,\"b\":1},\"action\":\"x\",\"userId\":7}";

    assertThat(EventCanonicalForm.ofEvent(reader.readTree(a)))
        .isEqualTo(EventCanonicalForm.ofEvent(reader.readTree(b)))
        .isNotEqualTo(EventCanonicalForm.ofEvent(reader.readTree(c)));
  }

  @Test
  void medianAveragesTheTwoMiddleValuesAndP90TakesTheNearestRank() {
    assertThat(Percentiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Percentiles.median(new double[] {9, 1, 5})).isEqualTo(5.0);
    // n = 10: rank ceil(9.0) = 9 -> the 9th smallest value.
    assertThat(Percentiles.p90NearestRank(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}))
        .isEqualTo(9.0);
    // n = 11: rank ceil(9.9) = 10.
    assertThat(Percentiles.p90NearestRank(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}))
        .isEqualTo(10.0);
    assertThat(Percentiles.p90NearestRank(new double[] {42})).isEqualTo(42.0);
    assertThat(Percentiles.median(new double[0])).isNull();
    assertThat(Percentiles.p90NearestRank(new double[0])).isNull();
  }

  @Test
  void hoursAreOneDivisionOfExactSums() {
    assertThat(Hours.fromMicros(5_400_000_000L)).isEqualTo(1.5);
    assertThat(Hours.fromSeconds(900)).isEqualTo(0.25);
    assertThat(Hours.secondsFromMicros(1_500_000)).isEqualTo(1.5);
  }

  @Test
  void partitionsOfAWindowFollowTheZoneOffset() {
    DateWindow day = new DateWindow(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26));

    // Berlin: 2026-10-24T22:00Z .. 2026-10-25T22:59:59.999999Z (a 25-hour day).
    assertThat(EventPartitions.utcDays(day, ZoneId.of("Europe/Berlin")))
        .containsExactly(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25));
    assertThat(EventPartitions.utcDays(day, ZoneId.of("UTC")))
        .containsExactly(LocalDate.of(2026, 10, 25));
    assertThat(EventPartitions.utcDays(day, ZoneId.of("America/Los_Angeles")))
        .containsExactly(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26));
  }

  @Test
  void knownValuesFollowTheContract() {
    assertThat(KnownValues.isKnownJobStatus("review_completed")).isFalse();
    assertThat(KnownValues.isKnownJobStatus("on_review")).isTrue();
    assertThat(KnownValues.isKnownAction("image_review_status_updated")).isTrue();
    assertThat(KnownValues.isKnownAction("teleport_image")).isFalse();
    assertThat(KnownValues.ACTIONS).hasSize(46);
  }
}
