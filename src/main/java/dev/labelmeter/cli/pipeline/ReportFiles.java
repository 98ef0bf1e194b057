package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.metrics.ResultParams;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where one night's reports of a team go: {@code <reports-dir>/<teamId>/<date>/} with files named
 * {@code labelmeter-team<teamId>-<date>.<ext>}, the date being the snapshot's local date in the
 * report zone.
 *
 * @param directory the folder of the night
 * @param baseName the file name without extension
 */
public record ReportFiles(Path directory, String baseName) {

  /** Returns the location of the reports of {@code params} under {@code reportsDir}. */
  public static ReportFiles under(Path reportsDir, ResultParams params) {
    LocalDate date = localDate(params.snapshotAt(), ZoneId.of(params.zone()));
    return under(reportsDir, params.teamId(), date);
  }

  /** Returns the location of team {@code teamId}'s reports of {@code date}. */
  public static ReportFiles under(Path reportsDir, long teamId, LocalDate date) {
    return new ReportFiles(
        reportsDir.resolve(Long.toString(teamId)).resolve(date.toString()), baseName(teamId, date));
  }

  /** Returns the files of {@code params} directly in {@code directory} (for {@code --out}). */
  public static ReportFiles in(Path directory, ResultParams params) {
    LocalDate date = localDate(params.snapshotAt(), ZoneId.of(params.zone()));
    return new ReportFiles(directory, baseName(params.teamId(), date));
  }

  /** Returns the path of the report in {@code format}. */
  public Path file(ReportFormat format) {
    return directory.resolve(baseName + "." + format.extension());
  }

  private static String baseName(long teamId, LocalDate date) {
    return "labelmeter-team" + teamId + "-" + date;
  }

  private static LocalDate localDate(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }
}
