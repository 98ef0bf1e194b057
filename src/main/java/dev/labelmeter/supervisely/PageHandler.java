package dev.labelmeter.supervisely;

/**
 * Receives the pages of a list one at a time, in order, on the calling thread. An exception thrown
 * here stops the paging and reaches the caller unchanged (wrap checked ones, e.g. in {@link
 * java.io.UncheckedIOException}).
 */
@FunctionalInterface
public interface PageHandler<T> {
  /** Handles one page; the next page is fetched only after this returns. */
  void onPage(Page<T> page);
}
