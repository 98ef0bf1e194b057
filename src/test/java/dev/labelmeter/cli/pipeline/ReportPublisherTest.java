package dev.labelmeter.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labelmeter.cli.config.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPublisherTest {
  private static final LocalDate NIGHT = LocalDate.of(2026, 11, 30);

  @TempDir Path reports;

  @Test
  void writesEachFormatUnderTeamAndDateWithTeamAndDateInTheName() throws IOException {
    ReportFiles location = ReportFiles.under(reports, 7, NIGHT);

    List<Path> files = ReportPublisher.publish(location, writers("first"));

    Path night = reports.resolve("7/2026-11-30");
    assertThat(files)
        .containsExactly(
            night.resolve("labelmeter-team7-2026-11-30.xlsx"),
            night.resolve("labelmeter-team7-2026-11-30.html"));
    assertThat(Files.readString(files.get(0))).isEqualTo("first xlsx");
    assertThat(listing(night))
        .containsExactlyInAnyOrder(
            "labelmeter-team7-2026-11-30.xlsx", "labelmeter-team7-2026-11-30.html");
  }

  @Test
  void aSecondRunTheSameNightReplacesTheReports() throws IOException {
    ReportFiles location = ReportFiles.under(reports, 7, NIGHT);
    ReportPublisher.publish(location, writers("first"));

    ReportPublisher.publish(location, writers("second"));

    assertThat(Files.readString(location.file(ReportFormat.HTML))).isEqualTo("second html");
    assertThat(listing(location.directory())).hasSize(2);
  }

  @Test
  void aFailingWriterLeavesThePreviousReportsUntouched() throws IOException {
    ReportFiles location = ReportFiles.under(reports, 7, NIGHT);
    ReportPublisher.publish(location, writers("first"));
    Map<ReportFormat, ReportPublisher.FileWriter> failing = new LinkedHashMap<>();
    failing.put(ReportFormat.XLSX, file -> Files.writeString(file, "second xlsx"));
    failing.put(
        ReportFormat.HTML,
        file -> {
          Files.writeString(file, "half");
          throw new IOException("disk full");
        });

    assertThatThrownBy(() -> ReportPublisher.publish(location, failing))
        .hasMessageContaining("disk full");

    assertThat(Files.readString(location.file(ReportFormat.XLSX))).isEqualTo("first xlsx");
    assertThat(Files.readString(location.file(ReportFormat.HTML))).isEqualTo("first html");
    assertThat(listing(location.directory())).hasSize(2);
  }

  @Test
  void aFailureOnAFreshNightLeavesNoFolderBehind() {
    ReportFiles location = ReportFiles.under(reports, 7, NIGHT);
    Map<ReportFormat, ReportPublisher.FileWriter> failing =
        Map.of(
            ReportFormat.XLSX,
            file -> {
              throw new IllegalStateException("writer bug");
            });

    assertThatThrownBy(() -> ReportPublisher.publish(location, failing))
        .hasMessageContaining("writer bug");

    assertThat(reports.resolve("7")).doesNotExist();
  }

  @Test
  void aFailureToWriteNamesTheReportsFolder() {
    ReportFiles location = ReportFiles.under(reports, 7, NIGHT);
    Map<ReportFormat, ReportPublisher.FileWriter> full =
        Map.of(
            ReportFormat.XLSX,
            file -> {
              throw new IOException("No space left on device");
            });

    assertThatThrownBy(() -> ReportPublisher.publish(location, full))
        .isInstanceOf(ReportWriteException.class)
        .hasMessage(
            "cannot write the reports in "
                + reports.resolve("7/2026-11-30").toAbsolutePath()
                + ": No space left on device");
  }

  @Test
  void aStagingFolderOfAKilledRunIsRemovedOnceAnHourOldAndAYoungerOneIsLeftToItsRun()
      throws IOException {
    ReportFiles location = ReportFiles.under(reports, 7, NIGHT);
    Path night = Files.createDirectories(location.directory());
    Path killed = Files.createDirectories(night.resolve(".staging-111"));
    Path half = Files.writeString(killed.resolve("labelmeter-team7-2026-11-30.xlsx"), "half");
    FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Files.setLastModifiedTime(half, twoHoursAgo);
    Files.setLastModifiedTime(killed, twoHoursAgo);
    Path running = Files.createDirectories(night.resolve(".staging-222"));
    Files.writeString(running.resolve("labelmeter-team7-2026-11-30.xlsx"), "being written");

    ReportPublisher.publish(location, writers("first"));

    assertThat(listing(night))
        .containsExactlyInAnyOrder(
            ".staging-222", "labelmeter-team7-2026-11-30.xlsx", "labelmeter-team7-2026-11-30.html");
  }

  private static Map<ReportFormat, ReportPublisher.FileWriter> writers(String run) {
    Map<ReportFormat, ReportPublisher.FileWriter> writers = new LinkedHashMap<>();
    writers.put(ReportFormat.XLSX, file -> Files.writeString(file, run + " xlsx"));
    writers.put(ReportFormat.HTML, file -> Files.writeString(file, run + " html"));
    return writers;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }
}
