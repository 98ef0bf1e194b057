package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of a {@code jobs.list} read. Start with {@link #team(long)}; unset filters are not
 * sent.
 *
 * @param teamId the team whose jobs are listed
 * @param createdBy {@code createdBy =} (the manager)
 * @param assignedTo {@code userId =} (the labeler)
 * @param reviewer {@code reviewerId =}
 * @param projectId {@code projectId =}
 * @param datasetId {@code datasetId =}
 * @param showDisabled include archived jobs
 * @param notInQueue only jobs not created by a labeling queue ({@code labelingQueueId = null})
 * @param queueIds only jobs of these queues ({@code labelingQueueId in}); empty for any
 * @param excludedStatuses {@code status !in}; empty for none
 */
public record JobListQuery(
    long teamId,
    Long createdBy,
    Long assignedTo,
    Long reviewer,
    Long projectId,
    Long datasetId,
    boolean showDisabled,
    boolean notInQueue,
    List<Long> queueIds,
    List<Status> excludedStatuses) {

  /** Validates the query. */
  public JobListQuery {
    queueIds = queueIds == null ? List.of() : List.copyOf(queueIds);
    excludedStatuses = excludedStatuses == null ? List.of() : List.copyOf(excludedStatuses);
    if (notInQueue && !queueIds.isEmpty()) {
      throw new IllegalArgumentException(
          "notInQueue and queueIds " + queueIds + " contradict each other: use one of them");
    }
  }

  /** Returns the query of every active job of a team. */
  public static JobListQuery team(long teamId) {
    return new JobListQuery(
        teamId, null, null, null, null, null, false, false, List.of(), List.of());
  }

  /** Returns this query with a {@code createdBy} filter. */
  public JobListQuery withCreatedBy(Long id) {
    return new JobListQuery(
        teamId,
        id,
        assignedTo,
        reviewer,
        projectId,
        datasetId,
        showDisabled,
        notInQueue,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query with a labeler ({@code userId}) filter. */
  public JobListQuery withAssignedTo(Long id) {
    return new JobListQuery(
        teamId,
        createdBy,
        id,
        reviewer,
        projectId,
        datasetId,
        showDisabled,
        notInQueue,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query with a {@code reviewerId} filter. */
  public JobListQuery withReviewer(Long id) {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        id,
        projectId,
        datasetId,
        showDisabled,
        notInQueue,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query with a {@code projectId} filter. */
  public JobListQuery withProjectId(Long id) {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        reviewer,
        id,
        datasetId,
        showDisabled,
        notInQueue,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query with a {@code datasetId} filter. */
  public JobListQuery withDatasetId(Long id) {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        reviewer,
        projectId,
        id,
        showDisabled,
        notInQueue,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query including (true) or leaving out (false) archived jobs. */
  public JobListQuery withShowDisabled(boolean show) {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        reviewer,
        projectId,
        datasetId,
        show,
        notInQueue,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query restricted to jobs that no labeling queue created. */
  public JobListQuery withNotInQueue() {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        reviewer,
        projectId,
        datasetId,
        showDisabled,
        true,
        queueIds,
        excludedStatuses);
  }

  /** Returns this query restricted to jobs of these labeling queues. */
  public JobListQuery withQueueIds(List<Long> ids) {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        reviewer,
        projectId,
        datasetId,
        showDisabled,
        notInQueue,
        ids,
        excludedStatuses);
  }

  /** Returns this query leaving out jobs in these statuses. */
  public JobListQuery withExcludedStatuses(List<Status> statuses) {
    return new JobListQuery(
        teamId,
        createdBy,
        assignedTo,
        reviewer,
        projectId,
        datasetId,
        showDisabled,
        notInQueue,
        queueIds,
        statuses);
  }

  /** Returns the request body (without sort or paging keys), filters in the SDK's order. */
  ObjectNode toBody() {
    ObjectNode body = ClientJson.object();
    body.put("teamId", teamId);
    body.put("showDisabled", showDisabled);
    ArrayNode filter = body.putArray("filter");
    addIf(filter, "createdBy", createdBy);
    addIf(filter, "userId", assignedTo);
    addIf(filter, "reviewerId", reviewer);
    addIf(filter, "projectId", projectId);
    addIf(filter, "datasetId", datasetId);
    if (notInQueue) {
      filter.add(Filter.eq("labelingQueueId", null).toJson());
    }
    if (!queueIds.isEmpty()) {
      filter.add(Filter.in("labelingQueueId", queueIds).toJson());
    }
    if (!excludedStatuses.isEmpty()) {
      List<String> values = new ArrayList<>();
      excludedStatuses.forEach(status -> values.add(status.value()));
      filter.add(new Filter("status", "!in", values).toJson());
    }
    return body;
  }

  private static void addIf(ArrayNode filter, String field, Long value) {
    if (value != null) {
      filter.add(Filter.eq(field, value).toJson());
    }
  }
}
