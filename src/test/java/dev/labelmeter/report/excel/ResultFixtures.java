package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerClassRow;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metrics results written by hand for the workbook tests: a small team over the week of
 * 2024-05-06 in Europe/Berlin, and variations of it built with {@link Builder}.
 */
final class ResultFixtures {

  static final LocalDate FROM = LocalDate.of(2024, 5, 6);
  static final LocalDate TO = LocalDate.of(2024, 5, 13);
  static final String ZONE = "Europe/Berlin";

  /** 06:00 in Berlin (UTC+2 in May). */
  static final Instant SNAPSHOT = Instant.parse("2024-05-13T04:00:00Z");

  private ResultFixtures() {}

  /** Returns the standard team: two labelers, one reviewer, three jobs, seven days. */
  static MetricsResult team() {
    return builder().build();
  }

  static Builder builder() {
    return new Builder();
  }

  static ResultParams params(String zone) {
    return new ResultParams(42L, FROM, TO, FROM.minusDays(7), zone, 300L, 3, SNAPSHOT, "SECONDS");
  }

  static TeamFigures currentTeam() {
    return new TeamFigures(
        12.5, 10.25, 150, 900, 12.0, 72.0, 120, 30, 0.8, 100, 0.75, 5400.0, 14400.0, 3, 10.0, 14.0);
  }

  static TeamFigures previousTeam() {
    return new TeamFigures(
        10.0, 8.0, 100, 700, 10.0, 70.0, 0, 0, null, 0, null, null, null, 2, 8.5, 11.0);
  }

  static LabelerFigures figures(double hours, long images, Double rate) {
    Double perHour = hours == 0 ? null : images / hours;
    return new LabelerFigures(
        hours,
        hours * 0.8,
        images,
        images * 6,
        perHour,
        perHour == null ? null : perHour * 6,
        images / 2,
        images / 10,
        rate,
        images / 4,
        rate,
        5,
        4);
  }

  static LabelerRow alice() {
    return new LabelerRow(1L, "alice", figures(7.5, 90, 0.8), figures(6.0, 60, null));
  }

  static LabelerRow bob() {
    return new LabelerRow(2L, "bob", figures(5.0, 60, 0.5), figures(4.0, 40, 0.25));
  }

  static ReviewerRow carol() {
    return new ReviewerRow(3L, "carol", 150, 120, 30, 5400.0, 14400.0, 2);
  }

  static JobRow job(long id, String name, String labeler, String status) {
    return new JobRow(
        id,
        name,
        7L,
        "Street scenes",
        8L,
        "Batch 1",
        1L,
        labeler,
        3L,
        "carol",
        status,
        false,
        Instant.parse("2024-04-30T22:30:00Z"),
        100,
        40,
        30,
        5,
        60,
        0.4,
        6.25,
        5.0,
        5.5,
        Instant.parse("2024-05-08T13:45:10Z"),
        true,
        60L,
        12.0,
        LocalDate.of(2024, 5, 18),
        false,
        3600.0,
        7200.0);
  }

  static JobRow closedJob(long id, String name) {
    return new JobRow(
        id,
        name,
        7L,
        "Street scenes",
        8L,
        "Batch 1",
        2L,
        "bob",
        3L,
        "carol",
        "completed",
        false,
        Instant.parse("2024-04-01T08:00:00Z"),
        50,
        50,
        45,
        5,
        0,
        1.0,
        4.0,
        3.0,
        12.0,
        Instant.parse("2024-05-07T09:00:00Z"),
        false,
        null,
        null,
        null,
        true,
        null,
        null);
  }

