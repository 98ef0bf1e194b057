package dev.labelmeter.report.excel;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ExcelReportWriter#write} wrote, for the caller's log line.
 *
 * @param path the workbook
 * @param sheets every sheet, in order
 * @param activityRows raw events written on the Activity sheets; 0 when not included
 */
public record WrittenWorkbook(Path path, List<String> sheets, long activityRows) {

  public WrittenWorkbook {
    sheets = List.copyOf(sheets);
  }
}
