package dev.labelmeter.report.html;

import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Heatmap.HeatmapRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers the page's charts draw, serialized as one JSON document. Values are full precision;
 * the charts round for display. Missing values are JSON {@code null}.
 *
 * @param trend the daily trend
 * @param labelerRates images per active hour per labeler, this window and the previous one
 * @param statuses the number of jobs per status
 * @param heatmap the labeler by date active hours
 */
record ChartData(Trend trend, LabelerRates labelerRates, Statuses statuses, HeatCells heatmap) {

  /** The team's figures per date. */
  record Trend(
      List<LocalDate> dates,
      List<Double> activeHours,
      List<Double> platformHours,
      List<Long> imagesFinished) {}

  /** Images per active hour of each labeler. */
  record LabelerRates(List<String> logins, List<Double> current, List<Double> previous) {}

  /** Jobs per status. */
  record Statuses(List<String> statuses, List<Long> jobs) {}

  /**
   * The heatmap as cells.
   *
   * @param dates the column labels
   * @param logins the row labels
   * @param cells {@code [date index, labeler index, active hours]} for every cell
   * @param max the largest active hours, for the colour scale
   */
  record HeatCells(List<LocalDate> dates, List<String> logins, List<double[]> cells, double max) {}

  /** Returns the chart data of {@code result}. */
  static ChartData of(MetricsResult result) {
    return new ChartData(
        trend(result.daily()),
        labelerRates(result.labelers()),
        statuses(result.summary().jobsByStatus()),
        heatCells(result.heatmap()));
  }

  /** Returns whether the chart data holds anything to draw for the chart of {@code id}. */
  boolean hasData(String id) {
    return switch (id) {
      case "trend" -> !trend.dates().isEmpty();
      case "labelerRates" -> !labelerRates.logins().isEmpty();
      case "statuses" -> !statuses.statuses().isEmpty();
      case "heatmap" -> !heatmap.logins().isEmpty() && !heatmap.dates().isEmpty();
      default -> throw new IllegalArgumentException("unknown chart " + id);
    };
  }

  private static Trend trend(List<DailyRow> daily) {
    return new Trend(
        daily.stream().map(DailyRow::date).toList(),
        daily.stream().map(DailyRow::activeHours).toList(),
        daily.stream().map(DailyRow::platformHours).toList(),
        daily.stream().map(DailyRow::imagesFinished).toList());
  }

  private static LabelerRates labelerRates(List<LabelerRow> labelers) {
    List<Double> previous = new ArrayList<>();
    for (LabelerRow row : labelers) {
      previous.add(row.previous() == null ? null : row.previous().imagesPerActiveHour());
    }
    return new LabelerRates(
        labelers.stream().map(LabelerRow::login).toList(),
        labelers.stream().map(r -> r.current().imagesPerActiveHour()).toList(),
        previous);
  }

  private static Statuses statuses(Map<String, Long> jobsByStatus) {
    Map<String, Long> sorted = new TreeMap<>(jobsByStatus);
    return new Statuses(List.copyOf(sorted.keySet()), List.copyOf(sorted.values()));
  }

  private static HeatCells heatCells(Heatmap heatmap) {
    List<double[]> cells = new ArrayList<>();
    List<String> logins = new ArrayList<>();
    for (int y = 0; y < heatmap.rows().size(); y++) {
      HeatmapRow row = heatmap.rows().get(y);
      logins.add(row.login());
      for (int x = 0; x < row.activeHours().size() && x < heatmap.dates().size(); x++) {
        Double hours = row.activeHours().get(x);
        if (hours != null) {
          cells.add(new double[] {x, y, hours});
        }
      }
    }
    return new HeatCells(heatmap.dates(), logins, cells, ReportTables.heatmapMax(heatmap));
  }
}
