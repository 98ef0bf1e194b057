package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The filters of a {@code teams.activity} read. Start with {@link #team(long)} and add filters
 * with the {@code with...} methods; unset filters are not sent. Dates are inclusive on both ends
 * ({@code >=} and {@code <=}); fixing {@code dateTo} before paging keeps events that arrive while
 * paging from shifting the pages.
 *
 * @param teamId the team whose log is read
 * @param labelerId {@code labelerId =}
 * @param reviewStatus {@code reviewStatus =}, e.g. {@code accepted}
 * @param userId {@code userId =} (who acted)
 * @param projectId {@code projectId =}
 * @param jobId {@code jobId =}
 * @param actions {@code type in} (the response calls it {@code action}); empty for all
 * @param dateFrom {@code date >=}
 * @param dateTo {@code date <=}
 */
public record ActivityQuery(
    long teamId,
    Long labelerId,
    String reviewStatus,
    Long userId,
    Long projectId,
    Long jobId,
    List<String> actions,
    Instant dateFrom,
    Instant dateTo) {

  /** Validates the query. */
  public ActivityQuery {
    actions = actions == null ? List.of() : List.copyOf(actions);
    if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
      throw new IllegalArgumentException(
          "dateFrom " + dateFrom + " is after dateTo " + dateTo + ": swap them");
    }
  }

  /** Returns the query of a team's whole log. */
  public static ActivityQuery team(long teamId) {
    return new ActivityQuery(teamId, null, null, null, null, null, List.of(), null, null);
  }

  /** Returns this query with a {@code labelerId} filter. */
  public ActivityQuery withLabelerId(Long id) {
    return new ActivityQuery(
        teamId, id, reviewStatus, userId, projectId, jobId, actions, dateFrom, dateTo);
  }

  /** Returns this query with a {@code reviewStatus} filter. */
  public ActivityQuery withReviewStatus(String status) {
    return new ActivityQuery(
        teamId, labelerId, status, userId, projectId, jobId, actions, dateFrom, dateTo);
  }

  /** Returns this query with a {@code userId} filter (who acted). */
  public ActivityQuery withUserId(Long id) {
    return new ActivityQuery(
        teamId, labelerId, reviewStatus, id, projectId, jobId, actions, dateFrom, dateTo);
  }

  /** Returns this query with a {@code projectId} filter. */
  public ActivityQuery withProjectId(Long id) {
    return new ActivityQuery(
        teamId, labelerId, reviewStatus, userId, id, jobId, actions, dateFrom, dateTo);
  }

  /** Returns this query with a {@code jobId} filter. */
  public ActivityQuery withJobId(Long id) {
    return new ActivityQuery(
        teamId, labelerId, reviewStatus, userId, projectId, id, actions, dateFrom, dateTo);
  }

  /** Returns this query restricted to these actions, e.g. {@code create_figure}. */
  public ActivityQuery withActions(List<String> names) {
    return new ActivityQuery(
        teamId, labelerId, reviewStatus, userId, projectId, jobId, names, dateFrom, dateTo);
  }

  /** Returns this query restricted to events at or after {@code from}. */
  public ActivityQuery withDateFrom(Instant from) {
    return new ActivityQuery(
        teamId, labelerId, reviewStatus, userId, projectId, jobId, actions, from, dateTo);
  }

  /** Returns this query restricted to events at or before {@code to}. */
  public ActivityQuery withDateTo(Instant to) {
    return new ActivityQuery(
        teamId, labelerId, reviewStatus, userId, projectId, jobId, actions, dateFrom, to);
  }

  /** Returns the request body (without paging keys), filters in the SDK's order. */
  ObjectNode toBody() {
    ObjectNode body = ClientJson.object();
    body.put("teamId", teamId);
    ArrayNode filter = body.putArray("filter");
    addIf(filter, "labelerId", "=", labelerId);
    addIf(filter, "reviewStatus", "=", reviewStatus);
    addIf(filter, "userId", "=", userId);
    addIf(filter, "projectId", "=", projectId);
    addIf(filter, "jobId", "=", jobId);
    if (!actions.isEmpty()) {
      filter.add(Filter.in("type", actions).toJson());
    }
    addIf(filter, "date", ">=", dateFrom == null ? null : Timestamps.format(dateFrom));
    addIf(filter, "date", "<=", dateTo == null ? null : Timestamps.format(dateTo));
    return body;
  }

  private static void addIf(ArrayNode filter, String field, String operator, Object value) {
    if (value != null) {
      filter.add(new Filter(field, operator, value).toJson());
    }
  }
}
