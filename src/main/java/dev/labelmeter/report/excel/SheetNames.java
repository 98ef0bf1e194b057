package dev.labelmeter.report.excel;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out sheet names Excel accepts: at most 31 characters, none of {@code [ ] : * ? / \}, not
 * starting or ending with an apostrophe, and unique ignoring case (as Excel compares them).
 */
final class SheetNames {

  static final int MAX_LENGTH = 31;

  private final Set<String> taken = new HashSet<>();

  /** Returns a safe name close to {@code wanted} that no earlier call returned (ignoring case). */
  String claim(String wanted) {
    String base = clean(wanted);
    String name = base;
    for (int n = 2; taken.contains(key(name)); n++) {
      String suffix = " (" + n + ")";
      name = cut(base, MAX_LENGTH - suffix.length()) + suffix;
    }
    taken.add(key(name));
    return name;
  }

  private static String clean(String wanted) {
    String replaced = wanted.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", "_");
    replaced = replaced.replaceAll("^'+|'+$", "").strip();
    String name = cut(replaced, MAX_LENGTH).strip();
    if (name.equalsIgnoreCase("History")) {
      return name + "_"; // Excel reserves this name for its change history
    }
    return name.isEmpty() ? "Sheet" : name;
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
