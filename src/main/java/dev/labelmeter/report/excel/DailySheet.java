package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsResult;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The trend table, one row per date, with two native charts beside it: active hours and images
 * finished per day (a line chart, images on a second axis), and images per active hour per labeler
 * (a bar chart over the Labelers sheet).
 */
final class DailySheet {

  static final String NAME = "Daily";
  static final String TREND_CHART_TITLE = "Active hours and images finished per day";
  static final String LABELER_CHART_TITLE = "Images per active hour per labeler";
  static final int HOURS_COLUMN = 1;
  static final int IMAGES_COLUMN = 3;
  private static final int CHART_COLUMN = 10;
  private static final int CHART_WIDTH = 10;
  private static final int TREND_CHART_ROWS = 20;

  private DailySheet() {}

  static void write(SheetWriter out, MetricsResult result, ReportZone zone, XSSFSheet charts) {
    TableWriter.write(out, columns(zone), result.daily());
    out.freeze(1, 1);
    out.applyWidths();
    XSSFDrawing drawing = charts.createDrawingPatriarch();
    if (result.daily().isEmpty()) {
      note(out, "No dates in the window: the daily chart is left out.");
    } else {
      trendChart(drawing, out.name(), result.daily());
    }
    if (result.labelers().isEmpty()) {
      note(out, "No labelers in the window: the labeler chart is left out.");
    } else {
      labelerChart(drawing, result.labelers());
    }
  }

  static List<Column<DailyRow>> columns(ReportZone zone) {
    return List.of(
        Column.of(zone.header("Date"), Kind.DATE, DailyRow::date),
        Column.summed("Active hours", Kind.HOURS, DailyRow::activeHours),
        Column.summed("Platform hours", Kind.HOURS, DailyRow::platformHours),
        Column.summed("Images finished", Kind.COUNT, DailyRow::imagesFinished),
        Column.summed("Objects created", Kind.COUNT, DailyRow::objectsCreated),
        Column.summed("Accepted", Kind.COUNT, DailyRow::accepted),
        Column.summed("Rejected", Kind.COUNT, DailyRow::rejected),
        Column.of("Active users", Kind.COUNT, DailyRow::activeUsers));
  }

  private static void trendChart(XSSFDrawing drawing, String sheet, List<DailyRow> days) {
    XSSFChart chart = newChart(drawing, 0, TREND_CHART_ROWS, TREND_CHART_TITLE);
    XDDFCategoryDataSource dates =
        XDDFDataSourcesFactory.fromArray(
            days.stream().map(d -> d.date().toString()).toArray(String[]::new),
            range(sheet, 0, days.size()));
    XDDFCategoryAxis hoursDates = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis hoursAxis = chart.createValueAxis(AxisPosition.LEFT);
    hoursAxis.setTitle("Active hours");
    hoursAxis.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFLineChartData hours =
        (XDDFLineChartData) chart.createData(ChartTypes.LINE, hoursDates, hoursAxis);
    addLine(hours, dates, days, sheet, HOURS_COLUMN, DailyRow::activeHours);
    chart.plot(hours);

    XDDFCategoryAxis imagesDates = chart.createCategoryAxis(AxisPosition.BOTTOM);
    imagesDates.setVisible(false);
    XDDFValueAxis imagesAxis = chart.createValueAxis(AxisPosition.RIGHT);
    imagesAxis.setTitle("Images finished");
    imagesDates.crossAxis(imagesAxis);
    imagesAxis.crossAxis(imagesDates);
    imagesAxis.setCrosses(AxisCrosses.MAX);
    XDDFLineChartData images =
        (XDDFLineChartData) chart.createData(ChartTypes.LINE, imagesDates, imagesAxis);
    addLine(images, dates, days, sheet, IMAGES_COLUMN, d -> (double) d.imagesFinished());
    chart.plot(images);
  }

  private static void addLine(
      XDDFLineChartData data,
      XDDFCategoryDataSource dates,
      List<DailyRow> days,
      String sheet,
      int column,
      Function<DailyRow, Double> value) {
    XDDFNumericalDataSource<Double> values =
        XDDFDataSourcesFactory.fromArray(
            days.stream().map(value).map(DailySheet::finiteOrNull).toArray(Double[]::new),
            range(sheet, column, days.size()));
    XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(dates, values);
    series.setTitle(columnTitle(column), new CellReference(sheet, 0, column, true, true));
    series.setMarkerStyle(MarkerStyle.CIRCLE);
    series.setSmooth(false);
  }

  private static void labelerChart(XSSFDrawing drawing, List<LabelerRow> labelers) {
    int rows = Math.min(200, Math.max(TREND_CHART_ROWS, labelers.size() + 6));
    XSSFChart chart = newChart(drawing, TREND_CHART_ROWS + 2, rows, LABELER_CHART_TITLE);
    int loginColumn = LabelersSheet.columnIndex(LabelersSheet.LOGIN);
    int rateColumn = LabelersSheet.columnIndex(LabelersSheet.IMAGES_PER_ACTIVE_HOUR_HEADER);
    XDDFCategoryDataSource logins =
        XDDFDataSourcesFactory.fromArray(
            labelers.stream().map(LabelerRow::login).toArray(String[]::new),
            range(LabelersSheet.NAME, loginColumn, labelers.size()));
    XDDFNumericalDataSource<Double> rates =
        XDDFDataSourcesFactory.fromArray(
            labelers.stream()
                .map(LabelerRow::current)
                .map(LabelerFigures::imagesPerActiveHour)
                .map(DailySheet::finiteOrNull)
                .toArray(Double[]::new),
            range(LabelersSheet.NAME, rateColumn, labelers.size()));
    XDDFCategoryAxis loginAxis = chart.createCategoryAxis(AxisPosition.LEFT);
    XDDFValueAxis rateAxis = chart.createValueAxis(AxisPosition.BOTTOM);
    rateAxis.setTitle(LabelersSheet.IMAGES_PER_ACTIVE_HOUR_HEADER);
    rateAxis.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFBarChartData bars =
        (XDDFBarChartData) chart.createData(ChartTypes.BAR, loginAxis, rateAxis);
    bars.setBarDirection(BarDirection.BAR);
    XDDFChartData.Series series = bars.addSeries(logins, rates);
    series.setTitle(
        LabelersSheet.IMAGES_PER_ACTIVE_HOUR_HEADER,
        new CellReference(LabelersSheet.NAME, 0, rateColumn, true, true));
    chart.plot(bars);
  }

  private static XSSFChart newChart(XSSFDrawing drawing, int firstRow, int rows, String title) {
    XSSFClientAnchor anchor =
        drawing.createAnchor(
            0, 0, 0, 0, CHART_COLUMN, firstRow, CHART_COLUMN + CHART_WIDTH, firstRow + rows);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    return chart;
  }

  /** Returns the absolute reference to the data rows of {@code column} of {@code sheet}. */
  static String range(String sheet, int column, int rows) {
    return new CellRangeAddress(1, rows, column, column).formatAsString(sheet, true);
  }

  private static String columnTitle(int column) {
    return column == HOURS_COLUMN ? "Active hours" : "Images finished";
  }

  private static Double finiteOrNull(Double value) {
    return value != null && Double.isFinite(value) ? value : null;
  }

  private static void note(SheetWriter out, String text) {
    out.skipRow();
    Row row = out.newRow();
    out.styledText(row, 0, text, out.styles().label());
  }
}
