package dev.labelmeter.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader sees either the old content or the new, never a half. */
public final class AtomicFiles {

  /** A body that writes to a stream and may fail with an I/O error. */
  @FunctionalInterface
  public interface StreamWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} through a temporary file in the same directory, then moves it into place.
   * On failure the temporary file is removed and {@code target} is left as it was.
   */
  public static void write(Path target, StreamWriter body) throws IOException {
    Path temp = newTempSibling(target);
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        body.writeTo(out);
      }
      moveIntoPlace(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Returns a new, empty temporary file beside {@code target}, creating parent directories. */
  public static Path newTempSibling(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
  }

  /** Moves {@code source} over {@code target} atomically where the file system allows it. */
  public static void moveIntoPlace(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
