package dev.labelmeter.report.html;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Heatmap.HeatmapRow;
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
import java.util.List;
import java.util.Map;

/**
 * Metrics results built by hand: a small team in Europe/Berlin with a stale job, a job without a
 * pace, a late ETA, an unknown status, missing values and hostile names; and an empty window.
 */
final class ReportFixtures {

  static final String HOSTILE_JOB = "<script>alert(1)</script>";
  static final String HOSTILE_LOGIN = "<img src=x onerror=alert(2)>";
  static final String HOSTILE_CLASS = "a&b \"quoted\" </script>";
  static final String HOSTILE_NOTE = "job 999 could not be pulled: <b>HTTP 404</b>";

  static final long ALICE = 11;
  static final long BOB = 12;
  static final long MALLORY = 13;

  static final LocalDate FROM = LocalDate.of(2024, 5, 1);
  static final LocalDate TO = LocalDate.of(2024, 5, 8);

  private ReportFixtures() {}

  /** Returns the team of three labelers, two reviewers and five jobs. */
  static MetricsResult team() {
    return new MetricsResult(
        params(),
        summary(),
        labelers(),
        reviewers(),
        jobs(),
        classes(),
        labelerClasses(),
        daily(),
        heatmap(),
        dataQuality());
  }

  /** Returns the team with job 101 renamed to {@code name}. */
  static MetricsResult teamWithJob101Named(String name) {
    MetricsResult team = team();
    List<JobRow> jobs =
        team.jobs().stream().map(j -> j.id() == 101 ? renamed(j, name) : j).toList();
    return new MetricsResult(
        team.params(),
        team.summary(),
        team.labelers(),
        team.reviewers(),
        jobs,
        team.classes(),
        team.labelerClasses(),
        team.daily(),
        team.heatmap(),
        team.dataQuality());
  }

  /**
   * Returns the team with its two windows swapped in the summary, so that every change goes the
   * other way: more rejections, a longer review turnaround, a lower acceptance rate.
   */
  static MetricsResult teamWithWindowsSwapped() {
    MetricsResult team = team();
    Summary s = team.summary();
    Summary swapped =
        new Summary(
            s.previous(),
            s.current(),
            s.jobsByStatus(),
            s.jobsTotal(),
            s.staleJobs(),
            s.remainingImages(),
            s.teamPaceImagesPerDay(),
            s.teamEta());
    return new MetricsResult(
        team.params(),
        swapped,
        team.labelers(),
        team.reviewers(),
        team.jobs(),
        team.classes(),
        team.labelerClasses(),
        team.daily(),
        team.heatmap(),
        team.dataQuality());
  }

  private static JobRow renamed(JobRow j, String name) {
    return new JobRow(
        j.id(),
        name,
        j.projectId(),
        j.project(),
        j.datasetId(),
        j.dataset(),
        j.labelerId(),
        j.labeler(),
        j.reviewerId(),
        j.reviewer(),
        j.status(),
        j.disabled(),
        j.createdAt(),
        j.images(),
        j.labeled(),
        j.accepted(),
        j.rejected(),
        j.untouched(),
        j.progress(),
        j.activeHours(),
        j.platformHours(),
        j.statsAnnotationHours(),
        j.lastActivity(),
        j.stale(),
        j.remaining(),
        j.paceImagesPerDay(),
        j.eta(),
        j.reconciliationFlag(),
        j.turnaroundMedianSeconds(),
        j.turnaroundP90Seconds());
  }

