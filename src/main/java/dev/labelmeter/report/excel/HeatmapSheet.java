package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.Direction;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Heatmap.HeatmapRow;
import dev.labelmeter.metrics.Metric;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Labeler by date active hours, shaded by Excel from white (none) to blue (the most): active hours
 * are neither better nor worse ({@link Metric#ACTIVE_HOURS}), so the scale is not green to red.
 */
final class HeatmapSheet {

  static final String NAME = "Heatmap";
  static final String WHITE = "FFFFFF";
  static final String NEUTRAL_COLOR = "2563EB";
  static final String GOOD_COLOR = "63BE7B";
  private static final int FIRST_DATE_COLUMN = 2;

  private HeatmapSheet() {}

  static void write(SheetWriter out, Heatmap heatmap, ReportZone zone) {
    List<Column<HeatmapRow>> columns = columns(heatmap.dates(), zone);
    TableWriter.write(out, columns, heatmap.rows());
    out.freeze(FIRST_DATE_COLUMN, 1);
    out.applyWidths();
    if (!heatmap.rows().isEmpty() && !heatmap.dates().isEmpty()) {
      colorScale(out, heatmap.rows().size(), heatmap.dates().size());
    }
  }

  private static List<Column<HeatmapRow>> columns(List<LocalDate> dates, ReportZone zone) {
    List<Column<HeatmapRow>> columns = new ArrayList<>();
    columns.add(Column.of("User id", Kind.ID, HeatmapRow::userId));
    columns.add(Column.of(zone.header("Labeler / date"), Kind.TEXT, HeatmapRow::login));
    for (int i = 0; i < dates.size(); i++) {
      int day = i;
      columns.add(Column.summed(dates.get(i).toString(), Kind.HOURS, r -> hoursOn(r, day)));
    }
    return columns;
  }

  private static Double hoursOn(HeatmapRow row, int day) {
    return day < row.activeHours().size() ? row.activeHours().get(day) : null;
  }

  private static Color color(CreationHelper helper, String rgbHex) {
    ExtendedColor color = helper.createExtendedColor();
    color.setARGBHex("FF" + rgbHex);
    return color;
  }

  /**
   * Returns the colours of the lowest and the highest value of a figure going {@code direction}:
   * green marks the better end, a neutral figure goes from white to blue.
   */
  static String[] scaleColors(Direction direction) {
    return switch (direction) {
      case HIGHER_IS_BETTER -> new String[] {WHITE, GOOD_COLOR};
      case LOWER_IS_BETTER -> new String[] {GOOD_COLOR, WHITE};
      case NEUTRAL -> new String[] {WHITE, NEUTRAL_COLOR};
    };
  }

  private static void colorScale(SheetWriter out, int rows, int dates) {
    SheetConditionalFormatting formatting = out.sheet().getSheetConditionalFormatting();
    ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
    ColorScaleFormatting scale = rule.getColorScaleFormatting();
    scale.setNumControlPoints(2);
    scale.getThresholds()[0].setRangeType(RangeType.MIN);
    scale.getThresholds()[1].setRangeType(RangeType.MAX);
    CreationHelper helper = out.sheet().getWorkbook().getCreationHelper();
    String[] colors = scaleColors(Metric.ACTIVE_HOURS.direction());
    scale.setColors(new Color[] {color(helper, colors[0]), color(helper, colors[1])});
    CellRangeAddress area =
        new CellRangeAddress(1, rows, FIRST_DATE_COLUMN, FIRST_DATE_COLUMN + dates - 1);
    formatting.addConditionalFormatting(new CellRangeAddress[] {area}, rule);
  }
}
