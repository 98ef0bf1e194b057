package dev.labelmeter.metrics.tablesaw;

import dev.labelmeter.store.Manifest;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A team's store as typed, tidy Tablesaw tables. Column names and types are listed in {@code
 * docs/metrics.md}; instants are {@code long} microseconds since the epoch (UTC), named {@code
 * ...Micros}.
 *
 * @param manifest the store's manifest
 * @param jobs one row per job (jobs.info joined with the job block of jobs.stats)
 * @param jobImages one row per job entity, joined with the entity's per-image stats
 * @param classes one row per (job, class) of jobs.stats
 * @param tags one row per (job, tag row) of jobs.stats
 * @param members one row per team member
 * @param events the work events (a job id and a parsed date), duplicates removed, in event order
 * @param counts what the event loader could not use, counted
 * @param notes data-quality lines found while loading
 */
record StoreTables(
    Manifest manifest,
    Table jobs,
    Table jobImages,
    Table classes,
    Table tags,
    Table members,
    Table events,
    EventCounts counts,
    List<String> notes) {

  /**
   * Counts of the event loader, over every partition of the store. Each event counts in the first
   * bucket that applies, in this order: duplicate, unparseable date, without job; the rest are work
   * events (unknown job counted among them).
   *
   * @param received JSON lines read from the activity files
   * @param duplicates events equal in all 18 fields to an earlier one of the same partition
   * @param unparseableDates events whose date did not parse
   * @param withoutJob events with a parsed date and no job id
   * @param unknownJob work events whose job is not in the job list
   * @param unknownActions actions outside the contract, with event counts (duplicates excluded)
   * @param workEventsWithoutUser work events with no user id
   * @param durationsMissing annotation_duration work events without a numeric meta.duration
   */
  record EventCounts(
      long received,
      long duplicates,
      long unparseableDates,
      long withoutJob,
      long unknownJob,
      Map<String, Long> unknownActions,
      long workEventsWithoutUser,
      long durationsMissing) {}
}
