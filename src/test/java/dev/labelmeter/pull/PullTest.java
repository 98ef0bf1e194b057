package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.CanonicalJson;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PullTest {
  static final long TEAM = 8;
  static final Instant NIGHT_1 = Instant.parse("2026-11-30T02:00:00Z");
  static final Instant NIGHT_2 = Instant.parse("2026-12-01T02:00:00Z");
  static final Instant NIGHT_3 = Instant.parse("2026-12-02T02:00:00Z");

  @TempDir Path dataDir;
  FakeSource server;
  StoreLayout layout;

  @BeforeEach
  void team() {
    server = new FakeSource(TEAM);
    layout = StoreLayout.of(dataDir, TEAM);
    server.addJob(1, "in_progress", false);
    server.addJob(2, "completed", false);
    server.addJob(3, "stopped", true);
    server.addMember(7, "bob");
    server.addMember(9, "anna");
    server.addEvent("2026-11-28T23:59:59.999Z", 1, "a");
    server.addEvent("2026-11-29T00:00:00Z", 1, "b");
    server.addEvent("2026-11-29T10:15:00.5+02:00", 2, "c");
    server.addEvent("2026-11-29T10:15:01.123456789Z", 2, "d");
    server.addEvent("2026-11-30T01:59:59.999Z", 1, "e");
    server.addEvent("2026-10-01T00:00:00Z", 1, "before history");
  }

  PullSummary pull(Instant now) throws Exception {
    return pull(now, Checkpoint.NONE);
  }

  PullSummary pull(Instant now, Checkpoint checkpoint) throws Exception {
    return new Pull(server, options(now).concurrency(3).build(), checkpoint).run();
  }

  /** Returns the options of a pull at {@code now}, without progress display. */
  PullOptions.Builder options(Instant now) {
    return PullOptions.builder(TEAM, dataDir)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .progress(PullOptions.ProgressMode.NONE);
  }

  @Test
  void firstPullWritesEveryJobStatsMemberAndEventOfTheHistoryExactlyOnce() throws Exception {
    PullSummary summary = pull(NIGHT_1);

    StoreContents store = StoreContents.read(layout);
    assertThat(store.jobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(store.statsJobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(store.stats().get(0).path("stats").path("job").path("id").asLong())
        .isEqualTo(store.stats().get(0).path("jobId").asLong());
    assertThat(store.jobs().get(0).path("entities")).hasSize(1);
    assertThat(store.members()).extracting(m -> m.path("login").asText()).contains("bob", "anna");
    assertThat(store.days().keySet())
        .containsExactly(
            LocalDate.parse("2026-11-28"),
            LocalDate.parse("2026-11-29"),
            LocalDate.parse("2026-11-30"));
    assertThat(store.days().get(LocalDate.parse("2026-11-29")))
        .extracting(e -> e.path("image").asText())
        .containsExactlyInAnyOrder("b", "c", "d");
    assertThat(store.dayEvents())
        .extracting(e -> e.path("image").asText())
        .doesNotContain("before history");
    assertThat(summary.exitCode()).isZero();
    assertThat(summary.eventsAdded()).isEqualTo(5);
  }

  @Test
  void manifestDescribesTheSnapshotTheRangeAndEveryFile() throws Exception {
    pull(NIGHT_1);

    Manifest manifest = Manifest.read(layout).orElseThrow();
    assertThat(manifest.snapshotAt()).isEqualTo(NIGHT_1);
    assertThat(manifest.server()).isEqualTo("http://fake.invalid");
    assertThat(manifest.activity().from()).isEqualTo(NIGHT_1.minus(Duration.ofDays(35)));
    assertThat(manifest.activity().to()).isEqualTo(NIGHT_1);
    assertThat(manifest.activity().countMatched()).isTrue();
    assertThat(manifest.activity().serverTotal()).isEqualTo(5);
    assertThat(manifest.counts())
        .containsEntry("jobs", 3L)
        .containsEntry("stats", 3L)
        .containsEntry("members", 2L)
        .containsEntry("events", 5L);
    assertThat(manifest.files())
        .containsKeys(
            "jobs.jsonl.gz",
            "stats.jsonl.gz",
            "members.jsonl.gz",
            "activity/day=2026-11-29/events.jsonl.gz");
    assertThat(manifest.files().get("activity/day=2026-11-29/events.jsonl.gz").lines())
        .isEqualTo(3);
    assertThat(manifest.jobStates()).containsOnlyKeys("1", "2", "3");
    assertThat(manifest.failedJobIds()).isEmpty();
  }

  @Test
  void secondPullAddsExactlyTheNewEventsAndTheOverlapDuplicatesNothing() throws Exception {
    pull(NIGHT_1);
    server.addEvent("2026-11-30T01:30:00Z", 1, "late arrival inside the overlap");
    server.addEvent("2026-11-30T12:00:00Z", 1, "f");
    server.addEvent("2026-12-01T01:00:00Z", 2, "g");

    PullSummary second = pull(NIGHT_2);

    StoreContents store = StoreContents.read(layout);
    assertThat(second.eventsAdded()).isEqualTo(3);
    assertThat(second.activityFrom()).isEqualTo(NIGHT_1.minus(Duration.ofHours(1)));
    assertThat(store.canonicalDayEvents()).doesNotHaveDuplicates().hasSize(8);
    assertThat(store.manifest().activity().from()).isEqualTo(NIGHT_1.minus(Duration.ofDays(35)));
    assertThat(store.manifest().activity().to()).isEqualTo(NIGHT_2);
    assertThat(store.manifest().count("events")).isEqualTo(8);
  }

  @Test
  void eventsRecordedLateForStoredDaysOfTheLastWeekAreFetchedByTheNextPull() throws Exception {
    pull(NIGHT_1);
    int queriesBefore = server.calls("teams.activity");
    // Recorded by the server after the first pull, dated before the second pull's overlap.
    server.addEvent("2026-11-29T05:00:00Z", 1, "late, the day before");
    server.addEvent("2026-11-30T00:30:00Z", 1, "late, earlier the same day");
    server.addEvent("2026-11-20T12:00:00Z", 1, "late, more than 7 days before");

    PullSummary second = pull(NIGHT_2);

    StoreContents store = StoreContents.read(layout);
    assertThat(second.eventsAdded()).isEqualTo(2);
    assertThat(store.dayEvents())
        .extracting(e -> e.get("image").asText())
        .contains("late, the day before", "late, earlier the same day")
        .doesNotContain("late, more than 7 days before")
        .hasSize(7);
    // Counted: the 8 days from 2026-11-23 to the day the range starts, 2026-11-30.
    assertThat(server.calls("teams.activity count")).isEqualTo(8);
    // Pages of 3 fetched: the range's 2 days (1 page each), then again the 2 days whose count
    // grew: 2026-11-29 with 4 events (2 pages) and 2026-11-30 with 2 (1 page).
    assertThat(server.calls("teams.activity") - queriesBefore).isEqualTo(5);
    assertThat(store.manifest().activity().serverTotal()).isEqualTo(1); // the range: "e" alone
    assertThat(store.manifest().warnings()).isEmpty();
  }

  @Test
  void storedDaysThatCannotBeCountedAreNamedInTheManifestAndTheNextPullChecksThem()
      throws Exception {
    pull(NIGHT_1);
    server.addEvent("2026-11-29T05:00:00Z", 1, "late, the day before");
    server.countsFail = true;

    PullSummary second = pull(NIGHT_2);

    assertThat(second.complete()).isTrue();
    assertThat(second.missing()).isEmpty();
    assertThat(StoreContents.read(layout).manifest().warnings())
        .anyMatch(w -> w.startsWith("activity of 2026-11-29 could not be counted"))
        .hasSize(8);
    assertThat(StoreContents.read(layout).dayEvents())
        .extracting(e -> e.get("image").asText())
        .doesNotContain("late, the day before");

    server.countsFail = false;
    pull(NIGHT_3);

    assertThat(StoreContents.read(layout).manifest().warnings()).isEmpty();
    assertThat(StoreContents.read(layout).dayEvents())
        .extracting(e -> e.get("image").asText())
        .contains("late, the day before");
  }

  @Test
  void aRecheckOfZeroComparesNoStoredDay() throws Exception {
    pull(NIGHT_1);
    server.addEvent("2026-11-29T05:00:00Z", 1, "late, the day before");

    PullOptions options =
        PullOptions.builder(TEAM, dataDir)
            .clock(Clock.fixed(NIGHT_2, ZoneOffset.UTC))
            .recheck(Duration.ZERO)
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    PullSummary second = new Pull(server, options).run();

    assertThat(second.eventsAdded()).isZero();
    assertThat(server.calls("teams.activity count")).isZero();
  }

  @Test
  void closedJobsUnchangedSinceTheLastPullAreNotFetchedAgainButKept() throws Exception {
    pull(NIGHT_1);
    int infosBefore = server.calls("jobs.info");

    PullSummary second = pull(NIGHT_2);

    assertThat(server.calls("jobs.info") - infosBefore).isEqualTo(1); // only the open job 1
    assertThat(second.jobsCarriedOver()).isEqualTo(2);
    assertThat(second.jobsFetched()).isEqualTo(1);
    StoreContents store = StoreContents.read(layout);
    assertThat(store.jobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(store.statsJobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
  }

  @Test
  void aClosedJobWhoseListObjectChangedIsFetchedAgain() throws Exception {
    pull(NIGHT_1);
    server.jobs.get(1).put("finishedImagesCount", 5);
    int infosBefore = server.calls("jobs.info");

    PullSummary second = pull(NIGHT_2);

    assertThat(server.calls("jobs.info") - infosBefore).isEqualTo(2);
    assertThat(second.jobsCarriedOver()).isEqualTo(1);
    StoreContents store = StoreContents.read(layout);
    assertThat(store.jobs())
        .filteredOn(j -> j.path("id").asLong() == 2)
        .extracting(j -> j.path("finishedImagesCount").asInt())
        .containsExactly(5);
  }

  @Test
  void aJobThatKeepsFailingIsRecordedKeepsItsPreviousLinesAndTheRestIsWritten() throws Exception {
    pull(NIGHT_1);
    server.jobs.get(0).put("finishedImagesCount", 2);
    server.failingJobs.add(1L);
    server.addEvent("2026-11-30T12:00:00Z", 2, "f");

    PullSummary second = pull(NIGHT_2);

    assertThat(second.failedJobIds()).containsExactly(1L);
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.missing()).hasValue("1 job (id 1)");
    StoreContents store = StoreContents.read(layout);
    assertThat(store.manifest().failedJobIds()).containsExactly(1L);
    assertThat(store.manifest().jobStates()).doesNotContainKey("1");
    assertThat(store.manifest().warnings()).anyMatch(w -> w.contains("job 1"));
    assertThat(store.jobs())
        .filteredOn(j -> j.path("id").asLong() == 1)
        .extracting(j -> j.path("finishedImagesCount").asInt())
        .containsExactly(0);
    assertThat(store.statsJobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(store.manifest().count("events")).isEqualTo(6);
  }

  @Test
  void eventsWhoseDateDoesNotParseAreKeptOnceOutsideTheDayPartitions() throws Exception {
    server.addEvent("yesterday", 1, "x");
    server.addEvent("2026-11-29T10:00:00", 1, "no offset");

    PullSummary summary = pull(NIGHT_1);

    StoreContents store = StoreContents.read(layout);
    assertThat(store.undated())
        .extracting(e -> e.path("image").asText())
        .containsExactlyInAnyOrder("x", "no offset");
    assertThat(summary.undatedEvents()).isEqualTo(2);
    assertThat(store.manifest().count("undatedEvents")).isEqualTo(2);
    assertThat(store.manifest().count("events")).isEqualTo(5);
    assertThat(layout.activityDays()).hasSize(3);
  }

  @Test
  void aCountThatStillDisagreesAfterOneMoreFetchIsAWarning() throws Exception {
    server.extraTotal = 1;

    PullSummary summary = pull(NIGHT_1);

    Manifest manifest = Manifest.read(layout).orElseThrow();
    assertThat(manifest.activity().countMatched()).isFalse();
    assertThat(summary.countMatched()).isFalse();
    assertThat(manifest.warnings()).anyMatch(w -> w.contains("also after fetching the day again"));
    assertThat(summary.exitCode()).isZero();
    assertThat(StoreContents.read(layout).canonicalDayEvents()).doesNotHaveDuplicates().hasSize(5);
  }

  @Test
  void aPullThatDiesWhilePagingLeavesThePreviousStoreAndTheNextPullCompletesIt() throws Exception {
    pull(NIGHT_1);
    byte[] manifestBefore = Files.readAllBytes(layout.manifest());
    server.addEvent("2026-11-30T12:00:00Z", 1, "f");
    server.failAfterActivityPages = 1;

    assertThatThrownBy(() -> pull(NIGHT_2)).hasMessageContaining("injected crash");

    assertThat(Files.readAllBytes(layout.manifest())).isEqualTo(manifestBefore);
    assertThat(StoreContents.read(layout).canonicalDayEvents()).hasSize(5);
    assertThat(leftoverFiles()).isEmpty();
    server.failAfterActivityPages = -1;
    pull(NIGHT_2);
    assertThat(StoreContents.read(layout).canonicalDayEvents()).doesNotHaveDuplicates().hasSize(6);
  }

  @Test
  void aDiskThatFillsUpNamesTheStoreAndNoJobCancelledByItIsReportedAsFailed() throws Exception {
    pull(NIGHT_1);
    byte[] manifestBefore = Files.readAllBytes(layout.manifest());
    server.addEvent("2026-11-30T12:00:00Z", 1, "f");
    server.onJobInfo = jobId -> waitUntilCancelled();
    Checkpoint diskFull =
        what -> {
          if (what.startsWith("wrote activity/")) {
            throw new IOException("No space left on device");
          }
        };
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger jobsLogger = (Logger) LoggerFactory.getLogger(JobsStep.class);
    jobsLogger.addAppender(logs);

    try {
      assertThatThrownBy(() -> pull(NIGHT_2, diskFull))
          .isInstanceOf(PullStoreException.class)
          .hasMessage(
              "the pull of team 8 stopped on its store in "
                  + layout.teamDir().toAbsolutePath()
                  + ": No space left on device")
          .satisfies(e -> assertThat(((PullStoreException) e).hadManifest()).isTrue());
    } finally {
      jobsLogger.detachAppender(logs);
    }

    assertThat(logs.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    assertThat(Files.readAllBytes(layout.manifest())).isEqualTo(manifestBefore);
    assertThat(leftoverFiles()).isEmpty();
  }

  /** Blocks like a server call until the pull cancels its tasks, then fails as the client does. */
  private static void waitUntilCancelled() {
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(
          SourceException.Kind.FAILED, null, "Interrupted while calling jobs.info", e);
    }
  }

  @Test
  void aDamagedDayPartitionStopsThePullNamingItAndAPullSinceThatDayAfterDeletingItRestoresIt()
      throws Exception {
    pull(NIGHT_1);
    Path partition = layout.activityDay(LocalDate.parse("2026-11-29"));
    List<String> before = StoreContents.read(layout).canonicalDayEvents();
    Files.writeString(partition, "not gzip\n");

    assertThatThrownBy(() -> pull(NIGHT_2))
        .isInstanceOf(PullStoreException.class)
        .hasRootCauseInstanceOf(java.util.zip.ZipException.class)
        .hasMessageContaining(partition.toAbsolutePath() + " is damaged");

    Files.delete(partition);
    PullSummary summary = pullSince(NIGHT_2, "2026-11-29T00:00:00Z");
    assertThat(summary.exitCode()).isZero();
    assertThat(StoreContents.read(layout).canonicalDayEvents())
        .doesNotHaveDuplicates()
        .containsAll(before);
    assertThat(Manifest.read(layout).orElseThrow().activity().from())
        .isEqualTo(Instant.parse("2026-10-26T02:00:00Z"));
  }

  @Test
  void aFirstPullWithSinceStoppedBeforeItsManifestIsCompletedByAPlainPullFromItsFirstStoredDay()
      throws Exception {
    Checkpoint diesAfterTheOldDay =
        what -> {
          if (what.contains("day=2026-10-01")) {
            throw new IOException("killed after " + what);
          }
        };
    PullOptions since = options(NIGHT_1).since(Instant.parse("2026-09-20T00:00:00Z")).build();
    assertThatThrownBy(() -> new Pull(server, since, diesAfterTheOldDay).run())
        .hasMessageContaining("killed after");
    assertThat(Manifest.read(layout)).isEmpty();

    PullSummary summary = pull(NIGHT_1);

    StoreContents store = StoreContents.read(layout);
    assertThat(summary.exitCode()).isZero();
    assertThat(store.manifest().activity().from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(store.dayEvents())
        .extracting(e -> e.path("image").asText())
        .containsExactlyInAnyOrder("before history", "a", "b", "c", "d", "e");
    assertThat(store.manifest().count("events")).isEqualTo(6);
  }

  PullSummary pullSince(Instant now, String since) throws Exception {
    return new Pull(server, options(now).since(Instant.parse(since)).build()).run();
  }

  @Test
  void aPullStoppedBetweenAnyTwoFileMovesLeavesAReadableStoreAndTheNextPullCompletesIt()
      throws Exception {
    int stopAt = 0;
    while (true) {
      stopAt++;
      Leftovers.deleteTree(dataDir.resolve(Long.toString(TEAM)));
      server = new FakeSource(TEAM);
      team();
      pull(NIGHT_1);
      server.addEvent("2026-11-30T12:00:00Z", 1, "f");
      server.addEvent("2026-12-01T00:30:00Z", 1, "g");
      server.jobs.get(0).put("finishedImagesCount", 3);
      java.util.concurrent.atomic.AtomicInteger reached =
          new java.util.concurrent.atomic.AtomicInteger();
      int limit = stopAt;
      Checkpoint dies =
          what -> {
            if (reached.incrementAndGet() == limit) {
              throw new IOException("killed after " + what);
            }
          };

      try {
        pull(NIGHT_2, dies);
        break; // the pull passed fewer checkpoints than stopAt: every stop was tried
      } catch (IOException e) {
        assertThat(e).hasMessageContaining("killed after");
      }

      StoreContents afterCrash = StoreContents.read(layout);
      assertThat(afterCrash.canonicalDayEvents()).doesNotHaveDuplicates();
      assertThat(afterCrash.jobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
      pull(NIGHT_2);
      StoreContents done = StoreContents.read(layout);
      assertThat(done.canonicalDayEvents())
          .as("stopped at %d", stopAt)
          .doesNotHaveDuplicates()
          .hasSize(7);
      assertThat(done.manifest().count("events")).isEqualTo(7);
      assertThat(done.manifest().activity().to()).isEqualTo(NIGHT_2);
      assertThat(done.jobs())
          .filteredOn(j -> j.path("id").asLong() == 1)
          .extracting(j -> j.path("finishedImagesCount").asInt())
          .containsExactly(3);
    }
    assertThat(stopAt).as("checkpoints: 2 days, jobs, members, manifest").isEqualTo(6);
  }

  @Test
  void everyEventOfTheServerIsInTheStoreExactlyOnceAcrossManyPages() throws Exception {
    for (int i = 0; i < 200; i++) {
      server.addEvent(NIGHT_1.minus(Duration.ofMinutes(37L * i)).toString(), i % 3 + 1, "i" + i);
    }
    server.pageSize = 7;

    pull(NIGHT_1);

    List<String> expected =
        server.events.stream()
            .filter(e -> !e.path("image").asText().equals("before history"))
            .map(CanonicalJson::canonical)
            .toList();
    assertThat(StoreContents.read(layout).canonicalDayEvents())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void unknownTeamIsAOneLineMessageAndNothingIsWritten() {
    PullOptions options =
        PullOptions.builder(99, dataDir.resolve("new"))
            .progress(PullOptions.ProgressMode.NONE)
            .build();

    assertThatThrownBy(() -> new Pull(server, options).run())
        .isInstanceOf(PullException.class)
        .hasMessageContaining("team 99 does not exist on http://fake.invalid")
        .hasMessageNotContaining("\n")
        .extracting(e -> ((PullException) e).reason())
        .isEqualTo(PullException.Reason.UNKNOWN_TEAM);
    assertThat(dataDir.resolve("new")).doesNotExist();
  }

  @Test
  void aRefusedTokenAndAnUnreachableServerSayWhatToCheck() {
    PullOptions options =
        PullOptions.builder(TEAM, dataDir.resolve("new"))
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    server.teamFailure =
        new SourceException(SourceException.Kind.REFUSED, 401, "401 Unauthorized", null);
    assertThatThrownBy(() -> new Pull(server, options).run())
        .hasMessageContaining("refused the API token (HTTP 401): check API_TOKEN");

    server.teamFailure =
        new SourceException(SourceException.Kind.UNREACHABLE, null, "connection refused", null);
    assertThatThrownBy(() -> new Pull(server, options).run())
        .hasMessageContaining("cannot reach the server at http://fake.invalid")
        .hasMessageContaining("check the scheme, host and port of the server address");
    assertThat(dataDir.resolve("new")).doesNotExist();
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsRefusedBeforeTheServerIsAsked() throws IOException {
    Path file = Files.writeString(dataDir.resolve("a-file"), "x");
    PullOptions options =
        PullOptions.builder(TEAM, file.resolve("data"))
            .progress(PullOptions.ProgressMode.NONE)
            .build();

    assertThatThrownBy(() -> new Pull(server, options).run())
        .hasMessageContaining("a-file is a file, not a directory")
        .hasMessageContaining("choose a writable data directory");
    assertThat(server.calls("teams.info")).isZero();
  }

  @Test
  void aFarSinceCountsStretchesOfAMonthAndFetchesOnlyTheDaysOfThoseWithEvents() throws Exception {
    server.addEvent("2026-01-15T08:00:00Z", 1, "january");
    // 2025-10-25 .. 2026-11-30 is 402 days: 12 stretches of 31 days and one of 30. Events lie in
    // the 3rd (January 2026), the 12th (2026-10-01) and the 13th (2026-11-28 .. 30).

    PullSummary summary = pullSince(NIGHT_1, "2025-10-25T00:00:00Z");

    assertThat(server.calls("teams.activity count")).isEqualTo(13);
    assertThat(server.calls("teams.activity")).isEqualTo(31 + 31 + 30);
    StoreContents store = StoreContents.read(layout);
    assertThat(store.dayEvents())
        .extracting(e -> e.path("image").asText())
        .containsExactlyInAnyOrder("january", "before history", "a", "b", "c", "d", "e");
    assertThat(store.manifest().activity().from()).isEqualTo(Instant.parse("2025-10-25T00:00:00Z"));
    assertThat(store.manifest().activity().serverTotal()).isEqualTo(7);
    assertThat(summary.exitCode()).isZero();
  }

  @Test
  void aFarSinceWhoseCountsFailFetchesEveryDay() throws Exception {
    server.countsFail = true;

    PullSummary summary = pullSince(NIGHT_1, "2025-10-25T00:00:00Z");

    assertThat(server.calls("teams.activity")).isEqualTo(402);
    assertThat(StoreContents.read(layout).dayEvents()).hasSize(6);
    assertThat(summary.exitCode()).isZero();
  }

  @Test
  void aSinceAfterTheLastPullStartsWhereAnIncrementalPullWouldSoTheStoreStaysWhole()
      throws Exception {
    pull(NIGHT_1);
    server.addEvent("2026-11-30T12:00:00Z", 1, "between the last pull and the since");
    server.addEvent("2026-12-01T01:00:00Z", 1, "after the since");

    PullSummary second = pullSince(NIGHT_2, "2026-12-01T00:00:00Z");

    StoreContents store = StoreContents.read(layout);
    assertThat(second.activityFrom()).isEqualTo(NIGHT_1.minus(Duration.ofHours(1)));
    assertThat(store.dayEvents())
        .extracting(e -> e.path("image").asText())
        .contains("between the last pull and the since", "after the since");
    assertThat(store.manifest().activity().from()).isEqualTo(NIGHT_1.minus(Duration.ofDays(35)));
  }

  @Test
  void aServerThatStopsAnsweringIsAskedOnceAndThePullEndsKeepingTheStore() throws Exception {
    pull(NIGHT_1);
    server.downAfterTeamInfo = true;
    PullSummary second = new Pull(server, options(NIGHT_2).concurrency(1).build()).run();

    assertThat(server.calls("while down")).isEqualTo(1);
    assertThat(second.exitCode()).isNotZero();
    assertThat(second.oneLine())
        .contains(
            "job list not fetched (the previous jobs kept)",
            "members not fetched (the previous list kept)");
    StoreContents store = StoreContents.read(layout);
    assertThat(store.jobIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(store.members()).hasSize(2);
    assertThat(store.canonicalDayEvents()).hasSize(5);
    assertThat(store.manifest().warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("the server stopped answering during the pull (Lost the connection")
                    .contains("calls after that were not made")
                    .endsWith("and what is missing comes with the next pull"));
  }

  @Test
  void manyFailedJobsAreNamedInShortAndKeepTheManifestSmall() throws Exception {
    for (long id = 101; id <= 125; id++) {
      server.addJob(id, "in_progress", false);
      server.failingJobs.add(id);
    }

    PullSummary summary = pull(NIGHT_1);

    Manifest manifest = Manifest.read(layout).orElseThrow();
    assertThat(manifest.failedJobIds()).hasSize(25);
    assertThat(summary.missing())
        .hasValue(
            "25 jobs (ids 101, 102, 103, 104, 105, 106, 107, 108, 109, 110 and 15 more, all in"
                + " the manifest's failedJobIds)");
    assertThat(manifest.warnings().stream().filter(w -> w.startsWith("job 1")))
        .hasSize(Tasks.MAX_WARNINGS);
    assertThat(manifest.warnings()).contains("... and 5 more warnings about jobs like those above");
  }

  @Test
  void aPullFromAnotherAddressThanTheStoresWarnsThatTheStoreMayMixTwoServers() throws Exception {
    pull(NIGHT_1);
    server.address = "https://other.example";

    PullSummary second = pull(NIGHT_2);

    assertThat(second.warnings())
        .contains(
            "the store was pulled from http://fake.invalid and this pull is from"
                + " https://other.example: if that is another server, this store now mixes both;"
                + " give each server a data directory of its own (--data-dir)");
    assertThat(pull(NIGHT_2.plusSeconds(60)).warnings()).noneMatch(w -> w.contains("pulled from"));
  }

  @Test
  void aDayPartitionDeletedByHandInsideTheRecheckIsFetchedAgainByTheNextPull() throws Exception {
    pull(NIGHT_1);
    Files.delete(layout.activityDay(LocalDate.parse("2026-11-29")));

    pull(NIGHT_2);

    assertThat(StoreContents.read(layout).days().get(LocalDate.parse("2026-11-29")))
        .extracting(e -> e.path("image").asText())
        .containsExactlyInAnyOrder("b", "c", "d");
  }

  @Test
  void aSinceInTheFutureIsRefusedAlsoWhenAStoreExists() throws Exception {
    pull(NIGHT_1);

    assertThatThrownBy(() -> pullSince(NIGHT_2, "2026-12-01T02:00:01Z"))
        .hasMessageContaining("is after now")
        .extracting(e -> ((PullException) e).reason())
        .isEqualTo(PullException.Reason.BAD_OPTION);
  }

  @Test
  void aStartInTheFutureIsRefused() {
    PullOptions options =
        PullOptions.builder(TEAM, dataDir)
            .clock(Clock.fixed(NIGHT_1, ZoneOffset.UTC))
            .since(NIGHT_2)
            .progress(PullOptions.ProgressMode.NONE)
            .build();

    assertThatThrownBy(() -> new Pull(server, options).run())
        .hasMessageContaining("after now")
        .extracting(e -> ((PullException) e).reason())
        .isEqualTo(PullException.Reason.BAD_OPTION);
    assertThat(layout.teamDir()).doesNotExist();
  }

  @Test
  void optionsOutOfRangeNameTheValue() {
    assertThatThrownBy(() -> PullOptions.builder(TEAM, dataDir).concurrency(0).build())
        .hasMessage("concurrency must be between 1 and 64, got 0");
    assertThatThrownBy(() -> PullOptions.builder(0, dataDir).build())
        .hasMessage("team id must be positive, got 0");
    assertThatThrownBy(
            () -> PullOptions.builder(TEAM, dataDir).history(Duration.ofDays(3651)).build())
        .hasMessage("history must be at most 3650 days, got 3651");
    assertThatThrownBy(
            () ->
                PullOptions.builder(TEAM, dataDir)
                    .since(Instant.parse("1999-12-31T23:59:59Z"))
                    .build())
        .hasMessage("since must be 2000-01-01T00:00:00Z or later, got 1999-12-31T23:59:59Z");
  }

  private List<Path> leftoverFiles() throws IOException {
    try (Stream<Path> files = Files.walk(layout.teamDir())) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith(".staging-")
                      || p.getFileName().toString().endsWith(".tmp"))
          .toList();
    }
  }

  static ObjectNode copy(JsonNode node) {
    return node.deepCopy();
  }
}
