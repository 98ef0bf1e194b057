package dev.labelmeter.cli.logging;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Replaces registered secrets (the API token) by {@code ****} in any text about to be shown or
 * logged: a last line of defence should a server message or an exception ever echo the token.
 */
public final class Redactor {
  private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

  private Redactor() {}

  /** Registers {@code secret} so that it is masked from now on; short values are ignored. */
  public static void register(String secret) {
    if (secret != null && secret.length() >= 8) {
      SECRETS.add(secret);
    }
  }

  /** Returns {@code text} with every registered secret replaced by {@code ****}. */
  public static String redact(String text) {
    if (text == null || SECRETS.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : SECRETS) {
      result = result.replace(secret, "****");
    }
    return result;
  }
}
