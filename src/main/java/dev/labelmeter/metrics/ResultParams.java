package dev.labelmeter.metrics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The parameters a result was computed with, resolved: the window is explicit.
 *
 * @param teamId the team of the store
 * @param from first local date of the window
 * @param to first local date after the window (exclusive)
 * @param previousFrom first local date of the previous window, which ends at {@code from}
 * @param zone the report zone id, for example {@code Europe/Berlin}
 * @param idleThresholdSeconds the idle threshold in seconds
 * @param staleDays days without work after which an open job is stale
 * @param snapshotAt the instant of the snapshot: the "now" of every as-of metric
 * @param statsDurationUnit {@code SECONDS} or {@code MILLIS}, the unit of {@code jobs.stats}
 *     durations
 */
public record ResultParams(
    long teamId,
    LocalDate from,
    LocalDate to,
    LocalDate previousFrom,
    String zone,
    long idleThresholdSeconds,
    int staleDays,
    Instant snapshotAt,
    String statsDurationUnit) {}
