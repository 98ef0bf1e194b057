package dev.labelmeter.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves no partial file where the report should be, and no temporary files. */
class AtomicWriteTest {

  @TempDir Path dir;

  @Test
  void aFailingActivitySourceLeavesNoFileAtTheTarget() throws IOException {
    Path target = dir.resolve("reports").resolve("team.xlsx");

    assertThatThrownBy(
            () ->
                ExcelReportWriter.withDefaults()
                    .write(
                        ResultFixtures.team(),
                        Optional.of(ActivityFixtures.failingAfter(500)),
                        target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("activity file is truncated");

    assertThat(target).doesNotExist();
    assertThat(listing(target.getParent())).isEmpty();
  }

  @Test
  void aFailingWriteKeepsTheReportOfThePreviousRun() throws IOException {
    Path target = dir.resolve("team.xlsx");
    ExcelReportWriter.withDefaults().write(ResultFixtures.team(), target);
    byte[] before = Files.readAllBytes(target);

    assertThatThrownBy(
            () ->
                ExcelReportWriter.withDefaults()
                    .write(
                        ResultFixtures.team(),
                        Optional.of(ActivityFixtures.failingAfter(3)),
                        target))
        .isInstanceOf(IOException.class);

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(listing(dir)).containsExactly("team.xlsx");
  }

  @Test
  void aSuccessfulWriteReplacesThePreviousReport() throws IOException {
    Path target = dir.resolve("team.xlsx");
    Files.writeString(target, "last night's report");

    ExcelReportWriter.withDefaults()
        .write(ResultFixtures.team(), Optional.of(ActivityFixtures.events(3)), target);

    try (var book = Workbooks.open(target)) {
      assertThat(book.getSheet("Activity").getLastRowNum()).isEqualTo(3);
    }
    assertThat(listing(dir)).containsExactly("team.xlsx");
  }

  @Test
  void theStreamingWritersTemporaryFilesAreRemovedAfterSuccessAndFailure() throws IOException {
    Path poiTemp = TempFile.createTempFile("probe", ".tmp").toPath();
    Path poiDir = poiTemp.getParent();
    Files.delete(poiTemp);
    List<String> before = sheetTempFiles(poiDir);

    ExcelReportWriter.withDefaults()
        .write(
            ResultFixtures.team(),
            Optional.of(ActivityFixtures.events(1000)),
            dir.resolve("a.xlsx"));
    assertThatThrownBy(
        () ->
            ExcelReportWriter.withDefaults()
                .write(
                    ResultFixtures.team(),
                    Optional.of(ActivityFixtures.failingAfter(1000)),
                    dir.resolve("b.xlsx")));

    assertThat(sheetTempFiles(poiDir)).isEqualTo(before);
  }

  @Test
  void compressedTemporaryFilesGiveTheSameWorkbook() throws IOException {
    Path target = dir.resolve("team.xlsx");
    ExcelReportWriter writer =
        new ExcelReportWriter(ExcelReportOptions.defaults().withCompressTempFiles(true));

    writer.write(ResultFixtures.team(), Optional.of(ActivityFixtures.events(500)), target);

    try (var book = Workbooks.open(target)) {
      assertThat(Workbooks.number(book, "Summary!B4")).isEqualTo(12.5);
      assertThat(book.getSheet("Activity").getLastRowNum()).isEqualTo(500);
      assertThat(Workbooks.number(book, "Activity!K501")).isEqualTo(999);
    }
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> sheetTempFiles(Path poiDir) throws IOException {
    try (Stream<Path> files = Files.list(poiDir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("poi-sxssf"))
          .sorted()
          .toList();
    }
  }
}
