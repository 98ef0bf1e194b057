package dev.labelmeter.metrics.spark;

import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.StoreFormatException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkThrowable;

/**
 * Tells a Spark job that failed on a damaged store file (one Spark could not decompress) from
 * other failures, so that it is reported as the Tablesaw engine reports it: the file named, with
 * the pull that fetches it again.
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

  private static Optional<Path> localFile(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    try {
      URI parsed = URI.create(uri);
      return "file".equals(parsed.getScheme()) ? Optional.of(Path.of(parsed)) : Optional.empty();
    } catch (IllegalArgumentException e) {
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
