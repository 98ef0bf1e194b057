package dev.labelmeter.report.html;

import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.report.WindowText;
import dev.labelmeter.report.html.SummarySection.Fact;
import dev.labelmeter.report.html.SummarySection.Kpi;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the template shows, as plain texts (escaped by the template) and the few trusted
 * blocks: the inlined assets and the chart data, escaped for a script element by {@link
 * ScriptJson}.
 */
record ReportView(
    String title,
    String subtitle,
    String zone,
    List<Kpi> kpis,
    TableView summary,
    TableView statuses,
    List<Fact> forecast,
    List<Fact> parameters,
    TableView labelers,
    TableView reviewers,
    TableView jobs,
    TableView classes,
    TableView labelerClasses,
    TableView daily,
    TableView heatmap,
    TableView quality,
    String activityCountMatched,
    List<String> qualityNotes,
    TableView definitions,
    String windows,
    Map<String, Chart> charts,
    SafeString chartData,
    SafeString chartJs,
    SafeString reportJs,
    SafeString css,
    String contentSecurityPolicy) {

  /**
   * A chart's canvas.
   *
   * @param id the chart's key in the chart data, and the canvas id {@code chart-<id>}
   * @param title the chart's accessible label
   * @param drawn whether there is data to draw; otherwise the page says so instead
   * @param heightPx the canvas height in CSS pixels
   */
  record Chart(String id, String title, boolean drawn, int heightPx) {}

  /** Returns the view of {@code result} with {@code assets} inlined. */
  static ReportView of(MetricsResult result, Assets assets) {
    ResultParams params = result.params();
    ZoneId zone = zoneOf(params);
    ChartData chartData = ChartData.of(result);
    return new ReportView(
        "labelmeter report: team " + params.teamId(),
        WindowText.of(params.from(), params.to()) + ", times in " + zone.getId(),
        zone.getId(),
        SummarySection.cards(result.summary()),
        SummarySection.kpiTable(result.summary()),
        SummarySection.statusTable(result.summary()),
        SummarySection.forecast(result.summary(), zone),
        SummarySection.parameters(params, zone),
        ReportTables.labelers(result.labelers()),
        ReportTables.reviewers(result.reviewers()),
        ReportTables.jobs(result.jobs(), zone, result.summary().teamEta()),
        ReportTables.classes(result.classes()),
        ReportTables.labelerClasses(result.labelerClasses()),
        ReportTables.daily(result.daily(), zone),
        ReportTables.heatmap(result.heatmap(), zone),
        SummarySection.dataQuality(result.dataQuality()),
        SummarySection.activityCountMatched(result.dataQuality()),
        result.dataQuality().notes(),
        ReportTables.definitions(),
        WindowText.sentence(params),
        charts(result, chartData),
        new SafeString(ScriptJson.of(chartData)),
        new SafeString(assets.chartJs()),
        new SafeString(assets.reportJs()),
        new SafeString(assets.css()),
        assets.contentSecurityPolicy());
  }

  private static Map<String, Chart> charts(MetricsResult result, ChartData data) {
    int labelers = result.labelers().size();
    int heatRows = result.heatmap().rows().size();
    List<Chart> charts =
        List.of(
            new Chart("trend", "Daily trend", data.hasData("trend"), 320),
            new Chart(
                "labelerRates",
                "Images per active hour per labeler",
                data.hasData("labelerRates"),
                Math.max(200, 90 + 34 * labelers)),
            new Chart("statuses", "Jobs by status", data.hasData("statuses"), 280),
            new Chart(
                "heatmap",
                "Active hours per labeler and date",
                data.hasData("heatmap"),
                Math.max(160, 90 + 30 * heatRows)));
    Map<String, Chart> byId = new LinkedHashMap<>();
    charts.forEach(c -> byId.put(c.id(), c));
    return byId;
  }

  private static ZoneId zoneOf(ResultParams params) {
    try {
      return ZoneId.of(params.zone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "the result's report zone '"
              + params.zone()
              + "' is not a time zone id; use a region id such as Europe/Berlin or UTC",
          e);
    }
  }
}
