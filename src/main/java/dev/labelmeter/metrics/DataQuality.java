package dev.labelmeter.metrics;

import java.util.List;
import java.util.Map;

/**
 * What the engine could not use, and why. Always reported, never silently dropped.
 *
 * @param eventsReceived events read from the store
 * @param duplicatesRemoved events equal in all 18 fields to an earlier one
 * @param unparseableDates events whose {@code date} did not parse
 * @param eventsWithoutJob events with a null {@code jobId}
 * @param eventsUnknownJob work events whose job is not in the job list
 * @param decisionsWithoutDone decisions in the window with no prior {@code done}
 * @param jobsCounterMismatch jobs whose accepted or rejected counter disagrees with their entities
 * @param unknownStatuses job statuses the project does not know, with their job counts
 * @param unknownActions event actions the project does not know, with their event counts
 * @param activityCountMatched whether the pull's event count matched the server's total; null
 *     when unknown
 * @param notes further lines in words (pull warnings, failed jobs, empty window)
 */
public record DataQuality(
    long eventsReceived,
    long duplicatesRemoved,
    long unparseableDates,
    long eventsWithoutJob,
    long eventsUnknownJob,
    long decisionsWithoutDone,
    long jobsCounterMismatch,
    Map<String, Long> unknownStatuses,
    Map<String, Long> unknownActions,
    Boolean activityCountMatched,
    List<String> notes) {

  public DataQuality {
    unknownStatuses = Map.copyOf(unknownStatuses);
    unknownActions = Map.copyOf(unknownActions);
    notes = List.copyOf(notes);
  }
}
