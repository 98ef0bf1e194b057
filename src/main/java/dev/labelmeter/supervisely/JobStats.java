package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optDouble;
import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optInt;
import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jobs.stats} answer for one job, typed. Durations are as sent; their unit is not
 * documented by Supervisely (most likely seconds). Missing numbers are null.
 *
 * @param job the {@code job} block
 * @param classes the {@code classes} list
 * @param images the {@code images} block, or null when not sent
 */
public record JobStats(Job job, List<ClassStats> classes, Images images) {
  /** Copies the list. */
  public JobStats {
    classes = List.copyOf(classes);
  }

  /**
   * The {@code job} block.
   *
   * @param id job id
   * @param name job name
   * @param startedAt when the labeler started
   * @param finishedAt when the job finished
   * @param reviewFinishedAt when review finished, if sent
   * @param annotationFinishedAt when annotation finished, if sent
   * @param imagesCount images in the job
   * @param finishedImagesCount images finished
   * @param editingDuration {@code editingDuration} as sent
   * @param annotationDuration {@code annotationDuration} as sent
   * @param tagsStats per tag (and per value of one-of tags, with {@code parentId})
   */
  public record Job(
      Long id,
      String name,
      Instant startedAt,
      Instant finishedAt,
      Instant reviewFinishedAt,
      Instant annotationFinishedAt,
      Integer imagesCount,
      Integer finishedImagesCount,
      Double editingDuration,
      Double annotationDuration,
      List<TagStats> tagsStats) {
    /** Copies the list. */
    public Job {
      tagsStats = List.copyOf(tagsStats);
    }
  }

  /**
   * One element of {@code job.tagsStats}.
   *
   * @param id tag id; null for per-value rows
   * @param parentId the tag a per-value row belongs to; null for tag rows
   * @param name tag name, e.g. {@code person_gender (male)} for a value row
   * @param color hex colour
   * @param images images with the tag
   * @param figures labels with the tag
   */
  public record TagStats(
      Long id, Long parentId, String name, String color, Integer images, Integer figures) {}

  /**
   * One element of {@code classes}.
   *
   * @param id class id
   * @param name class name
   * @param color hex colour
   * @param shape geometry, e.g. {@code polygon}
   * @param imagesCount images with labels of the class
   * @param labelsCount labels of the class
   * @param totalDuration {@code totalDuration} as sent
   * @param avgDuration {@code avgDuration} as sent; null when the class has no labels
   */
  public record ClassStats(
      Long id,
      String name,
      String color,
      String shape,
      Integer imagesCount,
      Integer labelsCount,
      Double totalDuration,
      Double avgDuration) {}

  /**
   * The {@code images} block.
   *
   * @param total images in the job
   * @param images per image
   */
  public record Images(Integer total, List<ImageStats> images) {
    /** Copies the list. */
    public Images {
      images = List.copyOf(images);
    }
  }

  /**
   * One element of {@code images.images}.
   *
   * @param id image id
   * @param name image name
   * @param reviewStatus {@code none}, {@code done}, {@code accepted} or {@code rejected}
   * @param annotationDuration {@code annotationDuration} as sent
   * @param totalDuration {@code totalDuration} as sent
   * @param labelsCount labels on the image
   */
  public record ImageStats(
      Long id,
      String name,
      String reviewStatus,
      Double annotationDuration,
      Double totalDuration,
      Integer labelsCount) {}

  /**
   * Returns the stats a {@code jobs.stats} answer describes.
   *
   * @throws SuperviselyException (malformed response) when a field cannot be read
   */
  public static JobStats fromJson(JsonNode json) {
    return Responses.parse("jobs.stats", json, JobStats::read);
  }

  static JobStats read(JsonNode json) {
    JsonNode job = JsonFields.field(json, "job");
    if (job == null || !job.isObject()) {
      throw new JsonFields.ResponseFormatException("the \"job\" block is missing");
    }
    List<ClassStats> classes = new ArrayList<>();
    for (JsonNode item : JsonFields.optArray(json, "classes")) {
      classes.add(classStats(item));
    }
    return new JobStats(job(job), classes, images(JsonFields.field(json, "images")));
  }

  private static Job job(JsonNode job) {
    List<TagStats> tags = new ArrayList<>();
    for (JsonNode item : JsonFields.optArray(job, "tagsStats")) {
      tags.add(
          new TagStats(
              optLong(item, "id"),
              optLong(item, "parentId"),
              optText(item, "name"),
              optText(item, "color"),
              optInt(item, "images"),
              optInt(item, "figures")));
    }
    return new Job(
        optLong(job, "id"),
        optText(job, "name"),
        optInstant(job, "startedAt"),
        optInstant(job, "finishedAt"),
        optInstant(job, "reviewFinishedAt"),
        optInstant(job, "annotationFinishedAt"),
        optInt(job, "imagesCount"),
        optInt(job, "finishedImagesCount"),
        optDouble(job, "editingDuration"),
        optDouble(job, "annotationDuration"),
        tags);
  }

  private static ClassStats classStats(JsonNode item) {
    return new ClassStats(
        optLong(item, "id"),
        optText(item, "name"),
        optText(item, "color"),
        optText(item, "shape"),
        optInt(item, "imagesCount"),
        optInt(item, "labelsCount"),
        optDouble(item, "totalDuration"),
        optDouble(item, "avgDuration"));
  }

  private static Images images(JsonNode images) {
    if (images == null) {
      return null;
    }
    List<ImageStats> list = new ArrayList<>();
    for (JsonNode item : JsonFields.optArray(images, "images")) {
      list.add(
          new ImageStats(
              optLong(item, "id"),
              optText(item, "name"),
              optText(item, "reviewStatus"),
              optDouble(item, "annotationDuration"),
              optDouble(item, "totalDuration"),
              optInt(item, "labelsCount")));
    }
    return new Images(optInt(images, "total"), list);
  }
}
