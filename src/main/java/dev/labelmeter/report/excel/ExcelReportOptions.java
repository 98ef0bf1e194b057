package dev.labelmeter.report.excel;

/**
 * How the workbook is written. Start from {@link #defaults()}.
 *
 * @param activityRowsPerSheet events per Activity sheet before the next numbered sheet starts;
 *     Excel's limit (1,048,575 below the header) unless a test needs smaller sheets
 * @param compressTempFiles whether the streaming writer gzips its temporary sheet files: less disk
 *     for very large activity sheets, more time
 */
public record ExcelReportOptions(int activityRowsPerSheet, boolean compressTempFiles) {

  /** Excel's last row is 1,048,576; one is the header. */
  public static final int MAX_ACTIVITY_ROWS_PER_SHEET = ActivitySheets.MAX_ROWS_PER_SHEET;

  public ExcelReportOptions {
    if (activityRowsPerSheet < 1 || activityRowsPerSheet > MAX_ACTIVITY_ROWS_PER_SHEET) {
      throw new IllegalArgumentException(
          "activity rows per sheet must be between 1 and "
              + MAX_ACTIVITY_ROWS_PER_SHEET
              + " (Excel's row limit less the header), got "
              + activityRowsPerSheet);
    }
  }

  /** Returns the defaults: full Activity sheets, uncompressed temporary files. */
  public static ExcelReportOptions defaults() {
    return new ExcelReportOptions(MAX_ACTIVITY_ROWS_PER_SHEET, false);
  }

  /** Returns these options with {@code rows} events per Activity sheet. */
  public ExcelReportOptions withActivityRowsPerSheet(int rows) {
    return new ExcelReportOptions(rows, compressTempFiles);
  }

  /** Returns these options with temporary files compressed or not. */
  public ExcelReportOptions withCompressTempFiles(boolean compress) {
    return new ExcelReportOptions(activityRowsPerSheet, compress);
  }
}
