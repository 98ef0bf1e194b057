package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads written reports back: the workbook's sheets and the page's sections. */
final class ReportChecks {
  static final List<String> SHEETS =
      List.of(
          "Summary", "Labelers", "Reviewers", "Jobs", "Classes", "Daily", "Heatmap", "Definitions");
  static final List<String> SECTIONS =
      List.of(
          "summary",
          "labelers",
          "reviewers",
          "jobs",
          "classes",
          "daily",
          "heatmap",
          "data-quality",
          "definitions");

  private ReportChecks() {}

  /** Returns every regular file under {@code dir}, sorted; none when it does not exist. */
  static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
    }
  }

  /** Returns the one file of {@code files} whose name ends with {@code suffix}. */
  static Path single(List<Path> files, String suffix) {
    List<Path> matching = files.stream().filter(f -> f.toString().endsWith(suffix)).toList();
    assertThat(matching).as("files ending with " + suffix + " in " + files).hasSize(1);
    return matching.get(0);
  }

  /** Checks that the workbook opens and has every sheet, in order, with rows of labelers. */
  static void assertWorkbook(Path xlsx) throws IOException {
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      List<String> names = new ArrayList<>();
      workbook.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsSubsequence(SHEETS);
      assertThat(workbook.getSheet("Labelers").getLastRowNum()).isGreaterThan(0);
      assertThat(workbook.getSheet("Jobs").getLastRowNum()).isGreaterThan(0);
    }
  }

  /** Checks that the page has every section. */
  static void assertPage(Path html) throws IOException {
    String page = Files.readString(html);
    assertThat(page).contains("<!DOCTYPE html>");
    for (String section : SECTIONS) {
      assertThat(page).contains("<section id=\"" + section + "\">");
    }
  }
}
