package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import tech.tablesaw.api.Table;

/**
 * A team's activity log ({@code teams.activity}). No sort is added to the request (as in the
 * SDK); pages are read sequentially and can be streamed so that no caller holds a whole log.
 */
public final class ActivityApi {
  static final String METHOD = "teams.activity";

  private final ApiTransport transport;
  private final Paginator pages;

  ActivityApi(ApiTransport transport) {
    this.transport = transport;
    this.pages = new Paginator(transport);
  }

  /**
   * Returns the summary after handing each page of events, exactly as received (unknown fields
   * included), to {@code handler}. A count that disagrees with the announced {@code total} is
   * logged as a warning and shows in the summary.
   */
  public PageSummary forEachPage(ActivityQuery query, PageHandler<JsonNode> handler) {
    return pages.forEachPage(METHOD, query.toBody(), false, handler);
  }

  /**
   * Returns the summary after handing each page of events, as the bytes the server sent (never
   * parsed into trees), to {@code handler}: for callers that store events as received.
   */
  public PageSummary forEachPageBytes(ActivityQuery query, PageHandler<JsonBytes> handler) {
    return pages.forEachPageBytes(METHOD, query.toBody(), false, handler);
  }

  /**
   * Returns how many events the query selects, as the server counts them ({@code total}), from a
   * page of one event; empty when the server sends no {@code total}.
   */
  public OptionalLong count(ActivityQuery query) {
    ObjectNode body = query.toBody();
    body.put("page", 1);
    body.put("per_page", 1);
    Long total =
        Responses.parse(
            METHOD, transport.post(METHOD, body), json -> JsonFields.optLong(json, "total"));
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  /** Returns the summary after handing each page of typed events to {@code handler}. */
  public PageSummary forEachEventPage(ActivityQuery query, PageHandler<ActivityEvent> handler) {
    return pages.forEachTypedPage(METHOD, query.toBody(), false, ActivityEvent::read, handler);
  }

  /** Returns every event the query selects, in server order; big logs: {@link #forEachPage}. */
  public List<ActivityEvent> getEvents(ActivityQuery query) {
    return pages.getAll(METHOD, query.toBody(), false, ActivityEvent::read);
  }

  /** Returns the events the query selects as a table of the 18 documented columns. */
  public Table getTable(ActivityQuery query) {
    return ActivityTables.toTable("activity of team " + query.teamId(), getEvents(query));
  }
}
