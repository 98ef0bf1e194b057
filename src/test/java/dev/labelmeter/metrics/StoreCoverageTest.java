package dev.labelmeter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.store.Manifest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoreCoverageTest {
  private static final Instant FROM = Instant.parse("2026-10-30T08:58:00Z");
  private static final Instant SNAPSHOT = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void aWindowBeforeTheStoresActivitySaysWhereItBeginsAndWhatToPull() {
    DateWindow october = window("2026-10-01", "2026-11-01");

    assertThat(StoreCoverage.notes(manifest(FROM), october, ZoneOffset.UTC))
        .containsExactly(
            "The window 2026-10-01 to 2026-10-31 starts before the store's activity, which begins"
                + " at 2026-10-30 08:58 (UTC): its figures count only what the store holds of the"
                + " days before. To fetch those days, run 'labelmeter pull --team 7 --since"
                + " 2026-10-01'.");
  }

  @Test
  void aPreviousWindowBeforeTheActivityIsNamedWhenTheWindowItselfIsCovered() {
    DateWindow week = window("2026-11-03", "2026-11-10"); // previous: 10-27 to 11-02

    assertThat(StoreCoverage.notes(manifest(FROM), week, ZoneOffset.UTC))
        .singleElement()
        .asString()
        .startsWith("The previous window 2026-10-27 to 2026-11-02, which the changes compare with,")
        .endsWith("run 'labelmeter pull --team 7 --since 2026-10-27'.");
  }

  @Test
  void windowsWithinTheActivitySayNothing() {
    DateWindow week = window("2026-11-24", "2026-12-01");
    DateWindow fromTheFirstFullDay = window("2026-11-14", "2026-11-24"); // previous from 11-04

    assertThat(StoreCoverage.notes(manifest(FROM), week, ZoneOffset.UTC)).isEmpty();
    assertThat(StoreCoverage.notes(manifest(FROM), fromTheFirstFullDay, ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void theFirstDayCountsAsCoveredOnlyFromItsStart() {
    // 2026-10-31 00:00 in Tokyo is 2026-10-30 15:00 UTC, after FROM; 2026-10-30 is not covered.
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");

    assertThat(StoreCoverage.notes(manifest(FROM), window("2026-11-07", "2026-11-14"), tokyo))
        .isEmpty();
    assertThat(StoreCoverage.notes(manifest(FROM), window("2026-11-06", "2026-11-13"), tokyo))
        .singleElement()
        .asString()
        .contains("2026-10-30 17:58 (Asia/Tokyo)", "--since 2026-10-29'");
  }

  @Test
  void aWindowEndingAfterTheActivityOfAnIncompleteLastPullSaysWhereItEndsAndWhatToRun() {
    Instant lastComplete = Instant.parse("2026-11-29T02:00:00Z"); // the pull of 12-01 failed
    DateWindow week = window("2026-11-24", "2026-12-01");

    assertThat(StoreCoverage.notes(manifest(FROM, lastComplete), week, ZoneOffset.UTC))
        .containsExactly(
            "The window 2026-11-24 to 2026-11-30 ends after the store's activity, which ends at"
                + " 2026-11-29 02:00 (UTC): the last pull could not fetch the activity since then,"
                + " so the window's last hours count only what the store holds. Run 'labelmeter"
                + " pull --team 7' again once the server answers.");
    assertThat(
            StoreCoverage.notes(
                manifest(FROM, lastComplete), window("2026-11-21", "2026-11-28"), ZoneOffset.UTC))
        .isEmpty();
  }

  @Test
  void aCompleteLastPullSaysNothingAboutTheEndEvenForAWindowThatReachesItsSnapshotDay() {
    assertThat(
            StoreCoverage.notes(manifest(FROM), window("2026-11-25", "2026-12-02"), ZoneOffset.UTC))
        .isEmpty();
  }

  @Test
  void eventsWithoutAnActivityRangeAreTheFirstPullsPartOfTheHistory() {
    Manifest incomplete =
        new Manifest(
            Manifest.FORMAT_VERSION,
            7,
            SNAPSHOT,
            "http://x",
            null,
            java.util.Map.of("events", 1200L),
            null,
            null,
            null,
            null);

    assertThat(StoreCoverage.notes(incomplete, window("2026-11-24", "2026-12-01"), ZoneOffset.UTC))
        .containsExactly(
            "The store holds no complete activity range yet: its first pull could not fetch every"
                + " day, so the figures count only what the store holds. Run 'labelmeter pull"
                + " --team 7' again once the server answers.");
  }

  @Test
  void aStoreWithoutAnActivityRangeSaysNothingHere() {
    assertThat(
            StoreCoverage.notes(manifest(null), window("2026-10-01", "2026-11-01"), ZoneOffset.UTC))
        .isEmpty();
  }

  private static DateWindow window(String from, String to) {
    return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
  }

  private static Manifest manifest(Instant from) {
    return manifest(from, SNAPSHOT);
  }

  private static Manifest manifest(Instant from, Instant to) {
    Manifest.ActivityRange activity =
        from == null ? null : new Manifest.ActivityRange(from, to, 10L, true);
    return new Manifest(
        Manifest.FORMAT_VERSION, 7, SNAPSHOT, "http://x", null, null, activity, null, null, null);
  }
}
