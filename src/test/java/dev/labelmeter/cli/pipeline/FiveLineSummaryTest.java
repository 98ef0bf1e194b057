package dev.labelmeter.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiveLineSummaryTest {

  @Test
  void summarisesWindowWorkReviewsJobsAndDataQuality() {
    TeamFigures now =
        figures(412.54, 8120, 51233, 1204, 96, 1204.0 / 1300, 0.875, 7560.0, 35280.0, 18);
    TeamFigures before = figures(398.0, 7904, 50000, 1100, 100, null, null, null, null, 17);
    Summary summary =
        new Summary(
            now,
            before,
            Map.of("in_progress", 41L, "completed", 120L, "on_review", 39L),
            200,
            3,
            2310,
            462.0,
            LocalDate.of(2026, 12, 5));

    List<String> lines = FiveLineSummary.lines(result(summary, quality(List.of("one note"))));

    assertThat(lines)
        .containsExactly(
            "Team 7: 2026-11-23 through 2026-11-29 (Europe/Berlin), snapshot 2026-11-30 02:00"
                + " UTC, idle threshold 300 s",
            "Work: 412.5 active hours (previous 398.0), 8,120 images finished (previous 7,904),"
                + " 51,233 objects created, 18 active users",
            "Reviews: 1,204 accepted, 96 rejected, acceptance 92.6%, first-pass acceptance"
                + " 87.5%, turnaround median 2.1 h, p90 9.8 h",
            "Jobs: 200 (completed 120, in_progress 41, on_review 39), 3 stale, 2,310 images"
                + " remaining, team ETA 2026-12-05",
            "Data quality: 45,210 events, 12 duplicates removed, 0 unparseable dates, 2 decisions"
                + " without done, 1 job counter mismatches, 1 note in the report");
  }

  @Test
  void missingValuesShowAsNotAvailable() {
    TeamFigures empty = figures(0, 0, 0, 0, 0, null, null, null, null, 0);
    Summary summary = new Summary(empty, empty, Map.of(), 0, 0, 0, null, null);

    List<String> lines = FiveLineSummary.lines(result(summary, quality(List.of())));

    assertThat(lines.get(2))
        .isEqualTo(
            "Reviews: 0 accepted, 0 rejected, acceptance n/a, first-pass acceptance n/a,"
                + " turnaround median n/a, p90 n/a");
    assertThat(lines.get(3)).isEqualTo("Jobs: 0 (none), 0 stale, 0 images remaining, team ETA n/a");
    assertThat(lines.get(4)).endsWith("1 job counter mismatches");
  }

  private static TeamFigures figures(
      double hours,
      long images,
      long objects,
      long accepted,
      long rejected,
      Double rate,
      Double firstPass,
      Double median,
      Double p90,
      long users) {
    return new TeamFigures(
        hours, hours / 2, images, objects, null, null, accepted, rejected, rate, 100, firstPass,
        median, p90, users, hours, hours);
  }

  private static DataQuality quality(List<String> notes) {
    return new DataQuality(45210, 12, 0, 3, 0, 2, 1, Map.of(), Map.of(), true, notes);
  }

  private static MetricsResult result(Summary summary, DataQuality quality) {
    ResultParams params =
        new ResultParams(
            7,
            LocalDate.of(2026, 11, 23),
            LocalDate.of(2026, 11, 30),
            LocalDate.of(2026, 11, 16),
            "Europe/Berlin",
            300,
            3,
            Instant.parse("2026-11-30T02:00:00Z"),
            "SECONDS");
    return new MetricsResult(
        params,
        summary,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        new Heatmap(List.of(), List.of()),
        quality);
  }
}
