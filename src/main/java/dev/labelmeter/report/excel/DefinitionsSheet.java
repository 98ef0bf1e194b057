package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.MetricDefinitions;
import dev.labelmeter.metrics.MetricDefinitions.Definition;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.report.WindowText;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;

/** Each metric in one sentence, so that the workbook explains itself. */
final class DefinitionsSheet {

  static final String NAME = "Definitions";
  private static final int DEFINITION_COLUMN = 2;

  private DefinitionsSheet() {}

  static void write(SheetWriter out, ResultParams params, ReportZone zone) {
    List<Column<Definition>> columns =
        List.of(
            Column.of("Section", Kind.TEXT, Definition::section),
            Column.of("Metric", Kind.TEXT, Definition::metric),
            Column.of("Definition", Kind.TEXT, Definition::definition));
    TableWriter.write(out, columns, MetricDefinitions.all());
    out.applyWidths();
    out.wideColumn(DEFINITION_COLUMN);
    wrapDefinitions(out, MetricDefinitions.all().size());
    out.skipRow();
    out.newRow().createCell(DEFINITION_COLUMN).setCellValue(WindowText.sentence(params));
    Row note = out.newRow();
    note.createCell(DEFINITION_COLUMN)
        .setCellValue(
            "Dates and times are local to the report zone "
                + zone.zone().getId()
                + "; every column that shows one names the zone in its header.");
  }

  private static void wrapDefinitions(SheetWriter out, int rows) {
    for (int r = 1; r <= rows; r++) {
      out.sheet().getRow(r).getCell(DEFINITION_COLUMN).setCellStyle(out.styles().wrappedText());
    }
  }
}
