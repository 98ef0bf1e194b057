package dev.labelmeter.metrics;

/**
 * One class (by name and shape) over all jobs of the snapshot.
 *
 * @param name class name
 * @param shape class shape, for example {@code polygon}
 * @param jobs jobs whose stats list the class
 * @param labelsCount sum of {@code labelsCount}
 * @param imagesCount sum of {@code imagesCount}
 * @param totalDurationSeconds sum of {@code totalDuration}, in seconds
 * @param secondsPerLabel total duration / labels; null when there are no labels
 */
public record ClassRow(
    String name,
    String shape,
    long jobs,
    long labelsCount,
    long imagesCount,
    double totalDurationSeconds,
    Double secondsPerLabel) {}
