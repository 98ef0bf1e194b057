package dev.labelmeter.metrics.tablesaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.metrics.tablesaw.RawTeam.Event;
import dev.labelmeter.metrics.tablesaw.RawTeam.Job;
import dev.labelmeter.simulator.SnapshotWriter;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the engine on the simulator's teams ({@code small} with three seeds, {@code
 * medium} once), each checked against figures computed independently from the raw store files
 * ({@link RawTeam}) or against the simulator's own ground truth, over several zones, windows and
 * idle thresholds.
 */
class GeneratedTeamPropertyTest {
  /** Two days after Europe/Berlin and three weeks after America/New_York start summer time. */
  private static final Instant NOW = Instant.parse("2026-03-31T09:00:00Z");

  private static final double RELATIVE = 1e-9;

  @TempDir static Path dataDir;

  private static final Map<String, Team> TEAMS = new ConcurrentHashMap<>();
  private static final Map<Case, MetricsResult> RESULTS = new ConcurrentHashMap<>();

  private record Team(StoreTables tables, RawTeam raw) {}

  /** One team and one set of parameters. */
  record Case(TeamSize size, long seed, String zone, long thresholdSeconds, DateWindow window) {
    MetricsParams params() {
      MetricsParams params =
          MetricsParams.defaults()
              .withZone(ZoneId.of(zone))
              .withIdleThreshold(Duration.ofSeconds(thresholdSeconds));
      return window == null ? params : params.withWindow(window);
    }

    DateWindow resolvedWindow() {
      return params().resolveWindow(NOW);
    }

    long startMicros() {
      return RawTeam.micros(resolvedWindow().from(), ZoneId.of(zone));
    }

    long endMicros() {
      return RawTeam.micros(resolvedWindow().to(), ZoneId.of(zone));
    }

    long thresholdMicros() {
      return thresholdSeconds * 1_000_000L;
    }

    LocalDate dateOf(long micros) {
      return Instant.EPOCH.plusNanos(micros * 1000).atZone(ZoneId.of(zone)).toLocalDate();
    }

    @Override
    public String toString() {
      return size.label()
          + " seed "
          + seed
          + ", "
          + zone
          + ", T "
          + thresholdSeconds
          + " s, "
          + resolvedWindow();
    }
  }

  static Stream<Case> cases() {
    Stream<Case> small = Stream.of(1L, 2L, 3L).flatMap(seed -> parameterSets(TeamSize.SMALL, seed));
    return Stream.concat(small, parameterSets(TeamSize.MEDIUM, 7));
  }

  private static Stream<Case> parameterSets(TeamSize size, long seed) {
    LocalDate today = LocalDate.of(2026, 3, 31);
    return Stream.of(
        new Case(size, seed, "UTC", 300, null),
        new Case(size, seed, "Europe/Berlin", 60, new DateWindow(today.minusDays(6), today)),
        new Case(
            size,
            seed,
            "America/New_York",
            900,
            new DateWindow(today.minusDays(3), today.plusDays(1))),
        new Case(size, seed, "Asia/Kolkata", 100, new DateWindow(today.minusDays(1), today)));
  }

