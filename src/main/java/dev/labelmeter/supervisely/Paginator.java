package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a paginated list the way the Python SDK does: page 1 without {@code page}/{@code
 * per_page}, then pages 2..{@code pagesCount} sequentially with {@code page} and the {@code
 * per_page} taken from page 1's {@code perPage}; the received count is checked against {@code
 * total} and a disagreement is logged and reported.
 */
final class Paginator {
  private static final Logger LOG = LoggerFactory.getLogger(Paginator.class);

  private final ApiTransport transport;

  Paginator(ApiTransport transport) {
    this.transport = transport;
  }

  /**
   * Returns the summary after handing every page's raw entities to {@code handler}.
   *
   * @param sortById add {@code "sort": "id", "sort_order": "asc"} unless the body has a sort
   */
  PageSummary forEachPage(
      String method, ObjectNode body, boolean sortById, PageHandler<JsonNode> handler) {
    return paginate(
        method,
        body,
        sortById,
        request -> PageBody.of(method, transport.post(method, request)),
        handler);
  }

  /**
   * Returns the summary after handing every page's entities, as the bytes the server sent and
   * never parsed into trees, to {@code handler}.
   */
  PageSummary forEachPageBytes(
      String method, ObjectNode body, boolean sortById, PageHandler<JsonBytes> handler) {
    return paginate(
        method,
        body,
        sortById,
        request -> ResponseBytes.page(method, transport.postForBytes(method, request), transport),
        handler);
  }

  private <T> PageSummary paginate(
      String method,
      ObjectNode body,
      boolean sortById,
      Function<ObjectNode, PageBody<T>> fetch,
      PageHandler<T> handler) {
    ObjectNode request = body.deepCopy();
    if (sortById && !request.has("sort")) {
      request.put("sort", "id");
      request.put("sort_order", "asc");
    }
    PageBody<T> first = fetch.apply(request);
    handler.onPage(new Page<>(1, first.pagesCount(), first.total(), first.entities()));
    long received = first.entities().size();
    int fetched = 1;
    for (int number = 2; number <= first.pagesCount(); number++) {
      ObjectNode next = request.deepCopy();
      next.put("page", number);
      next.put("per_page", first.perPage());
      PageBody<T> page = fetch.apply(next);
      handler.onPage(new Page<>(number, first.pagesCount(), first.total(), page.entities()));
      received += page.entities().size();
      fetched++;
    }
    return summarise(method, fetched, received, first.total());
  }

  /** Returns the summary after handing every page, parsed by {@code parser}, to {@code handler}. */
  <T> PageSummary forEachTypedPage(
      String method,
      ObjectNode body,
      boolean sortById,
      Function<JsonNode, T> parser,
      PageHandler<T> handler) {
    return forEachPage(
        method,
        body,
        sortById,
        raw -> {
          List<T> typed = new ArrayList<>(raw.entities().size());
          for (JsonNode entity : raw.entities()) {
            typed.add(Responses.parse(method, entity, parser));
          }
          handler.onPage(new Page<>(raw.number(), raw.pagesCount(), raw.total(), typed));
        });
  }

  /** Returns every entity of the list, parsed; a count mismatch is logged as a warning. */
  <T> List<T> getAll(
      String method, ObjectNode body, boolean sortById, Function<JsonNode, T> parser) {
    List<T> all = new ArrayList<>();
    forEachTypedPage(method, body, sortById, parser, page -> all.addAll(page.entities()));
    return all;
  }

  private static PageSummary summarise(String method, int fetched, long received, Long total) {
    PageSummary summary = new PageSummary(method, fetched, received, total);
    summary.warning().ifPresent(LOG::warn);
    return summary;
  }

  /**
   * The fields of one page response.
   *
   * @param total the server's {@code total}, or null when it sent none
   * @param perPage the page size to ask for the next pages
   * @param pagesCount how many pages there are
   * @param entities the page's entities
   */
  record PageBody<T>(Long total, int perPage, int pagesCount, List<T> entities) {
    static PageBody<JsonNode> of(String method, JsonNode json) {
      if (json != null && json.isArray()) {
        List<JsonNode> items = new ArrayList<>();
        json.forEach(items::add);
        return whole(items);
      }
      return Responses.parse(method, json, PageBody::fromObject);
    }

    private static PageBody<JsonNode> fromObject(JsonNode json) {
      JsonNode entities = json.get("entities");
      if (entities == null || !entities.isArray()) {
        throw new JsonFields.ResponseFormatException("a page must have an \"entities\" list");
      }
      List<JsonNode> items = new ArrayList<>(entities.size());
      entities.forEach(items::add);
      return fromEnvelope(json, items);
    }

    /** Returns the page of a list sent whole, as a bare array. */
    static <T> PageBody<T> whole(List<T> items) {
      return new PageBody<>((long) items.size(), items.size(), 1, items);
    }

    /** Returns the page of {@code items} with the counts of {@code envelope}, the page object. */
    static <T> PageBody<T> fromEnvelope(JsonNode envelope, List<T> items) {
      Long total = JsonFields.optLong(envelope, "total");
      Integer pagesCount = JsonFields.optInt(envelope, "pagesCount");
      Integer perPage = JsonFields.optInt(envelope, "perPage");
      int pages = pagesCount == null ? 1 : pagesCount;
      if (pages > 1 && (perPage == null || perPage <= 0)) {
        throw new JsonFields.ResponseFormatException(
            "a page of " + pages + " pages must have a positive \"perPage\"");
      }
      return new PageBody<>(total, perPage == null ? items.size() : perPage, pages, items);
    }
  }
}
