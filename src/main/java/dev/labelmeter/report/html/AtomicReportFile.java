package dev.labelmeter.report.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a text file through a temporary file beside it, so readers never see a part of it. */
final class AtomicReportFile {

  /** A body that writes text and may fail. */
  @FunctionalInterface
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicReportFile() {}

  /**
   * Writes {@code target} as UTF-8 from {@code body}: to a temporary file in the same directory,
   * then moved over {@code target}. On any failure the temporary file is removed and {@code
   * target} is left as it was.
   */
  // TODO(#8): move to dev.labelmeter.report.ReportFiles once the report writers share it.
  static void write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (Writer out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
      makeReadableByOthers(temp);
      moveIntoPlace(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Gives the report the permissions of an ordinary file (rw-r--r--): a temporary file is created
   * readable by its owner only, but a report is meant to be shared or published.
   */
  private static void makeReadableByOthers(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the file keeps the platform's default permissions.
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
