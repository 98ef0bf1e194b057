package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.report.excel.ExcelReportWriter;
import dev.labelmeter.report.html.HtmlReportWriter;
import dev.labelmeter.report.json.JsonReportWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report writer of each format. */
public final class ReportWriters {

  private ReportWriters() {}

  /**
   * Returns a writer for each of {@code formats}, in their order.
   */
  public static Map<ReportFormat, ReportStep.ResultWriter> forFormats(List<ReportFormat> formats) {
    Map<ReportFormat, ReportStep.ResultWriter> writers = new LinkedHashMap<>();
    for (ReportFormat format : formats) {
      writers.put(format, writer(format));
    }
    return writers;
  }

  private static ReportStep.ResultWriter writer(ReportFormat format) {
    return switch (format) {
      case HTML -> (result, activity, file) -> new HtmlReportWriter().write(result, file);
      case JSON -> (result, activity, file) -> new JsonReportWriter().write(result, file);
      case XLSX ->
          (result, activity, file) ->
              ExcelReportWriter.withDefaults().write(result, activity, file);
    };
  }
}