  private static Team team(Case c) {
    return TEAMS.computeIfAbsent(
        c.size().label() + "/" + c.seed(),
        key -> {
          try {
            Manifest manifest = SnapshotWriter.write(c.size(), c.seed(), NOW, dataDir);
            StoreLayout layout = StoreLayout.of(dataDir, manifest.teamId());
            return new Team(TablesawEngine.load(layout), RawTeam.read(layout));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static MetricsResult result(Case c) {
    return RESULTS.computeIfAbsent(c, k -> TablesawEngine.compute(team(k).tables(), k.params()));
  }

  // ---- active time

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void activeTimeEqualsAnIndependentSumOfGapsAndNeverExceedsTheUsersSpanPlusOneThreshold(Case c) {
    MetricsResult r = result(c);
    Gaps gaps = Gaps.of(team(c).raw(), c);
    Map<Long, long[]> spans = windowSpans(team(c).raw(), c);

    assertThat(r.labelers())
        .extracting(LabelerRow::userId)
        .containsExactlyInAnyOrderElementsOf(expectedLabelers(c));
    for (LabelerRow labeler : r.labelers()) {
      long[] span = spans.get(labeler.userId());
      double bound = span == null ? 0 : hours(span[1] - span[0] + c.thresholdMicros());
      double active = labeler.current().activeHours();
      assertThat(active).as("user %d", labeler.userId()).isLessThanOrEqualTo(bound + 1e-12);
      assertHours(active, hours(gaps.userTotal(labeler.userId())), "user " + labeler.userId());
      assertThat(labeler.current().sessions())
          .as("sessions of user %d", labeler.userId())
          .isEqualTo(gaps.sessions.getOrDefault(labeler.userId(), 0L));
    }
    assertHours(r.summary().current().teamActiveHours(), hours(gaps.teamTotal()), "team");
    assertThat(gaps.teamTotal()).as("every window of these cases has work").isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void activeTimeGrowsWithTheThresholdAndJobHoursStayWithinAllTimeSpans(Case c) {
    MetricsResult r = result(c);
    TeamFigures team = r.summary().current();

    if (c.thresholdSeconds() >= 100) {
      assertThat(team.activeHoursAt100s()).isLessThanOrEqualTo(team.teamActiveHours());
    }
    if (c.thresholdSeconds() <= 900) {
      assertThat(team.teamActiveHours()).isLessThanOrEqualTo(team.activeHoursAt900s());
    }
    Map<Long, long[]> allTime = spans(team(c).raw(), Long.MIN_VALUE, Long.MAX_VALUE);
    double spanHours = allTime.values().stream().mapToDouble(s -> hours(s[1] - s[0])).sum();
    double jobHours = r.jobs().stream().mapToDouble(JobRow::activeHours).sum();
    assertThat(jobHours).isPositive().isLessThanOrEqualTo(spanHours);
  }

  /** Active microseconds per user and window date, and sessions started in the window. */
  private record Gaps(Map<Long, Map<LocalDate, Long>> byUserDate, Map<Long, Long> sessions) {
    static Gaps of(RawTeam raw, Case c) {
      Map<Long, Map<LocalDate, Long>> active = new HashMap<>();
      Map<Long, Long> sessions = new HashMap<>();
      Map<Long, Long> last = new HashMap<>();
      DateWindow window = c.resolvedWindow();
      for (Event e : raw.events()) {
        if (!e.isWork() || e.userId() == null) {
          continue;
        }
        Long previous = last.put(e.userId(), e.micros());
        LocalDate date = c.dateOf(e.micros());
        if (!window.contains(date)) {
          continue;
        }
        if (previous != null && e.micros() - previous <= c.thresholdMicros()) {
          active
              .computeIfAbsent(e.userId(), u -> new TreeMap<>())
              .merge(date, e.micros() - previous, Long::sum);
        } else {
          sessions.merge(e.userId(), 1L, Long::sum);
        }
      }
      return new Gaps(active, sessions);
    }

    long userTotal(long userId) {
      return byUserDate.getOrDefault(userId, Map.of()).values().stream().mapToLong(l -> l).sum();
    }

    long teamTotal() {
      return byUserDate.keySet().stream().mapToLong(this::userTotal).sum();
    }
  }

  /** Returns users with a work event in the window and labelers of jobs decided in the window. */
  private static Set<Long> expectedLabelers(Case c) {
    RawTeam raw = team(c).raw();
    Set<Long> users = new HashSet<>();
    for (Event e : raw.events()) {
      if (e.isWork() && e.in(c.startMicros(), c.endMicros())) {
        if (e.userId() != null) {
          users.add(e.userId());
        }
        Job job = raw.jobs().get(e.jobId());
        if (isDecision(e) && job != null && job.labelerId() != null) {
          users.add(job.labelerId());
        }
      }
    }
    return users;
  }

  private static Map<Long, long[]> windowSpans(RawTeam raw, Case c) {
    return spans(raw, c.startMicros(), c.endMicros());
  }

  /** Returns per user the first and last instant of work events in [start, end). */
  private static Map<Long, long[]> spans(RawTeam raw, long start, long end) {
    Map<Long, long[]> spans = new HashMap<>();
    for (Event e : raw.events()) {
      if (e.isWork() && e.userId() != null && e.in(start, end)) {
        long[] s = spans.computeIfAbsent(e.userId(), u -> new long[] {e.micros(), e.micros()});
        s[0] = Math.min(s[0], e.micros());
        s[1] = Math.max(s[1], e.micros());
      }
    }
    return spans;
  }

  // ---- images finished

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void imagesFinishedPerJobNeverExceedTheJobsImagesAndEqualTheLabeledEntities(Case c) {
    MetricsResult r = result(c);
    Map<Long, Long> finishedByEngine =
        TablesawEngine.eventPass(
                team(c).tables(), c.params(), new WindowCalendar(c.resolvedWindow(), zone(c)))
            .imagesFinishedByJob();
    Map<Long, Long> doneImages = new HashMap<>();
    firstDone(team(c).raw(), false)
        .keySet()
        .forEach(k -> doneImages.merge(k.get(0), 1L, Long::sum));

    assertThat(r.jobs()).isNotEmpty();
    for (JobRow job : r.jobs()) {
      long done = doneImages.getOrDefault(job.id(), 0L);
      assertThat(finishedByEngine.getOrDefault(job.id(), 0L))
          .as("job %d", job.id())
          .isEqualTo(done);
      assertThat(done).as("job %d", job.id()).isLessThanOrEqualTo(job.images());
      // The simulator writes one done per finished image, and entities only move on from done.
      assertThat(job.labeled()).as("job %d", job.id()).isEqualTo(done);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void imagesFinishedInTheWindowEqualFirstDonesCountedFromTheRawEvents(Case c) {
    MetricsResult r = result(c);
    Map<LocalDate, Long> teamByDate = new TreeMap<>();
    firstDone(team(c).raw(), false).values().stream()
        .filter(t -> t >= c.startMicros() && t < c.endMicros())
        .forEach(t -> teamByDate.merge(c.dateOf(t), 1L, Long::sum));
    Map<Long, Long> byUser = new HashMap<>();
    firstDone(team(c).raw(), true)
        .forEach(
            (key, t) -> {
              if (t >= c.startMicros() && t < c.endMicros()) {
                byUser.merge(key.get(2), 1L, Long::sum);
              }
            });

    long teamTotal = teamByDate.values().stream().mapToLong(l -> l).sum();
    assertThat(r.summary().current().teamImagesFinished()).isEqualTo(teamTotal);
    for (DailyRow day : r.daily()) {
      assertThat(day.imagesFinished())
          .as("%s", day.date())
          .isEqualTo(teamByDate.getOrDefault(day.date(), 0L));
    }
    for (LabelerRow labeler : r.labelers()) {
      assertThat(labeler.current().imagesFinished())
          .as("user %d", labeler.userId())
          .isEqualTo(byUser.getOrDefault(labeler.userId(), 0L));
    }
    if (c.size() == TeamSize.MEDIUM && c.window() == null) {
      assertThat(teamTotal).as("the default window of the medium team has work").isPositive();
    }
  }

  /**
   * Returns the instant of the first {@code done} per [job, image], or per [job, image, user] when
   * {@code perUser}.
   */
  private static Map<List<Long>, Long> firstDone(RawTeam raw, boolean perUser) {
    Map<List<Long>, Long> first = new HashMap<>();
    for (Event e : raw.events()) {
      if (e.isWork() && e.isReview("done") && e.imageId() != null) {
        if (perUser && e.userId() == null) {
          continue;
        }
        List<Long> key =
            perUser ? List.of(e.jobId(), e.imageId(), e.userId()) : List.of(e.jobId(), e.imageId());
        first.merge(key, e.micros(), Math::min);
      }
    }
    return first;
  }

  // ---- daily trend and heatmap

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dailyRowsAndHeatmapRowsAddUpToTheWindowTotals(Case c) {
    MetricsResult r = result(c);
    TeamFigures team = r.summary().current();
    List<DailyRow> daily = r.daily();
    Gaps gaps = Gaps.of(team(c).raw(), c);

    assertThat(daily).extracting(DailyRow::date).isEqualTo(c.resolvedWindow().dates());
    assertHours(sum(daily, DailyRow::activeHours), team.teamActiveHours(), "daily active");
    assertHours(sum(daily, DailyRow::platformHours), team.teamPlatformHours(), "daily platform");
    assertThat(daily.stream().mapToLong(DailyRow::imagesFinished).sum())
        .isEqualTo(team.teamImagesFinished());
    assertThat(daily.stream().mapToLong(DailyRow::objectsCreated).sum())
        .isEqualTo(team.teamObjectsCreated());
    assertThat(daily.stream().mapToLong(DailyRow::accepted).sum()).isEqualTo(team.accepted());
    assertThat(daily.stream().mapToLong(DailyRow::rejected).sum()).isEqualTo(team.rejected());
    assertThat(daily.stream().mapToLong(DailyRow::activeUsers).max().orElse(0))
        .isLessThanOrEqualTo(team.activeUsers());

    Heatmap heatmap = r.heatmap();
    assertThat(heatmap.dates()).isEqualTo(c.resolvedWindow().dates());
    assertThat(heatmap.rows()).hasSameSizeAs(r.labelers());
    for (int i = 0; i < r.labelers().size(); i++) {
      LabelerRow labeler = r.labelers().get(i);
      Heatmap.HeatmapRow row = heatmap.rows().get(i);
      assertThat(row.userId()).isEqualTo(labeler.userId());
      assertHours(
          sum(row.activeHours(), h -> h),
          labeler.current().activeHours(),
          "heatmap " + row.userId());
      Map<LocalDate, Long> expected = gaps.byUserDate().getOrDefault(row.userId(), Map.of());
      for (int d = 0; d < heatmap.dates().size(); d++) {
        LocalDate date = heatmap.dates().get(d);
        assertHours(
            row.activeHours().get(d),
            hours(expected.getOrDefault(date, 0L)),
            "heatmap " + row.userId() + " " + date);
      }
    }
  }

  // ---- reviews

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decisionsInTheWindowEqualTheRawReviewEvents(Case c) {
    MetricsResult r = result(c);
    RawTeam raw = team(c).raw();
    long accepted = 0;
    long rejected = 0;
    Map<Long, long[]> byLabeler = new HashMap<>();
    for (Event e : raw.events()) {
      if (e.isWork() && isDecision(e) && e.in(c.startMicros(), c.endMicros())) {
        boolean yes = e.isReview("accepted");
        accepted += yes ? 1 : 0;
        rejected += yes ? 0 : 1;
        Job job = raw.jobs().get(e.jobId());
        if (job != null && job.labelerId() != null) {
          byLabeler.computeIfAbsent(job.labelerId(), u -> new long[2])[yes ? 0 : 1]++;
        }
      }
    }

    assertThat(r.summary().current().accepted()).isEqualTo(accepted);
    assertThat(r.summary().current().rejected()).isEqualTo(rejected);
    assertThat(r.reviewers().stream().mapToLong(v -> v.accepted() + v.rejected()).sum())
        .isEqualTo(accepted + rejected);
    for (LabelerRow labeler : r.labelers()) {
      long[] counts = byLabeler.getOrDefault(labeler.userId(), new long[2]);
      assertThat(labeler.current().accepted()).as("user %d", labeler.userId()).isEqualTo(counts[0]);
      assertThat(labeler.current().rejected()).as("user %d", labeler.userId()).isEqualTo(counts[1]);
    }
  }

  private static boolean isDecision(Event e) {
    return e.isReview("accepted") || e.isReview("rejected");
  }

  // ---- jobs

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jobCountsEqualTheEntitiesOfTheJobList(Case c) {
    MetricsResult r = result(c);
    Map<Long, Job> jobs = team(c).raw().jobs();

    assertThat(r.jobs()).extracting(JobRow::id).containsExactlyInAnyOrderElementsOf(jobs.keySet());
    for (JobRow row : r.jobs()) {
      Job job = jobs.get(row.id());
      long labeled = job.entities("done") + job.entities("accepted") + job.entities("rejected");
      assertThat(row.images()).as("job %d", row.id()).isEqualTo(job.imagesCount());
      assertThat(row.labeled()).as("job %d", row.id()).isEqualTo(labeled);
      assertThat(row.accepted()).as("job %d", row.id()).isEqualTo(job.entities("accepted"));
      assertThat(row.rejected()).as("job %d", row.id()).isEqualTo(job.entities("rejected"));
      assertThat(row.untouched()).as("job %d", row.id()).isEqualTo(job.entities("none"));
      assertThat(row.status()).isEqualTo(job.status());
    }
    Map<String, Long> byStatus = new TreeMap<>();
    jobs.values().forEach(job -> byStatus.merge(job.status(), 1L, Long::sum));
    assertThat(r.summary().jobsByStatus()).isEqualTo(byStatus);
    assertThat(r.dataQuality().jobsCounterMismatch()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void platformHoursPerJobEqualTheSimulatorsDurationsAndItsJobStats(Case c) {
    MetricsResult r = result(c);
    RawTeam raw = team(c).raw();
    Map<Long, Double> seconds = new HashMap<>();
    Map<Long, Long> last = new HashMap<>();
    long figures = 0;
    for (Event e : raw.events()) {
      if (e.isWork() && "annotation_duration".equals(e.action())) {
        seconds.merge(e.jobId(), e.duration(), Double::sum);
      }
      if (e.isWork()) {
        last.merge(e.jobId(), e.micros(), Math::max);
      }
      if (e.isWork() && "create_figure".equals(e.action()) && raw.jobs().containsKey(e.jobId())) {
        figures++;
      }
    }

    for (JobRow job : r.jobs()) {
      double expected = seconds.getOrDefault(job.id(), 0.0) / 3600;
      assertHours(job.platformHours(), expected, "job " + job.id() + " platform");
      Double stats = raw.jobs().get(job.id()).statsAnnotationSeconds();
      assertThat(job.statsAnnotationHours()).isNotNull();
      assertHours(job.statsAnnotationHours(), stats / 3600, "job " + job.id() + " stats");
      assertHours(job.platformHours(), job.statsAnnotationHours(), "job " + job.id() + " sim");
      Long lastMicros = last.get(job.id());
      assertThat(job.lastActivity())
          .isEqualTo(lastMicros == null ? null : Instant.EPOCH.plusNanos(lastMicros * 1000));
    }
    assertThat(r.classes().stream().mapToLong(ClassRow::labelsCount).sum()).isEqualTo(figures);
  }

  // ---- data quality and missing values

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dataQualityCountsMatchTheRawLines(Case c) {
    MetricsResult r = result(c);
    RawTeam raw = team(c).raw();
    long withoutJob = raw.events().stream().filter(e -> !e.isWork()).count();
    long unknownJob =
        raw.events().stream().filter(e -> e.isWork() && !raw.jobs().containsKey(e.jobId())).count();

    assertThat(r.dataQuality().eventsReceived()).isEqualTo(raw.linesRead());
    assertThat(r.dataQuality().duplicatesRemoved()).isZero();
    assertThat(r.dataQuality().unparseableDates()).isZero();
    assertThat(r.dataQuality().eventsWithoutJob()).isEqualTo(withoutJob).isPositive();
    assertThat(r.dataQuality().eventsUnknownJob()).isEqualTo(unknownJob);
    if (c.size() == TeamSize.MEDIUM) {
      assertThat(unknownJob).as("the removed job's events").isPositive();
      assertThat(r.dataQuality().unknownStatuses()).containsKey("review_completed");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noNaNInfinityOrSentinelLeavesTheEngine(Case c) {
    MetricsResult r = result(c);

    assertFinite(r, "result");
    for (Double rate : rates(r)) {
      assertThat(rate).isBetween(0.0, 1.0);
    }
  }

  private static List<Double> rates(MetricsResult r) {
    List<Double> rates = new java.util.ArrayList<>();
    rates.add(r.summary().current().acceptanceRate());
    rates.add(r.summary().current().firstPassAcceptance());
    for (LabelerRow l : r.labelers()) {
      rates.add(l.current().acceptanceRate());
      rates.add(l.current().firstPassAcceptance());
    }
    for (JobRow job : r.jobs()) {
      rates.add(job.progress());
    }
    return rates.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static void assertFinite(Object value, String path) {
    if (value instanceof Double d) {
      assertThat(Double.isFinite(d)).as("%s = %s", path, d).isTrue();
    } else if (value instanceof Long l) {
      assertThat(l).as(path).isNotEqualTo(Long.MIN_VALUE).isNotEqualTo((long) Integer.MIN_VALUE);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertFinite(list.get(i), path + "[" + i + "]");
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> assertFinite(v, path + "." + k));
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          assertFinite(component.getAccessor().invoke(record), path + "." + component.getName());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  // ---- helpers

  private static ZoneId zone(Case c) {
    return ZoneId.of(c.zone());
  }

  private static double hours(long micros) {
    return micros / 3.6e9;
  }

  private static <T> double sum(List<T> rows, java.util.function.ToDoubleFunction<T> field) {
    return rows.stream().mapToDouble(field).sum();
  }

  private static void assertHours(double actual, double expected, String what) {
    assertThat(actual)
        .as(what)
        .isCloseTo(expected, within(RELATIVE * Math.max(1.0, Math.abs(expected))));
  }
}
