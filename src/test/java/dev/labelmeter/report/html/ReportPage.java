package dev.labelmeter.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** A written report parsed back, with lookups by table id, column header and row key. */
final class ReportPage {

  final String html;
  final Document doc;

  private ReportPage(String html) {
    this.html = html;
    this.doc = Jsoup.parse(html);
  }

  static ReportPage read(Path file) throws IOException {
    return new ReportPage(Files.readString(file, StandardCharsets.UTF_8));
  }

  Element table(String id) {
    Element table = doc.getElementById(id);
    assertThat(table).as("table #%s", id).isNotNull();
    assertThat(table.tagName()).isEqualTo("table");
    return table;
  }

  Elements rows(String tableId) {
    return table(tableId).select("tbody > tr");
  }

  List<String> headers(String tableId) {
    return table(tableId).select("thead th").eachText();
  }

  /** Returns the cell in {@code column} of the row whose {@code keyColumn} reads {@code key}. */
  Element cell(String tableId, String keyColumn, String key, String column) {
    List<String> headers = headers(tableId);
    int keyIndex = headers.indexOf(keyColumn);
    int index = headers.indexOf(column);
    assertThat(keyIndex).as("column %s in %s", keyColumn, headers).isNotNegative();
    assertThat(index).as("column %s in %s", column, headers).isNotNegative();
    for (Element row : rows(tableId)) {
      if (row.child(keyIndex).text().equals(key)) {
        return row.child(index);
      }
    }
    throw new AssertionError("no row with " + keyColumn + " = " + key + " in #" + tableId);
  }

  /** Returns the text of {@link #cell}. */
  String text(String tableId, String keyColumn, String key, String column) {
    return cell(tableId, keyColumn, key, column).text();
  }

  /** Returns the row whose {@code keyColumn} reads {@code key}. */
  Element row(String tableId, String keyColumn, String key) {
    return cell(tableId, keyColumn, key, keyColumn).parent();
  }

  /** Returns the value shown beside {@code label} in a facts list. */
  String fact(String label) {
    for (Element entry : doc.select(".facts dl > div")) {
      if (entry.selectFirst("dt").text().equals(label)) {
        return entry.selectFirst("dd").text();
      }
    }
    throw new AssertionError("no fact " + label);
  }
}