  static List<DailyRow> week() {
    List<DailyRow> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(
          new DailyRow(FROM.plusDays(i), 1.0 + i * 0.25, 0.5 + i * 0.25, 10 + i, 60 + i, 5, 1, 2));
    }
    return days;
  }

  static Heatmap heatmap(List<LabelerRow> labelers) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      dates.add(FROM.plusDays(i));
    }
    List<Heatmap.HeatmapRow> rows = new ArrayList<>();
    for (LabelerRow l : labelers) {
      List<Double> hours = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        hours.add(i == 3 ? 0.0 : l.current().activeHours() / 6);
      }
      rows.add(new Heatmap.HeatmapRow(l.userId(), l.login(), hours));
    }
    return new Heatmap(dates, rows);
  }

  static DataQuality quality() {
    return new DataQuality(
        5000,
        12,
        3,
        40,
        7,
        2,
        1,
        Map.of("review_completed", 1L),
        Map.of("image_rotated", 4L),
        true,
        List.of("2 jobs failed to pull: their stats are missing"));
  }

  /** Builds a result from the standard team, with any part replaced. */
  static final class Builder {
    ResultParams params = params(ZONE);
    TeamFigures current = currentTeam();
    TeamFigures previous = previousTeam();
    Map<String, Long> jobsByStatus =
        Map.of("in_progress", 1L, "completed", 1L, "review_completed", 1L);
    long jobsTotal = 3;
    long staleJobs = 1;
    long remainingImages = 60;
    Double teamPace = 20.0;
    LocalDate teamEta = LocalDate.of(2024, 5, 16);
    List<LabelerRow> labelers = List.of(alice(), bob());
    List<ReviewerRow> reviewers = List.of(carol());
    List<JobRow> jobs =
        List.of(
            job(11, "Crossings north", "alice", "in_progress"),
            closedJob(12, "Crossings south"),
            job(13, "Night shots", "alice", "review_completed"));
    List<ClassRow> classes =
        List.of(
            new ClassRow("car", "rectangle", 3, 400, 120, 2000.0, 5.0),
            new ClassRow("person", "polygon", 2, 0, 80, 0.0, null));
    List<LabelerClassRow> labelerClasses =
        List.of(
            new LabelerClassRow(1L, "alice", "car", "rectangle", 2, 300, 80, 1800.0, 6.0),
            new LabelerClassRow(2L, "bob", "car", "rectangle", 1, 100, 40, 200.0, 2.0));
    List<DailyRow> daily = week();
    Heatmap heatmap = null;
    DataQuality quality = ResultFixtures.quality();

    Builder labelers(List<LabelerRow> rows) {
      labelers = rows;
      return this;
    }

    Builder jobs(List<JobRow> rows) {
      jobs = rows;
      return this;
    }

    Builder reviewers(List<ReviewerRow> rows) {
      reviewers = rows;
      return this;
    }

    Builder classes(List<ClassRow> rows) {
      classes = rows;
      return this;
    }

    Builder labelerClasses(List<LabelerClassRow> rows) {
      labelerClasses = rows;
      return this;
    }

    Builder daily(List<DailyRow> rows) {
      daily = rows;
      return this;
    }

    Builder heatmap(Heatmap map) {
      heatmap = map;
      return this;
    }

    Builder quality(DataQuality q) {
      quality = q;
      return this;
    }

    Builder current(TeamFigures figures) {
      current = figures;
      return this;
    }

    Builder previous(TeamFigures figures) {
      previous = figures;
      return this;
    }

    Builder jobsByStatus(Map<String, Long> counts) {
      jobsByStatus = counts;
      return this;
    }

    Builder counts(long total, long stale, long remaining, Double pace, LocalDate eta) {
      jobsTotal = total;
      staleJobs = stale;
      remainingImages = remaining;
      teamPace = pace;
      teamEta = eta;
      return this;
    }

    MetricsResult build() {
      Summary summary =
          new Summary(
              current,
              previous,
              jobsByStatus,
              jobsTotal,
              staleJobs,
              remainingImages,
              teamPace,
              teamEta);
      return new MetricsResult(
          params,
          summary,
          labelers,
          reviewers,
          jobs,
          classes,
          labelerClasses,
          daily,
          heatmap == null ? ResultFixtures.heatmap(labelers) : heatmap,
          quality);
    }
  }
}
