package dev.labelmeter.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reports that could not be written (such as on a full disk). The cause is the I/O failure. Nothing
 * of the failed run is left, and the reports already in the folder are kept as they were.
 */
public final class ReportWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String directory;

  /** Returns the failure to write the reports of {@code directory}. */
  public ReportWriteException(Path directory, IOException cause) {
    super(
        "cannot write the reports in "
            + directory.toAbsolutePath().normalize()
            + ": "
            + cause.getMessage(),
        cause);
    this.directory = directory.toAbsolutePath().normalize().toString();
  }

  /** Returns the folder the reports were to be written to, absolute. */
  public Path directory() {
    return Path.of(directory);
  }
}
