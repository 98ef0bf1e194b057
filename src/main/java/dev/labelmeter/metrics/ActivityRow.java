package dev.labelmeter.metrics;

import java.time.Instant;

/**
 * One raw activity event of the window, its 18 fields as received (with {@code date} parsed).
 *
 * @param metaJson the {@code meta} object as compact JSON text
 */
public record ActivityRow(
    Long userId,
    String action,
    Instant date,
    String user,
    Long projectId,
    String project,
    Long datasetId,
    String dataset,
    Long imageId,
    String image,
    Long classId,
    String className,
    Long figureId,
    String job,
    Long jobId,
    String tag,
    Long tagId,
    String metaJson) {}
