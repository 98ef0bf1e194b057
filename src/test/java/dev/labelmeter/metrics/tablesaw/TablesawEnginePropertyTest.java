package dev.labelmeter.metrics.tablesaw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Hours;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.RandomStore;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Invariants that hold for any team, checked on seeded random stores, zones and windows. */
class TablesawEnginePropertyTest {
  private static final List<String> ZONES =
      List.of(
          "UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Kiritimati");

  @TempDir Path dir;

  private record Run(StoreTables tables, MetricsParams params, MetricsResult result) {}

  private Run run(long seed) throws IOException {
    StoreLayout layout = RandomStore.write(dir, 8, RandomStore.Spec.small(seed));
    Random random = new Random(seed);
    LocalDate to = LocalDate.of(2026, 11, 30).minusDays(random.nextInt(6));
    MetricsParams params =
        MetricsParams.defaults()
            .withZone(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))))
            .withIdleThreshold(Duration.ofSeconds(60 + random.nextInt(600)))
            .withWindow(new DateWindow(to.minusDays(1 + random.nextInt(5)), to));
    StoreTables tables = TablesawEngine.load(layout);
    return new Run(tables, params, TablesawEngine.compute(tables, params));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void activeTimeNeverExceedsTheSpanOfAUsersEventsPlusOneThreshold(long seed) throws IOException {
    Run run = run(seed);
    DateWindow w = run.params().resolveWindow(run.tables().manifest().snapshotAt());
    long start = EventDates.toEpochMicros(w.startInstant(run.params().zone()));
    long end = EventDates.toEpochMicros(w.endInstant(run.params().zone()));
    Map<Long, long[]> span = spans(run.tables().events(), start, end);
    long threshold = run.params().idleThreshold().toSeconds() * Hours.MICROS_PER_SECOND;

    assertThat(run.result().labelers()).isNotEmpty();
    for (LabelerRow labeler : run.result().labelers()) {
      long[] s = span.get(labeler.userId());
      double bound = s == null ? 0 : Hours.fromMicros(s[1] - s[0] + threshold);
      assertThat(labeler.current().activeHours())
          .as("user %d", labeler.userId())
          .isLessThanOrEqualTo(bound + 1e-12);
    }
    Map<Long, long[]> allTime = spans(run.tables().events(), Long.MIN_VALUE, Long.MAX_VALUE);
    double allSpans =
        allTime.values().stream().mapToDouble(s -> Hours.fromMicros(s[1] - s[0])).sum();
    double jobHours = run.result().jobs().stream().mapToDouble(JobRow::activeHours).sum();
    assertThat(jobHours).isPositive().isLessThanOrEqualTo(allSpans);
  }

  /** Returns per user the first and last instant of work events in [start, end). */
  private static Map<Long, long[]> spans(Table events, long start, long end) {
    Map<Long, long[]> spans = new HashMap<>();
    LongColumn user = events.longColumn("userId");
    LongColumn instant = events.longColumn("instantMicros");
    for (int row = 0; row < events.rowCount(); row++) {
      long t = instant.getLong(row);
      if (!user.isMissing(row) && t >= start && t < end) {
        long[] s = spans.computeIfAbsent(user.getLong(row), u -> new long[] {t, t});
        s[0] = Math.min(s[0], t);
        s[1] = Math.max(s[1], t);
      }
    }
    return spans;
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void imagesFinishedPerJobNeverExceedTheJobsImages(long seed) throws IOException {
    Run run = run(seed);
    WindowCalendar calendar =
        new WindowCalendar(
            run.params().resolveWindow(run.tables().manifest().snapshotAt()), run.params().zone());
    Map<Long, Long> finished =
        TablesawEngine.eventPass(run.tables(), run.params(), calendar).imagesFinishedByJob();

    assertThat(finished).isNotEmpty();
    for (JobRow job : run.result().jobs()) {
      assertThat(finished.getOrDefault(job.id(), 0L))
          .as("job %d", job.id())
          .isLessThanOrEqualTo(job.images());
      assertThat(job.labeled()).isLessThanOrEqualTo(job.images());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24})
  void dailySumsAndHeatmapRowsEqualTheWindowTotals(long seed) throws IOException {
    MetricsResult r = run(seed).result();
    var team = r.summary().current();
    List<DailyRow> daily = r.daily();

    assertThat(daily.stream().mapToDouble(DailyRow::activeHours).sum())
        .isCloseTo(team.teamActiveHours(), within(1e-9));
    assertThat(daily.stream().mapToDouble(DailyRow::platformHours).sum())
        .isCloseTo(team.teamPlatformHours(), within(1e-9));
    assertThat(daily.stream().mapToLong(DailyRow::imagesFinished).sum())
        .isEqualTo(team.teamImagesFinished());
    assertThat(daily.stream().mapToLong(DailyRow::objectsCreated).sum())
        .isEqualTo(team.teamObjectsCreated());
    assertThat(daily.stream().mapToLong(DailyRow::accepted).sum()).isEqualTo(team.accepted());
    assertThat(daily.stream().mapToLong(DailyRow::rejected).sum()).isEqualTo(team.rejected());
    assertThat(daily.stream().mapToLong(DailyRow::activeUsers).max().orElse(0))
        .isLessThanOrEqualTo(team.activeUsers());
    // Every generated work event has a user: the labelers' hours add up to the team's.
    assertThat(r.labelers().stream().mapToDouble(l -> l.current().activeHours()).sum())
        .isCloseTo(team.teamActiveHours(), within(1e-9));
    for (int i = 0; i < r.labelers().size(); i++) {
      Heatmap.HeatmapRow row = r.heatmap().rows().get(i);
      assertThat(row.activeHours().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(r.labelers().get(i).current().activeHours(), within(1e-9));
    }
    assertThat(r.labelers().stream().mapToLong(l -> l.current().imagesFinished()).sum())
        .isGreaterThanOrEqualTo(team.teamImagesFinished());
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34, 35})
  void noNaNOrInfinityAndRatesAreFractions(long seed) throws IOException {
    MetricsResult r = run(seed).result();

    assertFinite(r, "result");
    for (LabelerRow l : r.labelers()) {
      for (Double rate :
          new Double[] {l.current().acceptanceRate(), l.current().firstPassAcceptance()}) {
        if (rate != null) {
          assertThat(rate).isBetween(0.0, 1.0);
        }
      }
    }
    assertThat(r.dataQuality().duplicatesRemoved()).isPositive();
    assertThat(r.dataQuality().unparseableDates()).isPositive();
    assertThat(r.dataQuality().eventsWithoutJob()).isPositive();
  }

  private static void assertFinite(Object value, String path) {
    if (value instanceof Double d) {
      assertThat(Double.isFinite(d)).as(path).isTrue();
    } else if (value instanceof Long l) {
      assertThat(l).as(path).isNotEqualTo(Long.MIN_VALUE);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertFinite(list.get(i), path + "[" + i + "]");
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> assertFinite(v, path + "." + k));
    } else if (value instanceof Record record) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        try {
          assertFinite(c.getAccessor().invoke(record), path + "." + c.getName());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }
}
