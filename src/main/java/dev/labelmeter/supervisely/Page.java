package dev.labelmeter.supervisely;

import java.util.List;

/**
 * One page of a paginated list, as the server sent it.
 *
 * @param number the page number, from 1
 * @param pagesCount the {@code pagesCount} of page 1 (how many pages will be fetched)
 * @param total the {@code total} of page 1, or null when the server sent none
 * @param entities the page's entities, in server order
 */
public record Page<T>(int number, int pagesCount, Long total, List<T> entities) {
  /** Copies the entities. */
  public Page {
    entities = List.copyOf(entities);
  }
}
