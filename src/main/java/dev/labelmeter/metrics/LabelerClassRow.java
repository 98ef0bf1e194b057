package dev.labelmeter.metrics;

/**
 * One class through one labeler's jobs.
 *
 * @param userId the labeler of the jobs; null for jobs without a labeler
 * @param login the labeler's login
 * @param name class name
 * @param shape class shape
 * @param jobs the labeler's jobs whose stats list the class
 * @param labelsCount sum of {@code labelsCount}
 * @param imagesCount sum of {@code imagesCount}
 * @param totalDurationSeconds sum of {@code totalDuration}, in seconds
 * @param secondsPerLabel total duration / labels; null when there are no labels
 */
public record LabelerClassRow(
    Long userId,
    String login,
    String name,
    String shape,
    long jobs,
    long labelsCount,
    long imagesCount,
    double totalDurationSeconds,
    Double secondsPerLabel) {}
