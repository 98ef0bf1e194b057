package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.report.ReportFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link MetricsResult} as the {@code .xlsx} workbook a manager opens each morning.
 *
 * <p>Sheets, in order: Summary, Labelers, Reviewers, Jobs, Classes, Daily (with charts), Heatmap,
 * Definitions and, when an activity source is given, Activity (continued on Activity 2, 3, ...
 * past Excel's row limit). Every sheet streams, so memory stays bounded however many events there
 * are; the streaming writer's temporary files are removed before {@code write} returns.
 *
 * <pre>{@code
 * ExcelReportWriter writer = new ExcelReportWriter(ExcelReportOptions.defaults());
 * writer.write(result, Optional.of(engine.windowActivity(store, params)), Path.of("team.xlsx"));
 * }</pre>
 */
public final class ExcelReportWriter {

  /** Rows each streaming sheet keeps in memory before flushing them to its temporary file. */
  private static final int ROWS_IN_MEMORY = 200;

  private final ExcelReportOptions options;

  public ExcelReportWriter(ExcelReportOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Returns a writer with {@link ExcelReportOptions#defaults()}. */
  public static ExcelReportWriter withDefaults() {
    return new ExcelReportWriter(ExcelReportOptions.defaults());
  }

  /**
   * Writes {@code result} to {@code target} atomically and returns what was written. With an
   * {@code activity} source, the window's raw events are included on Activity sheets (the
   * {@code --include-activity} option).
   *
   * @throws IOException if the workbook cannot be written or the activity cannot be read; the
   *     target is then left as it was (no partial file)
   */
  public WrittenWorkbook write(MetricsResult result, Optional<ActivitySource> activity, Path target)
      throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(target, "target");
    ReportZone zone = ReportZone.of(result.params().zone());
    return ReportFiles.writeReturning(target, out -> render(result, zone, activity, target, out));
  }

  /**
   * Writes {@code result} without raw events; see {@link #write(MetricsResult, Optional, Path)}.
   */
  public WrittenWorkbook write(MetricsResult result, Path target) throws IOException {
    return write(result, Optional.empty(), target);
  }

  private WrittenWorkbook render(
      MetricsResult result,
      ReportZone zone,
      Optional<ActivitySource> activity,
      Path target,
      OutputStream out)
      throws IOException {
    SXSSFWorkbook workbook =
        new SXSSFWorkbook(null, ROWS_IN_MEMORY, options.compressTempFiles(), false);
    try {
      Optional<ActivitySheets.Written> written = fill(workbook, result, zone, activity);
      workbook.write(out);
      List<String> sheets = new ArrayList<>();
      workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
      long rows = written.map(ActivitySheets.Written::rows).orElse(0L);
      return new WrittenWorkbook(target, sheets, rows);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  private Optional<ActivitySheets.Written> fill(
      SXSSFWorkbook workbook,
      MetricsResult result,
      ReportZone zone,
      Optional<ActivitySource> activity)
      throws IOException {
    CellStyles styles = new CellStyles(workbook);
    SheetNames names = new SheetNames();
    SheetWriter summary = sheet(workbook, names, styles, SummarySheet.NAME);
    LabelersSheet.write(sheet(workbook, names, styles, LabelersSheet.NAME), result);
    ReviewersSheet.write(sheet(workbook, names, styles, ReviewersSheet.NAME), result);
    JobsSheet.write(sheet(workbook, names, styles, JobsSheet.NAME), result, zone);
    ClassesSheet.write(sheet(workbook, names, styles, ClassesSheet.NAME), result);
    SheetWriter daily = sheet(workbook, names, styles, DailySheet.NAME);
    DailySheet.write(daily, result, zone, workbook.getXSSFWorkbook().getSheet(daily.name()));
    HeatmapSheet.write(sheet(workbook, names, styles, HeatmapSheet.NAME), result.heatmap(), zone);
    DefinitionsSheet.write(
        sheet(workbook, names, styles, DefinitionsSheet.NAME), result.params(), zone);
    Optional<ActivitySheets.Written> written = Optional.empty();
    if (activity.isPresent()) {
      written =
          Optional.of(
              ActivitySheets.write(
                  workbook, names, styles, zone, activity.get(), options.activityRowsPerSheet()));
    }
    SummarySheet.write(summary, result, zone, links(), written);
    return written;
  }

  private static SheetWriter sheet(
      SXSSFWorkbook workbook, SheetNames names, CellStyles styles, String name) {
    return new SheetWriter(workbook.createSheet(names.claim(name)), styles);
  }

  private static List<SummarySheet.SheetLink> links() {
    return List.of(
        new SummarySheet.SheetLink(
            LabelersSheet.NAME, "One row per labeler, each figure beside the previous window"),
        new SummarySheet.SheetLink(
            ReviewersSheet.NAME, "Decisions and review turnaround per reviewer"),
        new SummarySheet.SheetLink(
            JobsSheet.NAME, "One row per job: progress, hours, stale flag, ETA"),
        new SummarySheet.SheetLink(ClassesSheet.NAME, "Per class, and per labeler and class"),
        new SummarySheet.SheetLink(DailySheet.NAME, "The trend per day, with charts"),
        new SummarySheet.SheetLink(HeatmapSheet.NAME, "Active hours per labeler and date"),
        new SummarySheet.SheetLink(DefinitionsSheet.NAME, "Each metric in one sentence"));
  }
}
