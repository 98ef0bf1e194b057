package dev.labelmeter.supervisely;

import java.util.Optional;

/**
 * What a paginated read fetched, and whether it agrees with the server's count.
 *
 * @param method the API method, e.g. {@code teams.activity}
 * @param pagesFetched pages requested and handled
 * @param received entities received over all pages
 * @param total the {@code total} page 1 announced, or null when the server sent none
 */
public record PageSummary(String method, int pagesFetched, long received, Long total) {
  /** Returns whether the entities received equal the announced total (true when none given). */
  public boolean countMatches() {
    return total == null || total == received;
  }

  /** Returns a sentence describing the disagreement, or empty when the count matches. */
  public Optional<String> warning() {
    if (countMatches()) {
      return Optional.empty();
    }
    return Optional.of(
        method
            + ": received "
            + received
            + " entities over "
            + pagesFetched
            + " pages but the server announced a total of "
            + total
            + " (items were added or removed while paging)");
  }
}
