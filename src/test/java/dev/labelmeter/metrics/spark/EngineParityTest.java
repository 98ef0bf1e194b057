package dev.labelmeter.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.EventCanonicalForm;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.RandomStore;
import dev.labelmeter.metrics.TestStore;
import dev.labelmeter.metrics.tablesaw.TablesawEngine;
import dev.labelmeter.simulator.SnapshotWriter;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity: the Spark engine computes exactly the Tablesaw engine's result (counts and texts equal,
 * hours and other doubles to 1e-9 relative, the same nulls and the same row order) on hand-made
 * stores, random stores and the simulator's small and medium teams, with two sets of parameters.
 */
class EngineParityTest {
  /** The UTC default: the 7 days before the snapshot, 300 s threshold. */
  private static final MetricsParams UTC_DEFAULT = MetricsParams.defaults();

  private static SparkSession session;
  private static SparkEngine spark;
  private static final TablesawEngine tablesaw = new TablesawEngine();

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    QuietSparkLogs.apply();
    session = SparkSessions.start("local[2]");
    spark = SparkEngine.on(session);
  }

  @AfterAll
  static void stopSpark() {
    session.stop();
  }

  /** Returns Berlin, a 120 s threshold and an explicit window of {@code days} from {@code from}. */
  private static MetricsParams berlin(String from, int days) {
    LocalDate start = LocalDate.parse(from);
    return MetricsParams.defaults()
        .withZone(ZoneId.of("Europe/Berlin"))
        .withIdleThreshold(Duration.ofSeconds(120))
        .withWindow(new DateWindow(start, start.plusDays(days)));
  }

  private void assertSameResult(StoreLayout store, List<MetricsParams> paramSets)
      throws IOException {
    for (MetricsParams params : paramSets) {
      MetricsResult expected = tablesaw.compute(store, params);
      MetricsResult actual = spark.compute(store, params);
      List<String> differences = ResultComparator.differences(expected, actual);
      assertThat(differences)
          .as("Spark versus Tablesaw on %s with %s", store.teamDir(), params)
          .isEmpty();
    }
  }

  @Test
  void theSimulatedSmallAndMediumTeamsGiveTheSameResult() throws IOException {
    // Snapshot a week after the night the clocks go back in Berlin (25 October 2026).
    Instant now = Instant.parse("2026-11-01T06:00:00Z");
    for (TeamSize size : List.of(TeamSize.SMALL, TeamSize.MEDIUM)) {
      Path data = dir.resolve(size.label());
      Manifest manifest = SnapshotWriter.write(size, 11, now, data);
      StoreLayout store = StoreLayout.of(data, manifest.teamId());
      assertSameResult(store, List.of(UTC_DEFAULT, berlin("2026-10-22", 7)));
    }
  }

  @Test
  void randomStoresWithDuplicatesBadDatesAndUnknownJobsGiveTheSameResult() throws IOException {
    for (long seed : new long[] {3, 17}) {
      StoreLayout store =
          RandomStore.write(dir.resolve("r" + seed), 8, RandomStore.Spec.small(seed));
      assertSameResult(store, List.of(UTC_DEFAULT, berlin("2026-11-20", 7)));
    }
  }

  @Test
  void theBerlinDaylightSavingNightGivesTheSameResult() throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-10-27T00:00:00Z");
    store.member(7, "bob").member(9, "rita");
    store.job(1, "in_progress", 7L, 6, 100, "done", "accepted", "rejected", "none", "none");
    store.stats(1, 1400);
    // Bob, Berlin local times: 23:58 (24 Oct), 00:01, 02:59 CEST, 02:01 CET, 02:06, 02:11.000001.
    store.figure(7, "2026-10-24T21:58:00Z", 1);
    store.figure(7, "2026-10-24T22:01:00Z", 1);
    store.figure(7, "2026-10-25T00:59:00Z", 1);
    store.review(7, "done", "2026-10-25T01:01:00Z", 1, 100);
    store.review(7, "done", "2026-10-25T01:06:00+0000", 1, 101);
    store.review(7, "done", "2026-10-25T02:11:00.000001+01:00", 1, 102);
    store.review(9, "accepted", "2026-10-25T09:00:00Z", 1, 100);
    store.review(9, "rejected", "2026-10-25T09:01:30Z", 1, 101);
    store.review(7, "done", "2026-10-25T09:10:00Z", 1, 101);
    store.review(9, "accepted", "2026-10-25T09:30:00Z", 1, 101);
    store.duration(7, "2026-10-25T09:11:00Z", 1, 42.5);
    StoreLayout layout = store.write();

    assertSameResult(
        layout,
        List.of(
            UTC_DEFAULT,
            berlin("2026-10-24", 3),
            MetricsParams.defaults()
                .withZone(ZoneId.of("Europe/Berlin"))
                .withWindow(
                    new DateWindow(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26)))));
  }

  @Test
  void edgeCasesOfTheDataGiveTheSameResultAndNotes() throws IOException {
    TestStore store = new TestStore(dir, 9).warning("activity count differed").failedJob(4);
    store.member(7, "bob");
    store.job(1, "in_progress", 7L, 4, 100, "done", "none", "none", "none");
    store.job(2, "review_completed", 8L, 3, 200, "accepted", "accepted", "rejected");
    ObjectNode noEntities = store.job(3, "pending", null, 2, 300);
    noEntities.remove("entities");
    noEntities.remove("imagesCount");
    noEntities.remove("status");
    store.job(1, "completed", 7L, 9, 100, "done");
    TestStore.statsClass(store.stats(1, 900), "car", "polygon", 1, 2, 17);
    TestStore.statsClass(store.stats(99, 5), "car", "polygon", 1, 100, 100);
    TestStore.statsClass(store.stats(2, 3000), "tree", "bitmap", 2, 0, 0);

    store.figure(7, "2026-11-28T08:00:00Z", 1);
    store.figure(7, "2026-11-28T08:02:00+0100", 1); // +HHMM: 07:02 UTC
    store.figure(7, "2026-11-28T08:03:00.123456789Z", 1);
    store.add(TestStore.newEvent(7L, "create_figure", "yesterday", 1L, null));
    store.add(TestStore.newEvent(7L, "create_figure", "2026-11-28 08:04:00", 1L, null));
    store.add(TestStore.newEvent(7L, "login", "2026-11-28T08:05:00Z", null, null));
    store.add(TestStore.newEvent(7L, "teleport_image", "2026-11-28T08:06:00Z", 1L, null));
    ObjectNode noAction = TestStore.newEvent(7L, null, "2026-11-28T08:06:30Z", 1L, null);
    noAction.remove("action");
    store.add(noAction);
    store.add(TestStore.newEvent(null, "create_figure", "2026-11-28T08:07:00Z", 1L, null));
    store.add(TestStore.newEvent(7L, "create_figure", "2026-11-28T08:08:00Z", 42L, null));
    store.add(TestStore.newEvent(7L, "annotation_duration", "2026-11-28T08:09:00Z", 1L, null));
    // Duplicates: identical, and meta keys in another order; 5 and 5.0 and 5.00 differ.
    for (String meta : List.of("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", "{\"duration\":5}")) {
      store.add(
          withMeta(
              TestStore.newEvent(8L, "update_figure", "2026-11-28T09:00:00Z", 2L, null), meta));
    }
    for (String d : List.of("5.0", "5.00", "5.0", "5")) {
      store.add(
          withMeta(
              TestStore.newEvent(8L, "annotation_duration", "2026-11-28T09:01:00Z", 2L, null),
              "{\"duration\":" + d + "}"));
    }
    ObjectNode floatId = TestStore.newEvent(8L, "create_figure", "2026-11-28T09:02:00Z", 2L, null);
    floatId.put("userId", 8.0);
    store.add(floatId);
    store.review(8, "done", "2026-11-28T09:03:00Z", 2, 200);
    store.review(9, "accepted", "2026-11-28T09:04:00Z", 2, 200);
    store.review(9, "rejected", "2026-11-28T09:05:00Z", 2, 201); // no prior done
    ObjectNode noImage =
        TestStore.newEvent(9L, "image_review_status_updated", "2026-11-28T09:06:00Z", 2L, null);
    ((ObjectNode) noImage.get("meta")).put("reviewStatus", "accepted");
    store.add(noImage);
    ObjectNode doneNoImage =
        TestStore.newEvent(8L, "image_review_status_updated", "2026-11-28T09:05:30Z", 2L, null);
    ((ObjectNode) doneNoImage.get("meta")).put("reviewStatus", "done");
    store.add(doneNoImage);
    store.review(9, "accepted", "2026-11-28T09:07:00Z", 99, 900); // unknown job
    StoreLayout layout = store.write();

    assertSameResult(layout, List.of(UTC_DEFAULT, berlin("2026-11-27", 3)));
  }

  @Test
  void anEmptyStoreGivesTheSameResultAndNotes() throws IOException {
    StoreLayout layout = new TestStore(dir, 10).write();

    assertSameResult(layout, List.of(UTC_DEFAULT));
  }

  @Test
  void aLineThatIsNotJsonStopsBothEnginesNamingItsPartition() throws IOException {
    StoreLayout layout =
        new dev.labelmeter.metrics.spark.TestStore(dir, 11)
            .raw(LocalDate.of(2026, 11, 28), "{\"userId\": 7, \"action\": ")
            .write("2026-11-30T00:00:00Z");

    java.nio.file.Path partition = layout.activityDay(LocalDate.of(2026, 11, 28));
    // Both name the file, so that the command line adds the pull that fetches the day again.
    assertThatThrownBy(() -> tablesaw.compute(layout, UTC_DEFAULT))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageStartingWith(partition + " line 1 is not valid JSON")
        .satisfies(e -> assertThat(((StoreFormatException) e).file()).contains(partition));
    assertThatThrownBy(() -> spark.compute(layout, UTC_DEFAULT))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage(partition + " holds 1 line that is not valid JSON")
        .satisfies(e -> assertThat(((StoreFormatException) e).file()).contains(partition));
  }

  private static ObjectNode withMeta(ObjectNode event, String meta) {
    try {
      event.set("meta", EventCanonicalForm.EXACT_READER.readTree(meta));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return event;
  }
}
