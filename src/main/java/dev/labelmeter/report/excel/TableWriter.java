package dev.labelmeter.report.excel;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes rows as a table: a styled, frozen header row, one row per item, an autofilter over the
 * table and, when a column is totaled, a total row below the filtered range.
 */
final class TableWriter {

  private TableWriter() {}

  /**
   * Writes {@code rows} under {@code columns} starting at the sheet's next row and returns the
   * index of the header row. The header row is frozen only when it is the sheet's first row.
   */
  static <R> int write(SheetWriter out, List<Column<R>> columns, Iterable<R> rows) {
    int headerRow = out.headerRow(columns.stream().map(Column::header).toList());
    double[] sums = new double[columns.size()];
    for (R item : rows) {
      Row row = out.newRow();
      for (int col = 0; col < columns.size(); col++) {
        Column<R> column = columns.get(col);
        Object value = column.value().apply(item);
        out.value(row, col, value, column.kind(), column.direction());
        if (column.totaled() && value instanceof Number n && Double.isFinite(n.doubleValue())) {
          sums[col] += n.doubleValue();
        }
      }
    }
    int lastRow = out.nextRowIndex() - 1;
    out.autoFilter(headerRow, lastRow, columns.size());
    if (headerRow == 0) {
      out.freeze(0, 1);
    }
    writeTotals(out, columns, headerRow, lastRow, sums);
    return headerRow;
  }

  private static <R> void writeTotals(
      SheetWriter out, List<Column<R>> columns, int headerRow, int lastRow, double[] sums) {
    if (columns.stream().noneMatch(Column::totaled)) {
      return;
    }
    Row row = out.newRow();
    out.styledText(row, 0, "Total", out.styles().label());
    for (int col = 1; col < columns.size(); col++) {
      Column<R> column = columns.get(col);
      if (column.totaled()) {
        out.total(row, col, headerRow + 1, lastRow, sums[col], column.kind());
      }
    }
  }
}
