package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The page a list request asks for: {@code page} (from 1) and {@code per_page}, with the server's
 * default page size when absent.
 *
 * @param page the page number, from 1
 * @param perPage entities per page
 */
record Paging(int page, int perPage) {
  static final int DEFAULT_PER_PAGE = 500;
  static final int DEFAULT_ACTIVITY_PER_PAGE = 20_000;

  /** Returns the paging of {@code body}, or 400 when a value is not a positive integer. */
  static Paging of(JsonNode body, int defaultPerPage) {
    return new Paging(positive(body, "page", 1), positive(body, "per_page", defaultPerPage));
  }

  private static int positive(JsonNode body, String key, int fallback) {
    JsonNode node = body.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
      throw ApiException.badRequest("'" + key + "' must be a positive integer, got " + node);
    }
    return node.asInt();
  }

  /** Returns the number of pages for {@code total} entities (0 when there are none). */
  int pagesCount(long total) {
    return (int) ((total + perPage - 1) / perPage);
  }

  /** Returns the index of the first entity of the page. */
  long from() {
    return (long) (page - 1) * perPage;
  }
}
