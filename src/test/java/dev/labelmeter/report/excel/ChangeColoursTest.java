package dev.labelmeter.report.excel;

import static dev.labelmeter.report.excel.Workbooks.cell;
import static dev.labelmeter.report.excel.Workbooks.number;
import static dev.labelmeter.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.metrics.TeamFigures;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for issue 7: a change is green when it is better and red when it is worse by
 * the metric's direction, not by its sign: a shorter review turnaround is green, more rejections
 * are red, and more active hours are not coloured at all.
 */
class ChangeColoursTest {

  private static final String GREEN = "FF15803D";
  private static final String RED = "FFB91C1C";

  /** The default font colour: no judgement. */
  private static final String NONE = "FF000000";

  @TempDir static Path dir;
  private static XSSFWorkbook book;

  @BeforeAll
  static void writeAWeekOfMixedChanges() throws IOException {
    ResultFixtures.Builder team = ResultFixtures.builder();
    // this window: more hours and images, more rejections, lower acceptance, faster review
    team.current =
        new TeamFigures(
            12.5, 10.25, 150, 900, 12.0, 72.0, 120, 40, 0.75, 100, 0.75, 3600.0, 9000.0, 3, 10.0,
            14.0);
    team.previous =
        new TeamFigures(
            10.0, 8.0, 100, 700, 10.0, 70.0, 90, 10, 0.9, 80, 0.8, 7200.0, 14400.0, 2, 8.5, 11.0);
    Path target = dir.resolve("changes.xlsx");

    ExcelReportWriter.withDefaults().write(team.build(), target);

    book = Workbooks.open(target);
  }

  @AfterAll
  static void close() throws IOException {
    book.close();
  }

  @Test
  void aShorterReviewTurnaroundIsGreenThoughItWentDown() {
    assertThat(text(book, "Summary!A15")).isEqualTo("Review turnaround median (hours)");
    assertThat(number(book, "Summary!D15")).isEqualTo(-1.0);
    assertThat(fontColour("Summary!D15")).isEqualTo(GREEN);
    assertThat(text(book, "Summary!A16")).isEqualTo("Review turnaround p90 (hours)");
    assertThat(number(book, "Summary!D16")).isEqualTo(-1.5);
    assertThat(fontColour("Summary!D16")).isEqualTo(GREEN);
  }

  @Test
  void moreRejectionsAreRedThoughTheyWentUp() {
    assertThat(text(book, "Summary!A11")).isEqualTo("Rejected decisions");
    assertThat(number(book, "Summary!D11")).isEqualTo(30);
    assertThat(fontColour("Summary!D11")).isEqualTo(RED);
  }

  @Test
  void moreImagesAndAcceptedAreGreenAndALowerAcceptanceRateIsRed() {
    assertThat(text(book, "Summary!A6")).isEqualTo("Images finished");
    assertThat(fontColour("Summary!D6")).isEqualTo(GREEN);
    assertThat(text(book, "Summary!A10")).isEqualTo("Accepted decisions");
    assertThat(fontColour("Summary!D10")).isEqualTo(GREEN);
    assertThat(text(book, "Summary!A12")).isEqualTo("Acceptance rate");
    assertThat(number(book, "Summary!D12")).isEqualTo(0.75 - 0.9);
    assertThat(fontColour("Summary!D12")).isEqualTo(RED);
    assertThat(text(book, "Summary!A14")).isEqualTo("First-pass acceptance");
    assertThat(fontColour("Summary!D14")).isEqualTo(RED);
  }

  @Test
  void hoursAndActivityCountsAreNotColoured() {
    assertThat(text(book, "Summary!A4")).isEqualTo("Active hours");
    assertThat(number(book, "Summary!D4")).isEqualTo(2.5);
    assertThat(fontColour("Summary!D4")).isEqualTo(NONE);
    assertThat(text(book, "Summary!A13")).isEqualTo("First-pass images");
    assertThat(fontColour("Summary!D13")).isEqualTo(NONE);
    assertThat(text(book, "Summary!A17")).isEqualTo("Active users");
    assertThat(fontColour("Summary!D17")).isEqualTo(NONE);
    assertThat(fontColour("Summary!D18")).isEqualTo(NONE);
    // the figures themselves are never coloured
    assertThat(fontColour("Summary!B15")).isEqualTo(NONE);
  }

  @Test
  void labelerChangesAreColouredTheSameWay() {
    // alice: 90 images (60 before), 9 rejected (6 before), 7.5 active hours (6.0 before)
    assertThat(text(book, "Labelers!K1")).isEqualTo("Images finished change");
    assertThat(number(book, "Labelers!K2")).isEqualTo(30);
    assertThat(fontColour("Labelers!K2")).isEqualTo(GREEN);
    assertThat(text(book, "Labelers!Z1")).isEqualTo("Rejected change");
    assertThat(number(book, "Labelers!Z2")).isEqualTo(3);
    assertThat(fontColour("Labelers!Z2")).isEqualTo(RED);
    assertThat(text(book, "Labelers!E1")).isEqualTo("Active hours change");
    assertThat(fontColour("Labelers!E2")).isEqualTo(NONE);
    // bob: acceptance rate 50 % (25 % before); sessions unchanged
    assertThat(number(book, "Labelers!AC3")).isEqualTo(0.25);
    assertThat(fontColour("Labelers!AC3")).isEqualTo(GREEN);
    assertThat(text(book, "Labelers!AL1")).isEqualTo("Sessions change");
    assertThat(number(book, "Labelers!AL3")).isEqualTo(0);
    assertThat(fontColour("Labelers!AL3")).isEqualTo(NONE);
  }

  @Test
  void colouredChangesKeepTheirSignedNumberFormat() {
    assertThat(Workbooks.format(book, "Summary!D11")).isEqualTo("+#,##0;-#,##0;0");
    assertThat(Workbooks.format(book, "Summary!D15")).isEqualTo("+0.00;-0.00;0.00");
    assertThat(Workbooks.format(book, "Labelers!AC3")).isEqualTo("+0.0%;-0.0%;0.0%");
  }

  /** Returns the ARGB font colour of the cell at {@code address}. */
  private static String fontColour(String address) {
    XSSFCellStyle style = (XSSFCellStyle) cell(book, address).getCellStyle();
    XSSFColor colour = style.getFont().getXSSFColor();
    return colour == null || colour.getARGBHex() == null ? NONE : colour.getARGBHex();
  }
}
