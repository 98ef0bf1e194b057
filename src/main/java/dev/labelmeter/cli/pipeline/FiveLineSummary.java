package dev.labelmeter.cli.pipeline;

import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The five-line summary that {@code run}, {@code demo} and {@code report} print after writing the
 * reports: the window, the work done, the reviews, the jobs, and the data quality. Missing values
 * show as {@code n/a}.
 */
public final class FiveLineSummary {
  private static final DateTimeFormatter SNAPSHOT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private FiveLineSummary() {}

  /** Returns the five lines for {@code result}. */
  public static List<String> lines(MetricsResult result) {
    return List.of(
        window(result.params()),
        work(result.summary()),
        reviews(result.summary().current()),
        jobs(result.summary()),
        quality(result.dataQuality()));
  }

  private static String window(ResultParams params) {
    return String.format(
        Locale.ROOT,
        "Team %d: %s through %s (%s), snapshot %s, idle threshold %d s",
        params.teamId(),
        params.from(),
        params.to().minusDays(1),
        params.zone(),
        SNAPSHOT.format(params.snapshotAt()),
        params.idleThresholdSeconds());
  }

  private static String work(Summary summary) {
    TeamFigures now = summary.current();
    TeamFigures before = summary.previous();
    return String.format(
        Locale.ROOT,
        "Work: %s active hours (previous %s), %s images finished (previous %s), %s objects"
            + " created, %s active users",
        hours(now.teamActiveHours()),
        hours(before.teamActiveHours()),
        count(now.teamImagesFinished()),
        count(before.teamImagesFinished()),
        count(now.teamObjectsCreated()),
        count(now.activeUsers()));
  }

  private static String reviews(TeamFigures now) {
    return String.format(
        Locale.ROOT,
        "Reviews: %s accepted, %s rejected, acceptance %s, first-pass acceptance %s,"
            + " turnaround median %s, p90 %s",
        count(now.accepted()),
        count(now.rejected()),
        percent(now.acceptanceRate()),
        percent(now.firstPassAcceptance()),
        duration(now.turnaroundMedianSeconds()),
        duration(now.turnaroundP90Seconds()));
  }

  private static String jobs(Summary summary) {
    return String.format(
        Locale.ROOT,
        "Jobs: %s (%s), %s stale, %s images remaining, team ETA %s",
        count(summary.jobsTotal()),
        byStatus(summary.jobsByStatus()),
        count(summary.staleJobs()),
        count(summary.remainingImages()),
        summary.teamEta() == null ? "n/a" : summary.teamEta().toString());
  }

  private static String quality(DataQuality quality) {
    return String.format(
        Locale.ROOT,
        "Data quality: %s events, %s duplicates removed, %s unparseable dates, %s decisions"
            + " without done, %s job counter mismatches%s",
        count(quality.eventsReceived()),
        count(quality.duplicatesRemoved()),
        count(quality.unparseableDates()),
        count(quality.decisionsWithoutDone()),
        count(quality.jobsCounterMismatch()),
        quality.notes().isEmpty()
            ? ""
            : ", "
                + quality.notes().size()
                + (quality.notes().size() == 1 ? " note" : " notes")
                + " in the report");
  }

  private static String byStatus(Map<String, Long> jobsByStatus) {
    if (jobsByStatus.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    new TreeMap<>(jobsByStatus).forEach((status, n) -> parts.add(status + " " + count(n)));
    return String.join(", ", parts);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String hours(double value) {
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  private static String percent(Double fraction) {
    return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static String duration(Double seconds) {
    if (seconds == null) {
      return "n/a";
    }
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }
}
