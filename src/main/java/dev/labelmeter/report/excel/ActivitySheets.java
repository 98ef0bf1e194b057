package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.ActivityRow;
import dev.labelmeter.metrics.ActivitySource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The window's raw events, streamed row by row onto "Activity", then "Activity 2", "Activity 3"
 * and so on whenever a sheet is full, so that no event is dropped at Excel's row limit.
 */
final class ActivitySheets {

  static final String NAME = "Activity";

  /** Excel's last row is 1,048,576; one is the header. */
  static final int MAX_ROWS_PER_SHEET = 1_048_575;

  /**
   * What was written.
   *
   * @param rows events written
   * @param sheets the sheets holding them, in order
   * @param rowsPerSheet the most events one sheet holds
   */
  record Written(long rows, List<String> sheets, int rowsPerSheet) {
    Written {
      sheets = List.copyOf(sheets);
    }
  }

  private final SXSSFWorkbook workbook;
  private final SheetNames names;
  private final CellStyles styles;
  private final int rowsPerSheet;
  private final List<Column<ActivityRow>> columns;
  private final List<String> sheets = new ArrayList<>();
  private SheetWriter current;
  private int rowsOnSheet;
  private long rows;

  private ActivitySheets(
      SXSSFWorkbook workbook,
      SheetNames names,
      CellStyles styles,
      ReportZone zone,
      int rowsPerSheet) {
    this.workbook = workbook;
    this.names = names;
    this.styles = styles;
    this.rowsPerSheet = rowsPerSheet;
    this.columns = columns(zone);
  }

  /** Writes every event of {@code source} and returns how many, on which sheets. */
  static Written write(
      SXSSFWorkbook workbook,
      SheetNames names,
      CellStyles styles,
      ReportZone zone,
      ActivitySource source,
      int rowsPerSheet)
      throws IOException {
    ActivitySheets out = new ActivitySheets(workbook, names, styles, zone, rowsPerSheet);
    out.startSheet();
    source.forEach(out::add);
    out.finishSheet();
    return new Written(out.rows, out.sheets, rowsPerSheet);
  }

  static List<Column<ActivityRow>> columns(ReportZone zone) {
    return List.of(
        Column.of(zone.header("Date"), Kind.DATE_TIME, a -> zone.local(a.date())),
        Column.of("User id", Kind.ID, ActivityRow::userId),
        Column.of("User", Kind.TEXT, ActivityRow::user),
        Column.of("Action", Kind.TEXT, ActivityRow::action),
        Column.of("Job id", Kind.ID, ActivityRow::jobId),
        Column.of("Job", Kind.TEXT, ActivityRow::job),
        Column.of("Project id", Kind.ID, ActivityRow::projectId),
        Column.of("Project", Kind.TEXT, ActivityRow::project),
        Column.of("Dataset id", Kind.ID, ActivityRow::datasetId),
        Column.of("Dataset", Kind.TEXT, ActivityRow::dataset),
        Column.of("Image id", Kind.ID, ActivityRow::imageId),
        Column.of("Image", Kind.TEXT, ActivityRow::image),
        Column.of("Class id", Kind.ID, ActivityRow::classId),
        Column.of("Class", Kind.TEXT, ActivityRow::className),
        Column.of("Figure id", Kind.ID, ActivityRow::figureId),
        Column.of("Tag id", Kind.ID, ActivityRow::tagId),
        Column.of("Tag", Kind.TEXT, ActivityRow::tag),
        Column.of("Meta (JSON)", Kind.TEXT, ActivityRow::metaJson));
  }

  private void add(ActivityRow event) {
    if (rowsOnSheet == rowsPerSheet) {
      finishSheet();
      startSheet();
    }
    Row row = current.newRow();
    for (int col = 0; col < columns.size(); col++) {
      Column<ActivityRow> column = columns.get(col);
      current.value(row, col, column.value().apply(event), column.kind());
    }
    rowsOnSheet++;
    rows++;
  }

  private void startSheet() {
    String wanted = sheets.isEmpty() ? NAME : NAME + " " + (sheets.size() + 1);
    current = new SheetWriter(workbook.createSheet(names.claim(wanted)), styles);
    sheets.add(current.name());
    current.headerRow(columns.stream().map(Column::header).toList());
    current.freeze(1, 1);
    rowsOnSheet = 0;
  }

  private void finishSheet() {
    current.autoFilter(0, rowsOnSheet, columns.size());
    current.applyWidths();
  }
}
