package dev.labelmeter.metrics.tablesaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerClassRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.metrics.TestStore;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesawEngineTest {
  private static final double EPS = 1e-12;

  @TempDir Path dir;
  private final TablesawEngine engine = new TablesawEngine();

  private static MetricsParams window(String from, String to, String zone) {
    return MetricsParams.defaults()
        .withZone(ZoneId.of(zone))
        .withWindow(new DateWindow(LocalDate.parse(from), LocalDate.parse(to)));
  }

  private static LabelerRow labeler(MetricsResult r, long id) {
    return r.labelers().stream().filter(l -> l.userId() == id).findFirst().orElseThrow();
  }

  private static JobRow job(MetricsResult r, long id) {
    return r.jobs().stream().filter(j -> j.id() == id).findFirst().orElseThrow();
  }

  @Test
  void sessionsAcrossMidnightAndTheBerlinDstChangeUseInstantsAndAnInclusiveThreshold()
      throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-10-27T00:00:00Z");
    store.job(1, "in_progress", 7L, 3, 100, "none", "none", "none");
    // Berlin local times: CEST (+02:00) until 2026-10-25T01:00Z, then CET (+01:00).
    store.figure(7, "2026-10-24T21:58:00Z", 1); // Oct 24 23:58 local: session 1 (W')
    store.figure(7, "2026-10-24T22:01:00Z", 1); // Oct 25 00:01 local: gap 180 s, active, W
    store.figure(7, "2026-10-25T00:59:00Z", 1); // 02:59 CEST: gap 2 h 58 min, session 2
    store.figure(7, "2026-10-25T01:01:00Z", 1); // 02:01 CET (clock went back): gap 120 s
    store.figure(7, "2026-10-25T01:06:00Z", 1); // gap exactly 300 s = threshold: active
    store.figure(7, "2026-10-25T01:11:00.000001Z", 1); // gap 300.000001 s: session 3
    store.write();

    MetricsResult r =
        engine.compute(store.layout(), window("2026-10-25", "2026-10-26", "Europe/Berlin"));

    // W: 180 + 120 + 300 = 600 s active; sessions starting in W: 2 (at 00:59Z and 01:11Z).
    LabelerRow bob = labeler(r, 7);
    assertThat(bob.current().activeHours()).isCloseTo(600 / 3600.0, within(EPS));
    assertThat(bob.current().sessions()).isEqualTo(2);
    assertThat(bob.current().objectsCreated()).isEqualTo(5);
    assertThat(bob.current().objectsPerActiveHour()).isCloseTo(5 / (600 / 3600.0), within(1e-9));
    assertThat(bob.current().daysActive()).isEqualTo(1);
    // W' (Oct 24 local): one lone event, a session of length 0.
    assertThat(bob.previous().activeHours()).isZero();
    assertThat(bob.previous().sessions()).isEqualTo(1);
    assertThat(bob.previous().objectsCreated()).isEqualTo(1);
    assertThat(bob.previous().objectsPerActiveHour()).isNull();
    // Sensitivity: no gap <= 100 s; every gap but the 2 h 58 min one is <= 900 s.
    assertThat(r.summary().current().activeHoursAt100s()).isZero();
    assertThat(r.summary().current().activeHoursAt900s())
        .isCloseTo(900.000001 / 3600.0, within(EPS));
    assertThat(r.daily())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.date()).isEqualTo(LocalDate.of(2026, 10, 25));
              assertThat(d.activeHours()).isCloseTo(600 / 3600.0, within(EPS));
              assertThat(d.activeUsers()).isEqualTo(1);
            });
    assertThat(job(r, 1).activeHours()).isCloseTo(600 / 3600.0, within(EPS));
    assertThat(r.heatmap().rows())
        .singleElement()
        .satisfies(h -> assertThat(h.activeHours()).containsExactly(600 / 3600.0));
  }

  @Test
  void inUtcTheSameEventsFallOnOtherDates() throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-10-27T00:00:00Z");
    store.job(1, "in_progress", 7L, 1, 100, "none");
    store.figure(7, "2026-10-24T23:58:00Z", 1);
    store.figure(7, "2026-10-25T00:01:00Z", 1); // 180 s credited to Oct 25 UTC
    store.write();

    MetricsResult r = engine.compute(store.layout(), window("2026-10-24", "2026-10-26", "UTC"));

    assertThat(r.daily()).extracting(DailyRow::activeHours).containsExactly(0.0, 180 / 3600.0);
    assertThat(labeler(r, 7).current().sessions()).isEqualTo(1);
    assertThat(labeler(r, 7).current().daysActive()).isEqualTo(2);
  }

  @Test
  void tiesKeepTheOrderReceivedAndDuplicatesCompareMetaAsJson() throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-11-02T00:00:00Z");
    store.job(1, "on_review", 7L, 2, 11, "accepted", "accepted");
    String t1 = "2026-11-01T10:00:00Z";
    String t2 = "2026-11-01T10:00:30Z";
    store.review(9, "accepted", t1, 1, 11); // received before the done at the same instant
    store.review(7, "done", t1, 1, 11);
    store.review(7, "done", t2, 1, 12);
    store.review(9, "accepted", t2, 1, 12); // same instant, received after its done
    ObjectNode d1 = TestStore.newEvent(7L, "annotation_duration", t1, 1L, null);
    ((ObjectNode) d1.get("meta")).put("duration", 5).put("note", "x");
    ObjectNode d2 = TestStore.newEvent(7L, "annotation_duration", t1, 1L, null);
    ((ObjectNode) d2.get("meta")).put("note", "x").put("duration", 5); // same, other key order
    ObjectNode d3 = TestStore.newEvent(7L, "annotation_duration", t1, 1L, null);
    ((ObjectNode) d3.get("meta")).put("duration", new BigDecimal("5.0")).put("note", "x");
    store.add(d1).add(d2).add(d3);
    store.write();

    MetricsResult r = engine.compute(store.layout(), window("2026-11-01", "2026-11-02", "UTC"));

    // d2 repeats d1; d3 differs (5.0 is not 5): platform time 5 + 5 = 10 s.
    assertThat(r.dataQuality().eventsReceived()).isEqualTo(7);
    assertThat(r.dataQuality().duplicatesRemoved()).isEqualTo(1);
    assertThat(labeler(r, 7).current().platformHours()).isCloseTo(10 / 3600.0, within(EPS));
    // Image 11: decision before any done (tie, received first). Image 12: turnaround 0 s.
    ReviewerRow rita = r.reviewers().get(0);
    assertThat(rita.userId()).isEqualTo(9);
    assertThat(rita.decisions()).isEqualTo(2);
    assertThat(rita.decisionsWithoutDone()).isEqualTo(1);
    assertThat(rita.turnaroundMedianSeconds()).isEqualTo(0.0);
    assertThat(r.dataQuality().decisionsWithoutDone()).isEqualTo(1);
    assertThat(job(r, 1).turnaroundMedianSeconds()).isEqualTo(0.0);
  }

  @Test
  void firstPassAcceptanceFollowsTheImageAcrossRestartedRounds() throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-11-10T00:00:00Z");
    store.job(1, "completed", 7L, 1, 100, "rejected");
    store.job(2, "on_review", 8L, 3, 100, "accepted", "rejected", "accepted");
    // W' = [Nov 7, Nov 8): image 100 first decided (rejected) in job 1 of labeler 7.
    store.review(7, "done", "2026-11-07T09:00:00Z", 1, 100);
    store.review(9, "rejected", "2026-11-07T09:10:00Z", 1, 100);
    // W = [Nov 8, Nov 9): the restarted round in job 2 of labeler 8.
    store.review(8, "done", "2026-11-08T09:00:00Z", 2, 100);
    store.review(8, "done", "2026-11-08T09:01:00Z", 2, 101);
    store.review(8, "done", "2026-11-08T09:02:00Z", 2, 102);
    store.review(9, "accepted", "2026-11-08T10:00:00Z", 2, 100); // not a first decision
    store.review(9, "rejected", "2026-11-08T10:01:00Z", 2, 101); // first: rejected
    store.review(9, "accepted", "2026-11-08T10:02:00Z", 2, 102); // first: accepted
    store.write();

    MetricsResult r = engine.compute(store.layout(), window("2026-11-08", "2026-11-09", "UTC"));

    LabelerRow eve = labeler(r, 8);
    assertThat(eve.current().accepted()).isEqualTo(2);
    assertThat(eve.current().rejected()).isEqualTo(1);
    assertThat(eve.current().acceptanceRate()).isCloseTo(2 / 3.0, within(EPS));
    assertThat(eve.current().firstPassImages()).isEqualTo(2);
    assertThat(eve.current().firstPassAcceptance()).isEqualTo(0.5);
    assertThat(eve.current().imagesFinished()).isEqualTo(3);
    // Labeler 7 worked and was decided on only in W': not listed for W.
    assertThat(r.labelers()).extracting(LabelerRow::login).containsExactly("rita", "user8");
    assertThat(r.summary().current().firstPassImages()).isEqualTo(2);
    assertThat(r.summary().previous().firstPassImages()).isEqualTo(1);
    // Turnarounds in W: 3600, 3600, 3600 s (each decision 1 h after its done).
    assertThat(r.summary().current().turnaroundMedianSeconds()).isEqualTo(3600.0);
    assertThat(r.summary().previous().turnaroundP90Seconds()).isEqualTo(600.0);
    assertThat(r.summary().current().acceptanceRate()).isCloseTo(2 / 3.0, within(EPS));
  }

  @Test
  void imagesFinishedCountTheFirstDoneOfEachUserAndOfTheTeam() throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-11-10T00:00:00Z");
    store.job(1, "in_progress", 7L, 2, 100, "done", "done");
    store.review(7, "done", "2026-11-07T09:00:00Z", 1, 100); // W': first for team and for 7
    store.review(7, "done", "2026-11-08T09:00:00Z", 1, 100); // again: not counted
    store.review(8, "done", "2026-11-08T09:05:00Z", 1, 100); // first by user 8, not for team
    store.review(7, "done", "2026-11-08T09:10:00Z", 1, 101); // first for both
    store.review(7, "done", "2026-11-08T09:20:00Z", 1, 101); // again: not counted
    store.write();

    MetricsResult r = engine.compute(store.layout(), window("2026-11-08", "2026-11-09", "UTC"));

    assertThat(labeler(r, 7).current().imagesFinished()).isEqualTo(1);
    assertThat(labeler(r, 7).previous().imagesFinished()).isEqualTo(1);
    assertThat(labeler(r, 8).current().imagesFinished()).isEqualTo(1);
    assertThat(r.summary().current().teamImagesFinished()).isEqualTo(1);
    assertThat(r.daily()).singleElement().extracting(DailyRow::imagesFinished).isEqualTo(1L);
  }

  @Test
  void dataQualityCountsWhatCannotBeUsedAndUnknownValuesNeverFail() throws IOException {
    TestStore store =
        new TestStore(dir, 8)
            .snapshotAt("2026-11-10T00:00:00Z")
            .warning("day 2026-11-03 had 2 events fewer than the server's total")
            .failedJob(77)
            .countMatched(false);
    store.job(1, "review_completed", 7L, 2, 100, "accepted", "none");
    ObjectNode mismatch = store.job(2, "in_progress", 7L, 0, 200);
    mismatch.put("acceptedImagesCount", 3); // entities say 0
    store.figure(7, "2026-11-08T09:00:00Z", 1);
    store.figure(7, "2026-11-08T09:01:00Z", 555); // unknown job: still active time
    store.add(TestStore.newEvent(7L, "login", "2026-11-08T08:00:00Z", null, null));
    store.add(TestStore.newEvent(7L, "create_figure", "yesterday", 1L, null));
    store.add(TestStore.newEvent(7L, "teleport_image", "2026-11-08T09:02:00Z", 1L, null));
    store.review(9, "accepted", "2026-11-08T10:00:00Z", 555, 900); // unknown job, no done
    store.write();

    MetricsResult r = engine.compute(store.layout(), window("2026-11-08", "2026-11-09", "UTC"));

    var dq = r.dataQuality();
    assertThat(dq.eventsReceived()).isEqualTo(6);
    assertThat(dq.unparseableDates()).isEqualTo(1);
    assertThat(dq.eventsWithoutJob()).isEqualTo(1);
    assertThat(dq.eventsUnknownJob()).isEqualTo(2);
    assertThat(dq.decisionsWithoutDone()).isEqualTo(1);
    assertThat(dq.jobsCounterMismatch()).isEqualTo(1);
    assertThat(dq.unknownStatuses()).containsExactly(Map.entry("review_completed", 1L));
    assertThat(dq.unknownActions()).containsExactly(Map.entry("teleport_image", 1L));
    assertThat(dq.activityCountMatched()).isFalse();
    assertThat(dq.notes())
        .anyMatch(n -> n.contains("day 2026-11-03 had 2 events fewer"))
        .anyMatch(n -> n.endsWith("(their figures may be missing or old): 77."));
    // 09:00 -> 09:01 -> 09:02: 120 s, the middle on an unknown job; the login is no work event.
    assertThat(labeler(r, 7).current().activeHours()).isCloseTo(120 / 3600.0, within(EPS));
    // A decision on an unknown job counts for the team and the reviewer, not for a labeler.
    assertThat(r.summary().current().accepted()).isEqualTo(1);
    assertThat(labeler(r, 7).current().accepted()).isZero();
    assertThat(r.summary().jobsByStatus())
        .containsEntry("review_completed", 1L)
        .containsEntry("in_progress", 1L);
    assertThat(job(r, 2).progress()).isNull(); // 0 images
    assertThat(job(r, 1).progress()).isEqualTo(0.5);
    assertThat(job(r, 1).untouched()).isEqualTo(1);
  }

  @Test
  void staleEtaAndReconciliationAsOfTheSnapshot() throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-11-30T12:00:00Z");
    store.job(
        10,
        "in_progress",
        7L,
        10,
        100,
        "done",
        "done",
        "accepted",
        "rejected",
        "none",
        "none",
        "none",
        "none",
        "none",
        "none"); // labeled 4, remaining 6
    store.job(11, "on_review", 8L, 1, 200, "done");
    store
        .job(12, "pending", 8L, 5, 300, "none", "none", "none", "none", "none")
        .put("createdAt", "2026-11-27T12:00:00Z"); // exactly 3 days old: not stale
    store.job(13, "completed", 7L, 1, 400, "accepted");
    store.stats(10, 700);
    store.stats(11, 100);
    // Pace of user 7: first dones in (Nov 23 12:00, Nov 30 12:00].
    store.review(7, "done", "2026-11-23T12:00:00Z", 10, 100); // on the open bound: excluded
    store.review(7, "done", "2026-11-29T10:00:00Z", 10, 101);
    store.review(7, "done", "2026-11-29T10:05:00Z", 13, 400); // any job counts
    store.review(7, "done", "2026-11-30T12:00:00Z", 10, 102); // on the closed bound: included
    // 1500 s of active time on job 10 (five gaps of 300 s), vs 700 s in jobs.stats.
    for (int i = 0; i <= 5; i++) {
      store.figure(7, "2026-11-25T08:%02d:00Z".formatted(5 * i), 10);
    }
    store.figure(8, "2026-11-27T11:59:59Z", 11); // 3 days + 1 s before the snapshot: stale
    store.write();

    MetricsResult r = engine.compute(store.layout(), MetricsParams.defaults());

    assertThat(r.params().from()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(r.params().to()).isEqualTo(LocalDate.of(2026, 11, 30));
    JobRow j10 = job(r, 10);
    assertThat(j10.labeled()).isEqualTo(4);
    assertThat(j10.progress()).isEqualTo(0.4);
    assertThat(j10.remaining()).isEqualTo(6);
    assertThat(j10.paceImagesPerDay()).isCloseTo(3 / 7.0, within(EPS));
    // 6 images at 3 per 7 days = 14 days after Nov 30 12:00.
    assertThat(j10.eta()).isEqualTo(LocalDate.of(2026, 12, 14));
    assertThat(j10.activeHours()).isCloseTo(1500 / 3600.0, within(EPS));
    assertThat(j10.statsAnnotationHours()).isCloseTo(700 / 3600.0, within(EPS));
    assertThat(j10.reconciliationFlag()).isTrue(); // 1500 > 2 x 700, both over 600 s
    assertThat(j10.stale()).isFalse();
    assertThat(j10.lastActivity()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    JobRow j11 = job(r, 11);
    assertThat(j11.stale()).isTrue();
    assertThat(j11.remaining()).isNull();
    assertThat(j11.eta()).isNull();
    assertThat(j11.reconciliationFlag()).isFalse();
    JobRow j12 = job(r, 12);
    assertThat(j12.stale()).isFalse();
    assertThat(j12.paceImagesPerDay()).isEqualTo(0.0); // user 8 finished nothing
    assertThat(j12.eta()).isNull();
    assertThat(j12.lastActivity()).isNull();
    assertThat(job(r, 13).stale()).isFalse();
    assertThat(job(r, 13).paceImagesPerDay()).isNull();
    assertThat(r.summary().staleJobs()).isEqualTo(1);
    // Team: 6 + 5 = 11 remaining at 3/7 per day = 25 2/3 days -> Dec 26 04:00 UTC.
    assertThat(r.summary().remainingImages()).isEqualTo(11);
    assertThat(r.summary().teamPaceImagesPerDay()).isCloseTo(3 / 7.0, within(EPS));
    assertThat(r.summary().teamEta()).isEqualTo(LocalDate.of(2026, 12, 26));
  }

  @Test
  void classesWeighSecondsPerLabelByLabelsAndGoThroughEachJobsLabeler() throws IOException {
    TestStore store = new TestStore(dir, 8);
    store.job(1, "completed", 7L, 2, 100);
    store.job(2, "completed", 8L, 2, 200);
    store.job(3, "completed", 7L, 2, 300);
    ObjectNode s1 = store.stats(1, 0);
    TestStore.statsClass(s1, "car", "polygon", 1, 2, 17); // avg 8
    TestStore.statsClass(s1, "tree", "bitmap", 0, 0, 0);
    ObjectNode s2 = store.stats(2, 0);
    TestStore.statsClass(s2, "car", "polygon", 2, 8, 3); // avg 0
    ObjectNode s3 = store.stats(3, 0);
    TestStore.statsClass(s3, "car", "polygon", 1, 1, 4);
    ObjectNode orphan = store.stats(99, 0);
    TestStore.statsClass(orphan, "car", "polygon", 1, 100, 100);
    store.write();

    MetricsResult r = engine.compute(store.layout(), MetricsParams.defaults());

    // car: (17 + 3 + 4) s / (2 + 8 + 1) labels; the mean of avgDuration would be 4.
    assertThat(r.classes())
        .containsExactly(
            new ClassRow("car", "polygon", 3, 11, 4, 24, 24 / 11.0),
            new ClassRow("tree", "bitmap", 1, 0, 0, 0, null));
    assertThat(r.labelerClasses())
        .containsExactly(
            new LabelerClassRow(7L, "user7", "car", "polygon", 2, 3, 2, 21, 7.0),
            new LabelerClassRow(7L, "user7", "tree", "bitmap", 1, 0, 0, 0, null),
            new LabelerClassRow(8L, "user8", "car", "polygon", 1, 8, 2, 3, 3 / 8.0));
    assertThat(r.dataQuality().notes()).anyMatch(n -> n.startsWith("1 class rows"));
  }

  @Test
  void statsInMillisecondsAreConverted() throws IOException {
    TestStore store = new TestStore(dir, 8);
    store.job(1, "completed", 7L, 1, 100);
    TestStore.statsClass(store.stats(1, 7_200_000), "car", "polygon", 1, 4, 2000);
    store.write();
    MetricsParams millis =
        new MetricsParams(
            java.util.Optional.empty(),
            ZoneId.of("UTC"),
            MetricsParams.DEFAULT_IDLE_THRESHOLD,
            3,
            java.time.temporal.ChronoUnit.MILLIS);

    MetricsResult r = engine.compute(store.layout(), millis);

    assertThat(job(r, 1).statsAnnotationHours()).isEqualTo(2.0);
    assertThat(r.classes().get(0).secondsPerLabel()).isEqualTo(0.5);
  }

  @Test
  void anEmptyStoreGivesAMostlyEmptyResultWithNotes() throws IOException {
    TestStore store = new TestStore(dir, 8);
    store.write();

    MetricsResult r = engine.compute(store.layout(), MetricsParams.defaults());

    assertThat(r.labelers()).isEmpty();
    assertThat(r.jobs()).isEmpty();
    assertThat(r.daily()).hasSize(7).allSatisfy(d -> assertThat(d.activeHours()).isZero());
    assertThat(r.summary().current().acceptanceRate()).isNull();
    assertThat(r.summary().current().imagesPerActiveHour()).isNull();
    assertThat(r.summary().current().turnaroundMedianSeconds()).isNull();
    assertThat(r.summary().teamEta()).isNull();
    assertThat(r.summary().teamPaceImagesPerDay()).isNull();
    assertThat(r.dataQuality().notes())
        .anyMatch(n -> n.contains("no jobs"))
        .anyMatch(n -> n.contains("No work events in the window"));
  }

  @Test
  void aStoreWithoutManifestSaysToPullFirst() {
    StoreLayout empty = StoreLayout.of(dir, 8);

    assertThatThrownBy(() -> engine.compute(empty, MetricsParams.defaults()))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("manifest.json is missing")
        .hasMessageContaining("labelmeter pull");
    assertThatThrownBy(() -> engine.windowActivity(empty, MetricsParams.defaults()))
        .isInstanceOf(StoreFormatException.class);
  }

  @Test
  void windowActivityStreamsEveryActionOfTheWindowInEventOrderWithoutDuplicates()
      throws IOException {
    TestStore store = new TestStore(dir, 8).snapshotAt("2026-10-27T00:00:00Z");
    store.job(1, "in_progress", 7L, 1, 100, "none");
    store.figure(7, "2026-10-24T21:59:59Z", 1); // Oct 24 in Berlin: outside
    store.add(TestStore.newEvent(7L, "login", "2026-10-24T22:00:00Z", null, null));
    store.figure(7, "2026-10-25T10:00:00Z", 1);
    store.figure(7, "2026-10-25T09:00:00+0200", 1); // 07:00Z, later line, earlier instant
    store.figure(7, "2026-10-25T10:00:00Z", 1); // duplicate
    store.figure(7, "2026-10-25T23:00:00Z", 1); // Oct 26 00:00 CET: outside
    store.write();

    List<ActivityRow> rows = new ArrayList<>();
    engine
        .windowActivity(store.layout(), window("2026-10-25", "2026-10-26", "Europe/Berlin"))
        .forEach(rows::add);

    assertThat(rows)
        .extracting(ActivityRow::date)
        .containsExactly(
            Instant.parse("2026-10-24T22:00:00Z"),
            Instant.parse("2026-10-25T07:00:00Z"),
            Instant.parse("2026-10-25T10:00:00Z"));
    assertThat(rows.get(0).action()).isEqualTo("login");
    assertThat(rows.get(0).jobId()).isNull();
    assertThat(rows.get(1).metaJson()).isEqualTo("{}");
    assertThat(rows.get(1).user()).isEqualTo("user7");
  }
}
