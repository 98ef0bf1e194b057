package dev.labelmeter.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes report files atomically: a reader (or a dashboard polling the file) sees the previous
 * report or the new one, never half of one. Every report writer goes through here.
 */
public final class ReportFiles {

  /** A body that writes a report to a stream. */
  @FunctionalInterface
  public interface IoWriter {
    void write(OutputStream out) throws IOException;
  }

  /** A body that writes a report to a stream and returns what it wrote. */
  @FunctionalInterface
  public interface IoFunction<T> {
    T write(OutputStream out) throws IOException;
  }

  /** A body that writes a report as text. */
  @FunctionalInterface
  public interface TextWriter {
    void write(Writer out) throws IOException;
  }

  private ReportFiles() {}

  /**
   * Writes {@code target} through a temporary file beside it, then moves it into place. On failure
   * the temporary file is removed and {@code target} is left as it was.
   *
   * @throws IOException if the directory cannot be created or written
   */
  public static void writeAtomically(Path target, IoWriter body) throws IOException {
    writeReturning(
        target,
        out -> {
          body.write(out);
          return null;
        });
  }

  /**
   * Writes {@code target} as UTF-8 text, atomically as {@link #writeAtomically(Path, IoWriter)}.
   */
  public static void writeText(Path target, TextWriter body) throws IOException {
    writeReturning(
        target,
        out -> {
          Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(text);
          text.flush();
          return null;
        });
  }

  /**
   * Returns what {@code body} returned, after its bytes were moved to {@code target} atomically.
   */
  public static <T> T writeReturning(Path target, IoFunction<T> body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      T written;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        written = body.write(out);
      }
      makeReadableByOthers(temp);
      move(temp, target);
      return written;
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

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
