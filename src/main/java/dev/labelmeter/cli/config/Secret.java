package dev.labelmeter.cli.config;

import java.util.Objects;

/**
 * A value that must never be printed or logged, such as the API token. {@link #toString()} returns
 * the masked form, so that string concatenation and log parameters cannot leak it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Returns a secret holding {@code value}, which must not be blank. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the token is blank");
    }
    return new Secret(value.strip());
  }

  /** Returns the value itself, for the one place that sends it to the server. */
  public String reveal() {
    return value;
  }

  /**
   * Returns the masked form: stars and the length, for example {@code **** (128 characters)}. No
   * character of the value is shown.
   */
  public String masked() {
    return "**** (" + value.length() + " characters)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
