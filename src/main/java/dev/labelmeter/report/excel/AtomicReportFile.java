package dev.labelmeter.report.excel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report through a temporary file beside it and moves it into place, so that the target
 * holds either the previous report or the new one, never half of one.
 */
// TODO(#7): use dev.labelmeter.report.ReportFiles once the reports share one atomic-write helper.
final class AtomicReportFile {

  /** A body that writes the report and returns what it wrote. */
  @FunctionalInterface
  interface Body<T> {
    T writeTo(OutputStream out) throws IOException;
  }

  private AtomicReportFile() {}

  /** Returns what {@code body} returned, after its bytes were moved to {@code target}. */
  static <T> T write(Path target, Body<T> body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      T written;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        written = body.writeTo(out);
      }
      moveIntoPlace(temp, target);
      return written;
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
