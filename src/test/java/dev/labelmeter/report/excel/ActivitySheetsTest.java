package dev.labelmeter.report.excel;

import static dev.labelmeter.report.excel.ExcelReportWriterTest.besideLabel;
import static dev.labelmeter.report.excel.ExcelReportWriterTest.labelCell;
import static dev.labelmeter.report.excel.Workbooks.cell;
import static dev.labelmeter.report.excel.Workbooks.isEmpty;
import static dev.labelmeter.report.excel.Workbooks.number;
import static dev.labelmeter.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional raw events: one row per event, continued on numbered sheets past the limit. */
class ActivitySheetsTest {

  @TempDir Path dir;

  @Test
  void eventsPastTheRowLimitContinueOnNumberedSheetsAndTheSummarySaysSo() throws IOException {
    ExcelReportWriter writer =
        new ExcelReportWriter(ExcelReportOptions.defaults().withActivityRowsPerSheet(3));
    Path target = dir.resolve("team.xlsx");

    WrittenWorkbook written =
        writer.write(ResultFixtures.team(), Optional.of(ActivityFixtures.events(7)), target);

    assertThat(written.activityRows()).isEqualTo(7);
    assertThat(written.sheets()).endsWith("Definitions", "Activity", "Activity 2", "Activity 3");
    try (XSSFWorkbook book = Workbooks.open(target)) {
      assertThat(book.getSheet("Activity").getLastRowNum()).isEqualTo(3);
      assertThat(book.getSheet("Activity 2").getLastRowNum()).isEqualTo(3);
      assertThat(book.getSheet("Activity 3").getLastRowNum()).isEqualTo(1);
      // the 7th event (n = 6) is the first row of the third sheet
      assertThat(number(book, "'Activity 3'!K2")).isEqualTo(506);
      assertThat(book.getSheet("Activity").getCTWorksheet().getAutoFilter().getRef())
          .isEqualTo("A1:R4");
      assertThat(book.getSheet("Activity 3").getCTWorksheet().getAutoFilter().getRef())
          .isEqualTo("A1:R2");
      assertThat(book.getSheet("Activity 2").getPaneInformation().isFreezePane()).isTrue();
      var summary = book.getSheet("Summary");
      assertThat(besideLabel(summary, "Activity").getStringCellValue())
          .isEqualTo(
              "Raw events of the window: 7 events on 3 sheets, since a sheet holds at most 3"
                  + " rows: Activity, Activity 2, Activity 3");
      assertThat(labelCell(summary, "Activity 3").getHyperlink().getAddress())
          .isEqualTo("'Activity 3'!A1");
    }
  }

  @Test
  void eachEventShowsItsFieldsWithTheDateInTheReportZone() throws IOException {
    Path target = dir.resolve("team.xlsx");

    ExcelReportWriter.withDefaults()
        .write(ResultFixtures.team(), Optional.of(ActivityFixtures.events(2)), target);

    try (XSSFWorkbook book = Workbooks.open(target)) {
      assertThat(text(book, "Activity!A1")).isEqualTo("Date (Europe/Berlin)");
      // 10:01 UTC is 12:01 in Berlin
      assertThat(cell(book, "Activity!A3").getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2024, 5, 8, 12, 1));
      assertThat(number(book, "Activity!B3")).isEqualTo(1);
      assertThat(text(book, "Activity!C3")).isEqualTo("alice");
      assertThat(text(book, "Activity!D3")).isEqualTo("image_review_status_updated");
      assertThat(number(book, "Activity!E3")).isEqualTo(11);
      assertThat(text(book, "Activity!L3")).isEqualTo("img_1.jpg");
      // no class on this event: empty, never 0
      assertThat(isEmpty(book, "Activity!M3")).isTrue();
      assertThat(text(book, "Activity!R1")).isEqualTo("Meta (JSON)");
      assertThat(text(book, "Activity!R3")).isEqualTo("{\"reviewStatus\":\"done\"}");
      assertThat(besideLabel(book.getSheet("Summary"), "Activity").getStringCellValue())
          .isEqualTo("Raw events of the window: 2 events");
    }
  }

  @Test
  void anEmptyActivityStillGetsItsSheetWithTheHeader() throws IOException {
    Path target = dir.resolve("team.xlsx");

    WrittenWorkbook written =
        ExcelReportWriter.withDefaults()
            .write(ResultFixtures.team(), Optional.of(ActivityFixtures.events(0)), target);

    assertThat(written.activityRows()).isZero();
    try (XSSFWorkbook book = Workbooks.open(target)) {
      assertThat(book.getSheet("Activity").getLastRowNum()).isZero();
      assertThat(book.getSheet("Activity").getCTWorksheet().getAutoFilter().getRef())
          .isEqualTo("A1:R1");
    }
  }

  @Test
  void rowsPerSheetMustFitExcel() {
    assertThat(ExcelReportOptions.defaults().activityRowsPerSheet()).isEqualTo(1_048_575);
    assertThatThrownBy(() -> ExcelReportOptions.defaults().withActivityRowsPerSheet(1_048_576))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 1048575");
    assertThatThrownBy(() -> ExcelReportOptions.defaults().withActivityRowsPerSheet(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
