package dev.labelmeter.metrics.spark;

import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.StoreFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkThrowable;

/**
 * The failures of damaged store files, worded as the Tablesaw engine words them: a local file is
 * named as a path, so that the command line adds the pull that fetches it again. Damaged are a
 * file Spark could not decompress, an empty file (which Spark would read as no lines) and a day
 * partition with lines that are not JSON.
 */
final class DamagedFiles {
  /** Spark's condition for a file a task could not read; its "path" parameter is the file. */
  private static final String FAILED_READ_FILE = "FAILED_READ_FILE";

  private DamagedFiles() {}

  /**
   * Returns the damaged local file {@code failure} says Spark could not read, or empty when it is
   * another failure (or a file on another file system than the local one).
   */
  static Optional<StoreFormatException> of(Throwable failure) {
    for (Throwable e = failure; e != null && e != e.getCause(); e = e.getCause()) {
      if (e instanceof SparkThrowable spark
          && spark.getCondition() != null
          && spark.getCondition().startsWith(FAILED_READ_FILE)) {
        Optional<Path> file = localFile(spark.getMessageParameters().get("path"));
        Optional<IOException> read = readFailure(e.getCause());
        if (file.isPresent() && read.isPresent()) {
          return Optional.of(JsonLinesReader.damaged(file.get(), read.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the failure of {@code file}, a gzip file of no bytes at all. */
  static StoreFormatException empty(URI file) {
    Optional<Path> local = localFile(file);
    if (local.isPresent()) {
      return JsonLinesReader.damaged(local.get(), new EOFException("the file is empty"));
    }
    return new StoreFormatException(
        file + " is damaged: it is empty; delete it and run 'labelmeter pull' for this team");
  }

  /**
   * Returns the failure of the day partition {@code file} of {@code day}, which holds {@code count}
   * lines that are not JSON.
   */
  static StoreFormatException invalidLines(URI file, String day, long count) {
    String lines = count == 1 ? "1 line that is" : count + " lines that are";
    Optional<Path> local = localFile(file);
    if (local.isPresent()) {
      return new StoreFormatException(
          local.get(), local.get() + " holds " + lines + " not valid JSON", null);
    }
    return new StoreFormatException(
        file
            + " holds "
            + lines
            + " not valid JSON; delete it and fetch the day again with 'labelmeter pull --since "
            + day
            + "' for this team");
  }

  private static Optional<Path> localFile(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    try {
      return localFile(URI.create(uri));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> localFile(URI uri) {
    if (!"file".equals(uri.getScheme())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(uri).toAbsolutePath().normalize());
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  private static Optional<IOException> readFailure(Throwable cause) {
    for (Throwable e = cause; e != null && e != e.getCause(); e = e.getCause()) {
      if (e instanceof IOException io) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }
}
