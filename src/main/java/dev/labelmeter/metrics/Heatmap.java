package dev.labelmeter.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Active hours per labeler and local date of the window.
 *
 * @param dates the window's dates, in order
 * @param rows one row per labeler of the labelers table, in the same order
 */
public record Heatmap(List<LocalDate> dates, List<HeatmapRow> rows) {

  public Heatmap {
    dates = List.copyOf(dates);
    rows = List.copyOf(rows);
  }

  /**
   * One labeler's active hours.
   *
   * @param userId the labeler
   * @param login the labeler's login
   * @param activeHours hours per date, aligned with {@link Heatmap#dates()}; 0 on a day without
   *     work
   */
  public record HeatmapRow(long userId, String login, List<Double> activeHours) {
    public HeatmapRow {
      activeHours = List.copyOf(activeHours);
    }
  }
}