  /** Returns a result of a window in which nothing happened, for a team without jobs. */
  static MetricsResult emptyWindow() {
    TeamFigures nothing =
        new TeamFigures(0, 0, 0, 0, null, null, 0, 0, null, 0, null, null, null, 0, 0, 0);
    Summary summary = new Summary(nothing, nothing, Map.of(), 0, 0, 0, null, null);
    List<DailyRow> days =
        FROM.datesUntil(TO).map(d -> new DailyRow(d, 0, 0, 0, 0, 0, 0, 0)).toList();
    DataQuality quality =
        new DataQuality(
            0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), null, List.of("The window has no events."));
    return new MetricsResult(
        params(),
        summary,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        days,
        new Heatmap(FROM.datesUntil(TO).toList(), List.of()),
        quality);
  }

  static ResultParams params() {
    return new ResultParams(
        42,
        FROM,
        TO,
        LocalDate.of(2024, 4, 24),
        "Europe/Berlin",
        300,
        3,
        Instant.parse("2024-05-08T04:30:00Z"),
        "SECONDS");
  }

  private static Summary summary() {
    TeamFigures now =
        new TeamFigures(
            15.75,
            11.5,
            263,
            1300,
            263 / 15.75,
            1300 / 15.75,
            180,
            20,
            0.9,
            160,
            0.85,
            5400.0,
            18000.0,
            3,
            14.1,
            17.3);
    TeamFigures before =
        new TeamFigures(
            14.0,
            10.0,
            220,
            1000,
            220 / 14.0,
            1000 / 14.0,
            150,
            30,
            150 / 180.0,
            140,
            0.8,
            7200.0,
            21600.0,
            4,
            12.0,
            15.5);
    Map<String, Long> byStatus =
        Map.of("completed", 1L, "in_progress", 2L, "pending", 1L, "review_completed", 1L);
    return new Summary(now, before, byStatus, 5, 1, 1150, 35.0, LocalDate.of(2024, 6, 9));
  }

  private static List<LabelerRow> labelers() {
    LabelerFigures aliceNow =
        new LabelerFigures(12.5, 11.0, 250, 1200, 20.0, 96.0, 180, 20, 0.9, 150, 0.8, 9, 5);
    LabelerFigures alicePrevious =
        new LabelerFigures(10.0, 9.0, 180, 900, 18.0, 90.0, 150, 30, 150 / 180.0, 130, 0.75, 8, 5);
    LabelerFigures bobNow =
        new LabelerFigures(0.0, 0.0, 0, 0, null, null, 0, 0, null, 0, null, 0, 0);
    LabelerFigures bobPrevious =
        new LabelerFigures(4.0, 1.0, 40, 100, 10.0, 25.0, 0, 0, null, 0, null, 3, 2);
    LabelerFigures malloryNow =
        new LabelerFigures(3.25, 0.5, 13, 100, 4.0, 100 / 3.25, 0, 0, null, 10, 1.0, 2, 2);
    LabelerFigures malloryPrevious =
        new LabelerFigures(0.0, 0.0, 0, 0, null, null, 0, 0, null, 0, null, 0, 0);
    return List.of(
        new LabelerRow(MALLORY, HOSTILE_LOGIN, malloryNow, malloryPrevious),
        new LabelerRow(ALICE, "alice", aliceNow, alicePrevious),
        new LabelerRow(BOB, "bob", bobNow, bobPrevious));
  }

  private static List<ReviewerRow> reviewers() {
    return List.of(
        new ReviewerRow(21, "rita", 200, 180, 20, 5400.0, 18000.0, 2),
        new ReviewerRow(22, "sam", 10, 8, 2, null, null, 10));
  }

  private static List<JobRow> jobs() {
    return List.of(
        job(101, "Street scenes batch 1", "Cities", "ds-1", ALICE, "alice", "in_progress")
            .counts(400, 250, 180, 20, 150, 0.625)
            .hours(12.5, 11.0, 11.5, Instant.parse("2024-05-07T15:45:00Z"))
            .open(false, 150L, 30.0, LocalDate.of(2024, 5, 13), false)
            .turnaround(5400.0, 18000.0),
        job(102, HOSTILE_JOB, "Cities", null, BOB, "bob", "pending")
            .counts(100, 0, 0, 0, 100, 0.0)
            .hours(0.0, 0.0, null, null)
            .open(true, 100L, null, null, false)
            .turnaround(null, null),
        job(103, "Empty job", "Farms", "ds-3", MALLORY, HOSTILE_LOGIN, "review_completed")
            .counts(0, 0, 0, 0, 0, null)
            .hours(3.25, 0.5, 1.0, Instant.parse("2024-05-02T08:00:00Z"))
            .open(false, null, null, null, true)
            .turnaround(null, null),
        job(104, "Night shots", "Cities", "ds-4", ALICE, "alice", "completed")
            .counts(50, 50, 50, 0, 0, 1.0)
            .hours(2.0, 1.5, 1.6, Instant.parse("2024-04-28T10:00:00Z"))
            .open(false, null, null, null, false)
            .archived()
            .turnaround(3600.0, 3600.0),
        job(105, "Late job", "Farms", "ds-5", MALLORY, HOSTILE_LOGIN, "in_progress")
            .counts(1000, 100, 0, 0, 900, 0.1)
            .hours(0.0, 0.0, null, Instant.parse("2024-05-06T09:30:00Z"))
            .open(false, 900L, 5.0, LocalDate.of(2024, 11, 4), false)
            .turnaround(null, null));
  }

  private static List<ClassRow> classes() {
    return List.of(
        new ClassRow(HOSTILE_CLASS, "polygon", 1, 100, 50, 600, 6.0),
        new ClassRow("car", "polygon", 2, 1500, 450, 9000, 6.0),
        new ClassRow("person", "rectangle", 1, 0, 50, 0, null));
  }

  private static List<LabelerClassRow> labelerClasses() {
    return List.of(
        new LabelerClassRow(MALLORY, HOSTILE_LOGIN, HOSTILE_CLASS, "polygon", 1, 100, 50, 600, 6.0),
        new LabelerClassRow(ALICE, "alice", "car", "polygon", 2, 1500, 450, 9000, 6.0),
        new LabelerClassRow(ALICE, "alice", "person", "rectangle", 1, 0, 50, 0, null),
        new LabelerClassRow(null, "#0", "car", "polygon", 0, 0, 0, 0, null));
  }

  private static List<DailyRow> daily() {
    return List.of(
        new DailyRow(LocalDate.of(2024, 5, 1), 2.0, 1.5, 40, 200, 30, 2, 2),
        new DailyRow(LocalDate.of(2024, 5, 2), 5.25, 3.0, 80, 400, 50, 5, 3),
        new DailyRow(LocalDate.of(2024, 5, 3), 3.0, 2.5, 60, 300, 40, 3, 2),
        new DailyRow(LocalDate.of(2024, 5, 4), 0.0, 0.0, 0, 0, 0, 0, 0),
        new DailyRow(LocalDate.of(2024, 5, 5), 0.0, 0.0, 0, 0, 0, 0, 0),
        new DailyRow(LocalDate.of(2024, 5, 6), 2.5, 2.0, 43, 200, 30, 5, 2),
        new DailyRow(LocalDate.of(2024, 5, 7), 3.0, 2.5, 40, 200, 30, 5, 2));
  }

  private static Heatmap heatmap() {
    return new Heatmap(
        FROM.datesUntil(TO).toList(),
        List.of(
            new HeatmapRow(MALLORY, HOSTILE_LOGIN, List.of(0.0, 3.25, 0.0, 0.0, 0.0, 0.0, 0.0)),
            new HeatmapRow(ALICE, "alice", List.of(2.0, 2.0, 3.0, 0.0, 0.0, 2.5, 3.0)),
            new HeatmapRow(BOB, "bob", List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))));
  }

  private static DataQuality dataQuality() {
    return new DataQuality(
        5000,
        12,
        3,
        40,
        7,
        2,
        1,
        Map.of("review_completed", 1L),
        Map.of("teleport", 4L),
        true,
        List.of(HOSTILE_NOTE));
  }

  private static JobBuilder job(
      long id,
      String name,
      String project,
      String dataset,
      long labelerId,
      String labeler,
      String status) {
    return new JobBuilder(id, name, project, dataset, labelerId, labeler, status);
  }

  /** Builds a job row in readable steps; the reviewer is rita except for Mallory's jobs. */
  private static final class JobBuilder {
    private final long id;
    private final String name;
    private final String project;
    private final String dataset;
    private final long labelerId;
    private final String labeler;
    private final String status;
    private long images;
    private long labeled;
    private long accepted;
    private long rejected;
    private long untouched;
    private Double progress;
    private double activeHours;
    private double platformHours;
    private Double statsHours;
    private Instant lastActivity;
    private boolean stale;
    private Long remaining;
    private Double pace;
    private LocalDate eta;
    private boolean reconciliation;
    private boolean disabled;

    JobBuilder(
        long id,
        String name,
        String project,
        String dataset,
        long labelerId,
        String labeler,
        String status) {
      this.id = id;
      this.name = name;
      this.project = project;
      this.dataset = dataset;
      this.labelerId = labelerId;
      this.labeler = labeler;
      this.status = status;
    }

    JobBuilder counts(
        long images, long labeled, long accepted, long rejected, long untouched, Double progress) {
      this.images = images;
      this.labeled = labeled;
      this.accepted = accepted;
      this.rejected = rejected;
      this.untouched = untouched;
      this.progress = progress;
      return this;
    }

    JobBuilder hours(double active, double platform, Double stats, Instant last) {
      this.activeHours = active;
      this.platformHours = platform;
      this.statsHours = stats;
      this.lastActivity = last;
      return this;
    }

    JobBuilder open(
        boolean stale, Long remaining, Double pace, LocalDate eta, boolean reconciliation) {
      this.stale = stale;
      this.remaining = remaining;
      this.pace = pace;
      this.eta = eta;
      this.reconciliation = reconciliation;
      return this;
    }

    JobBuilder archived() {
      this.disabled = true;
      return this;
    }

    JobRow turnaround(Double median, Double p90) {
      boolean mallory = labelerId == MALLORY;
      return new JobRow(
          id,
          name,
          1000 + id,
          project,
          dataset == null ? null : 2000 + id,
          dataset,
          labelerId,
          labeler,
          mallory ? 22L : 21L,
          mallory ? "sam" : "rita",
          status,
          disabled,
          Instant.parse("2024-04-01T08:00:00Z"),
          images,
          labeled,
          accepted,
          rejected,
          untouched,
          progress,
          activeHours,
          platformHours,
          statsHours,
          lastActivity,
          stale,
          remaining,
          pace,
          eta,
          reconciliation,
          median,
          p90);
    }
  }
}
