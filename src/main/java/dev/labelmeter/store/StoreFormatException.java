package dev.labelmeter.store;

import java.io.IOException;

/** A store file that exists but cannot be read as the layout describes. */
public class StoreFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public StoreFormatException(String message) {
    super(message);
  }

  public StoreFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
