package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.Direction.Judgement;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The workbook's fixed set of cell styles, created once and shared by every cell: a workbook
 * holds at most 64,000 styles, and one per cell would also make the file slow to open.
 */
final class CellStyles {

  /** The font colour of a change for the better, as in the HTML report. */
  static final String BETTER_RGB = "15803D";

  /** The font colour of a change for the worse, as in the HTML report. */
  static final String WORSE_RGB = "B91C1C";

  private final Map<Kind, CellStyle> byKind = new EnumMap<>(Kind.class);
  private final Map<Kind, CellStyle> betterByKind = new EnumMap<>(Kind.class);
  private final Map<Kind, CellStyle> worseByKind = new EnumMap<>(Kind.class);
  private final Map<Kind, CellStyle> totalByKind = new EnumMap<>(Kind.class);
  private final CellStyle quotedText;
  private final CellStyle wrappedText;
  private final CellStyle header;
  private final CellStyle title;
  private final CellStyle label;
  private final CellStyle link;

  CellStyles(Workbook workbook) {
    DataFormat formats = workbook.createDataFormat();
    Font bold = workbook.createFont();
    bold.setBold(true);
    for (Kind kind : Kind.values()) {
      byKind.put(kind, numberStyle(workbook, formats, kind, null));
      if (kind.numeric()) {
        totalByKind.put(kind, totalStyle(workbook, formats, kind, bold));
      }
      if (kind.isChange()) {
        betterByKind.put(
            kind, numberStyle(workbook, formats, kind, coloured(workbook, BETTER_RGB)));
        worseByKind.put(kind, numberStyle(workbook, formats, kind, coloured(workbook, WORSE_RGB)));
      }
    }
    quotedText = workbook.createCellStyle();
    quotedText.setQuotePrefixed(true);
    wrappedText = workbook.createCellStyle();
    wrappedText.setWrapText(true);
    wrappedText.setVerticalAlignment(VerticalAlignment.TOP);
    header = headerStyle(workbook, bold);
    title = titleStyle(workbook);
    label = workbook.createCellStyle();
    label.setFont(bold);
    link = linkStyle(workbook);
  }

  CellStyle of(Kind kind) {
    return byKind.get(kind);
  }

  /** Returns the style of a change of {@code kind}: green when better, red when worse. */
  CellStyle change(Kind kind, Judgement judgement) {
    if (!kind.isChange()) {
      throw new IllegalArgumentException(kind + " cells hold no change");
    }
    return switch (judgement) {
      case BETTER -> betterByKind.get(kind);
      case WORSE -> worseByKind.get(kind);
      case NONE -> byKind.get(kind);
    };
  }

  CellStyle total(Kind kind) {
    return totalByKind.getOrDefault(kind, label);
  }

  CellStyle quotedText() {
    return quotedText;
  }

  CellStyle wrappedText() {
    return wrappedText;
  }

  CellStyle header() {
    return header;
  }

  CellStyle title() {
    return title;
  }

  CellStyle label() {
    return label;
  }

  CellStyle link() {
    return link;
  }

  private static CellStyle numberStyle(Workbook wb, DataFormat formats, Kind kind, Font font) {
    CellStyle style = wb.createCellStyle();
    if (kind.format() != null) {
      style.setDataFormat(formats.getFormat(kind.format()));
    }
    if (font != null) {
      style.setFont(font);
    }
    return style;
  }

  private static CellStyle totalStyle(Workbook wb, DataFormat formats, Kind kind, Font bold) {
    CellStyle style = numberStyle(wb, formats, kind, bold);
    style.setBorderTop(BorderStyle.THIN);
    return style;
  }

  private static Font coloured(Workbook workbook, String rgbHex) {
    XSSFFont font = (XSSFFont) workbook.createFont();
    font.setColor(new XSSFColor(HexFormat.of().parseHex(rgbHex), null));
    return font;
  }

  private static CellStyle headerStyle(Workbook workbook, Font bold) {
    CellStyle style = workbook.createCellStyle();
    style.setFont(bold);
    style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    style.setBorderBottom(BorderStyle.THIN);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    style.setWrapText(true);
    return style;
  }

  private static CellStyle titleStyle(Workbook workbook) {
    Font font = workbook.createFont();
    font.setBold(true);
    font.setFontHeightInPoints((short) 14);
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    return style;
  }

  private static CellStyle linkStyle(Workbook workbook) {
    Font font = workbook.createFont();
    font.setUnderline(Font.U_SINGLE);
    font.setColor(IndexedColors.BLUE.getIndex());
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    return style;
  }
}
