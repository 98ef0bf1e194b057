package dev.labelmeter.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report files atomically: a reader (or a dashboard polling the file) sees the previous
 * report or the new one, never half of one.
 */
public final class ReportFiles {

  /** A body that writes a report to a stream. */
  @FunctionalInterface
  public interface IoWriter {
    void write(OutputStream out) throws IOException;
  }

  private ReportFiles() {}

  /**
   * Writes {@code target} through a temporary file beside it, then moves it into place. On failure
   * the temporary file is removed and {@code target} is left as it was.
   *
   * @throws IOException if the directory cannot be created or written, naming the target
   */
  public static void writeAtomically(Path target, IoWriter body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        body.write(out);
      }
      move(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
