package dev.labelmeter.supervisely;

/**
 * A job's {@code meta.range}: the slice of the dataset's images given to each labeler.
 *
 * @param start first image, or null when not set
 * @param end last image, or null when not set
 */
public record ImagesRange(Integer start, Integer end) {}
