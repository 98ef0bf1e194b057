package dev.labelmeter.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a written workbook back with POI, the way the tests check what a manager sees. */
final class Workbooks {

  private Workbooks() {}

  static XSSFWorkbook open(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return new XSSFWorkbook(in);
    }
  }

  /** Returns the cell at an address such as {@code Summary!B4}, or null when it is absent. */
  static Cell cell(XSSFWorkbook workbook, String address) {
    CellReference ref = new CellReference(address);
    Sheet sheet = workbook.getSheet(ref.getSheetName());
    if (sheet == null) {
      throw new IllegalArgumentException("no sheet in " + address);
    }
    Row row = sheet.getRow(ref.getRow());
    return row == null ? null : row.getCell(ref.getCol());
  }

  static double number(XSSFWorkbook workbook, String address) {
    return cell(workbook, address).getNumericCellValue();
  }

  static String text(XSSFWorkbook workbook, String address) {
    return cell(workbook, address).getStringCellValue();
  }

  static String format(XSSFWorkbook workbook, String address) {
    return cell(workbook, address).getCellStyle().getDataFormatString();
  }

  /** Returns whether the cell is absent or blank: how a missing value must look. */
  static boolean isEmpty(XSSFWorkbook workbook, String address) {
    Cell cell = cell(workbook, address);
    return cell == null || cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK;
  }
}
