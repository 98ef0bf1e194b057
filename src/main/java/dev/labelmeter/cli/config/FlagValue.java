package dev.labelmeter.cli.config;

import java.util.Map;

/**
 * A setting given on the command line.
 *
 * @param flag the option as the user typed it, such as {@code --zone}, for messages
 * @param text the value as typed
 */
public record FlagValue(String flag, String text) {

  /** Puts {@code text} for {@code setting} into {@code flags} unless it is null. */
  public static void put(Map<Setting, FlagValue> flags, Setting setting, String flag, Object text) {
    if (text != null) {
      flags.put(setting, new FlagValue(flag, text.toString()));
    }
  }
}
