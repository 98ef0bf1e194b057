package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.Direction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Writes typed cells into one sheet, top to bottom, and remembers the widest content of each
 * column so that the widths can be set from content length (never by measuring fonts).
 */
final class SheetWriter {

  private static final int MIN_WIDTH_CHARS = 6;
  private static final int MAX_WIDTH_CHARS = 60;
  private static final int LONG_TEXT_WIDTH_CHARS = 100;

  private final SXSSFSheet sheet;
  private final CellStyles styles;
  private final List<Integer> widths = new ArrayList<>();
  private int nextRow;

  SheetWriter(SXSSFSheet sheet, CellStyles styles) {
    this.sheet = sheet;
    this.styles = styles;
  }

  SXSSFSheet sheet() {
    return sheet;
  }

  CellStyles styles() {
    return styles;
  }

  String name() {
    return sheet.getSheetName();
  }

  /** Returns the index of the row {@link #newRow()} will create next. */
  int nextRowIndex() {
    return nextRow;
  }

  /** Returns a new row below the last one. */
  Row newRow() {
    return sheet.createRow(nextRow++);
  }

  /** Leaves one empty row. */
  void skipRow() {
    nextRow++;
  }

  /** Writes {@code headers} as a styled header row and returns its index. */
  int headerRow(List<String> headers) {
    Row row = newRow();
    for (int col = 0; col < headers.size(); col++) {
      Cell cell = row.createCell(col);
      cell.setCellValue(headers.get(col));
      cell.setCellStyle(styles.header());
      track(col, SafeText.displayWidth(headers.get(col)));
    }
    return row.getRowNum();
  }

  /** Writes {@code value} of {@code kind}; a null or non-finite value leaves the cell empty. */
  void value(Row row, int col, Object value, Kind kind) {
    value(row, col, value, kind, Direction.NEUTRAL);
  }

  /**
   * Writes {@code value} of {@code kind}; a change (a kind that {@link Kind#isChange() is a
   * change}) is green when it is better and red when it is worse by {@code direction}.
   */
  void value(Row row, int col, Object value, Kind kind, Direction direction) {
    if (value == null) {
      return;
    }
    if (kind == Kind.TEXT) {
      text(row, col, value.toString());
    } else if (kind == Kind.FLAG) {
      text(row, col, (Boolean) value ? "yes" : "no");
    } else if (value instanceof LocalDate date) {
      styled(row, col, kind).setCellValue(DateUtil.getExcelDate(date.atStartOfDay()));
      track(col, 10);
    } else if (value instanceof LocalDateTime time) {
      // the serial number directly: Cell.setCellValue(LocalDateTime) looks up the workbook's
      // date system in its XML on every call, which dominates writing millions of events
      styled(row, col, kind).setCellValue(DateUtil.getExcelDate(time));
      track(col, 19);
    } else if (kind.isChange()) {
      change(row, col, ((Number) value).doubleValue(), kind, direction);
    } else {
      number(row, col, ((Number) value).doubleValue(), kind);
    }
  }

  /** Writes {@code text} as a text cell, cut to Excel's limit, never read as a formula. */
  void text(Row row, int col, String text) {
    String fitted = SafeText.forCell(text);
    Cell cell = row.createCell(col);
    cell.setCellValue(fitted);
    if (SafeText.looksLikeFormula(fitted)) {
      cell.setCellStyle(styles.quotedText());
    }
    track(col, SafeText.displayWidth(fitted));
  }

  /** Writes {@code text} in {@code style}: a label or title that is not data. */
  void styledText(Row row, int col, String text, CellStyle style) {
    Cell cell = row.createCell(col);
    cell.setCellValue(SafeText.forCell(text));
    cell.setCellStyle(style);
    track(col, SafeText.displayWidth(text));
  }

  /** Writes a title that may run over the next cells, so it does not widen its column. */
  void title(Row row, String text) {
    Cell cell = row.createCell(0);
    cell.setCellValue(SafeText.forCell(text));
    cell.setCellStyle(styles.title());
  }

