package dev.labelmeter.cli.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * Returns the candidate closest to {@code wrong}, comparing whole names and their last dotted
   * segment, if it is close enough to be a plausible typo.
   */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    return candidates.stream()
        .filter(candidate -> distance(wrong, candidate) <= threshold(candidate))
        .min(Comparator.comparingInt(candidate -> distance(wrong, candidate)));
  }

  private static int threshold(String candidate) {
    return Math.max(2, lastSegment(candidate).length() / 3);
  }

  private static int distance(String wrong, String candidate) {
    return Math.min(
        levenshtein(wrong, candidate), levenshtein(lastSegment(wrong), lastSegment(candidate)));
  }

  private static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Returns the edit distance between {@code a} and {@code b}. */
  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
