package dev.labelmeter.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A store file that exists but cannot be read as the layout describes. */
public class StoreFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // a Path is not serializable; the message names the file as well
  private final transient Path file; // nullable: not every format problem is one file's

  public StoreFormatException(String message) {
    this(null, message, null);
  }

  public StoreFormatException(String message, Throwable cause) {
    this(null, message, cause);
  }

  /** Returns an exception about {@code file}, which the message names too. */
  public StoreFormatException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** Returns the damaged file, when the problem is one file's. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