  /** Writes a number, or leaves the cell empty when it is NaN or infinite. */
  void number(Row row, int col, double value, Kind kind) {
    if (!Double.isFinite(value)) {
      return;
    }
    styled(row, col, kind).setCellValue(value);
    track(col, numberWidth(value, kind));
  }

  private void change(Row row, int col, double change, Kind kind, Direction direction) {
    if (!Double.isFinite(change)) {
      return;
    }
    Cell cell = row.createCell(col);
    cell.setCellStyle(styles.change(kind, direction.judge(change)));
    cell.setCellValue(change);
    track(col, numberWidth(change, kind));
  }

  /**
   * Writes a total: a {@code SUBTOTAL(109, ...)} formula over the column (it follows the filter,
   * skips empty cells and cannot fail) with {@code cached} as its value until Excel recalculates.
   */
  void total(Row row, int col, int firstRow, int lastRow, double cached, Kind kind) {
    Cell cell = row.createCell(col);
    if (lastRow >= firstRow) {
      CellRangeAddress range = new CellRangeAddress(firstRow, lastRow, col, col);
      cell.setCellFormula("SUBTOTAL(109," + range.formatAsString() + ")");
    }
    cell.setCellValue(cached);
    cell.setCellStyle(styles.total(kind));
    track(col, numberWidth(cached, kind));
  }

  /** Writes a link to cell A1 of {@code target} with the text {@code label}. */
  void link(Row row, int col, String label, String target) {
    Hyperlink hyperlink =
        sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
    hyperlink.setAddress(quotedSheetName(target) + "!A1");
    Cell cell = row.createCell(col);
    cell.setCellValue(label);
    cell.setHyperlink(hyperlink);
    cell.setCellStyle(styles.link());
    track(col, SafeText.displayWidth(label));
  }

  /** Freezes the rows above {@code rowsAbove} and the columns left of {@code colsLeft}. */
  void freeze(int colsLeft, int rowsAbove) {
    sheet.createFreezePane(colsLeft, rowsAbove);
  }

  /** Puts an autofilter on the table from {@code headerRow} down to {@code lastRow}. */
  void autoFilter(int headerRow, int lastRow, int columns) {
    sheet.setAutoFilter(
        new CellRangeAddress(headerRow, Math.max(headerRow, lastRow), 0, columns - 1));
  }

  /** Sets the width of each column from its widest content, within sensible bounds. */
  void applyWidths() {
    for (int col = 0; col < widths.size(); col++) {
      int chars = Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, widths.get(col) + 2));
      sheet.setColumnWidth(col, chars * 256);
    }
  }

  /** Sets a wide column whose long texts wrap, for sentences. */
  void wideColumn(int col) {
    sheet.setColumnWidth(col, LONG_TEXT_WIDTH_CHARS * 256);
  }

  /** Returns {@code name} as a formula may refer to it, quoted when needed. */
  static String quotedSheetName(String name) {
    return "'" + name.replace("'", "''") + "'";
  }

  private Cell styled(Row row, int col, Kind kind) {
    Cell cell = row.createCell(col);
    cell.setCellStyle(styles.of(kind));
    return cell;
  }

  private void track(int col, int chars) {
    while (widths.size() <= col) {
      widths.add(0);
    }
    if (chars > widths.get(col)) {
      widths.set(col, chars);
    }
  }

  private static int numberWidth(double value, Kind kind) {
    if (kind == Kind.RATE || kind == Kind.RATE_CHANGE) {
      value *= 100;
    }
    int integerDigits = Long.toString(Math.abs((long) value)).length();
    int extra =
        switch (kind) {
          case HOURS, HOURS_CHANGE -> 3;
          case DECIMAL, DECIMAL_CHANGE -> 2;
          case RATE, RATE_CHANGE -> 3;
          case COUNT, COUNT_CHANGE -> (integerDigits - 1) / 3;
          default -> 0;
        };
    return integerDigits + extra + (value < 0 || kind.name().endsWith("CHANGE") ? 1 : 0);
  }
}
