package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.field;
import static dev.labelmeter.supervisely.JsonFields.optBoolean;
import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optInt;
import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A labeling job as {@code jobs.list} or {@code jobs.info} describe it: every field of the Python
 * SDK's {@code LabelingJobInfo}, in its order, plus three the server sends beside them. Missing
 * values are null (numbers are boxed, never 0); lists are empty when absent, except {@code
 * entities}, which is null when the response had none ({@code jobs.list} never has).
 *
 * @param id job id ({@code id})
 * @param name ({@code name})
 * @param readme ({@code readme})
 * @param description ({@code description})
 * @param teamId ({@code teamId})
 * @param workspaceId ({@code workspaceId})
 * @param workspaceName ({@code workspaceTitle})
 * @param projectId ({@code projectId})
 * @param projectName ({@code projectTitle})
 * @param datasetId ({@code datasetId})
 * @param datasetName ({@code datasetTitle})
 * @param createdById the manager ({@code createdBy})
 * @param createdByLogin ({@code managerLogin})
 * @param assignedToId the labeler ({@code userId})
 * @param assignedToLogin ({@code labelerLogin})
 * @param reviewerId ({@code reviewerId})
 * @param reviewerLogin ({@code reviewerLogin})
 * @param createdAt ({@code createdAt})
 * @param startedAt ({@code startedAt})
 * @param finishedAt ({@code finishedAt})
 * @param status ({@code status}), unknown values kept
 * @param disabled archived ({@code disabled})
 * @param labelingQueueId the queue that created the job ({@code labelingQueueId})
 * @param labelingExamId the exam the job belongs to ({@code labelingExamId})
 * @param imagesCount ({@code imagesCount})
 * @param finishedImagesCount ({@code finishedImagesCount})
 * @param rejectedImagesCount ({@code rejectedImagesCount})
 * @param acceptedImagesCount ({@code acceptedImagesCount})
 * @param progressImagesCount ({@code progressImagesCount})
 * @param classesToLabel class names of {@code meta.classes}
 * @param tagsToLabel tag names of {@code meta.projectTags}
 * @param imagesRange {@code meta.range}, or null when absent
 * @param objectsLimitPerImage ({@code meta.imageFiguresLimit})
 * @param tagsLimitPerImage ({@code meta.imageTagsLimit})
 * @param filterImagesByTags {@code meta.imageTags}
 * @param includeImagesWithTags names of {@code meta.imageTags} with {@code positive} true
 * @param excludeImagesWithTags names of {@code meta.imageTags} with {@code positive} false
 * @param entities the job's items ({@code entities}), or null when not sent
 * @param priority ({@code priority})
 * @param guideId ({@code meta.guide})
 * @param reviewFinishedAt ({@code reviewFinishedAt})
 * @param annotationFinishedAt ({@code annotationFinishedAt})
 * @param customData ({@code customData}), a copy of the JSON, or null when not sent
 */
public record LabelingJobInfo(
    long id,
    String name,
    String readme,
    String description,
    Long teamId,
    Long workspaceId,
    String workspaceName,
    Long projectId,
    String projectName,
    Long datasetId,
    String datasetName,
    Long createdById,
    String createdByLogin,
    Long assignedToId,
    String assignedToLogin,
    Long reviewerId,
    String reviewerLogin,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Status status,
    Boolean disabled,
    Long labelingQueueId,
    Long labelingExamId,
    Integer imagesCount,
    Integer finishedImagesCount,
    Integer rejectedImagesCount,
    Integer acceptedImagesCount,
    Integer progressImagesCount,
    List<String> classesToLabel,
    List<String> tagsToLabel,
    ImagesRange imagesRange,
    Integer objectsLimitPerImage,
    Integer tagsLimitPerImage,
    List<ImageTagFilter> filterImagesByTags,
    List<String> includeImagesWithTags,
    List<String> excludeImagesWithTags,
    List<JobEntity> entities,
    Integer priority,
    Long guideId,
    Instant reviewFinishedAt,
    Instant annotationFinishedAt,
    JsonNode customData) {

  /** Copies the lists. */
  public LabelingJobInfo {
    classesToLabel = List.copyOf(classesToLabel);
    tagsToLabel = List.copyOf(tagsToLabel);
    filterImagesByTags = List.copyOf(filterImagesByTags);
    includeImagesWithTags = List.copyOf(includeImagesWithTags);
    excludeImagesWithTags = List.copyOf(excludeImagesWithTags);
    entities = entities == null ? null : List.copyOf(entities);
    customData = customData == null ? null : customData.deepCopy();
  }

  /**
   * Returns the info a {@code jobs.info} or {@code jobs.list} entity describes.
   *
   * @throws SuperviselyException (malformed response) when a field cannot be read
   */
  public static LabelingJobInfo fromJson(JsonNode json) {
    return Responses.parse("jobs.info", json, LabelingJobInfo::read);
  }

  static LabelingJobInfo read(JsonNode json) {
    JsonNode meta = metaOf(json);
    List<ImageTagFilter> tagFilters = imageTagFilters(meta);
    String status = optText(json, "status");
    return new LabelingJobInfo(
        JsonFields.requiredLong(json, "id"),
        optText(json, "name"),
        optText(json, "readme"),
        optText(json, "description"),
        optLong(json, "teamId"),
        optLong(json, "workspaceId"),
        optText(json, "workspaceTitle"),
        optLong(json, "projectId"),
        optText(json, "projectTitle"),
        optLong(json, "datasetId"),
        optText(json, "datasetTitle"),
        optLong(json, "createdBy"),
        optText(json, "managerLogin"),
        optLong(json, "userId"),
        optText(json, "labelerLogin"),
        optLong(json, "reviewerId"),
        optText(json, "reviewerLogin"),
        optInstant(json, "createdAt"),
        optInstant(json, "startedAt"),
        optInstant(json, "finishedAt"),
        status == null ? null : Status.of(status),
        optBoolean(json, "disabled"),
        optLong(json, "labelingQueueId"),
        optLong(json, "labelingExamId"),
        optInt(json, "imagesCount"),
        optInt(json, "finishedImagesCount"),
        optInt(json, "rejectedImagesCount"),
        optInt(json, "acceptedImagesCount"),
        optInt(json, "progressImagesCount"),
        names(meta, "classes"),
        names(meta, "projectTags"),
        range(meta),
        optInt(meta, "imageFiguresLimit"),
        optInt(meta, "imageTagsLimit"),
        tagFilters,
        tagNames(tagFilters, true),
        tagNames(tagFilters, false),
        entities(json),
        optInt(json, "priority"),
        optLong(meta, "guide"),
        optInstant(json, "reviewFinishedAt"),
        optInstant(json, "annotationFinishedAt"),
        JsonFields.optTree(json, "customData"));
  }

  /** The SDK reads nested keys from the top level when {@code meta} is absent; so do we. */
  private static JsonNode metaOf(JsonNode json) {
    JsonNode meta = field(json, "meta");
    return meta != null && meta.isObject() ? meta : json;
  }

  private static List<String> names(JsonNode meta, String name) {
    List<String> names = new ArrayList<>();
    for (JsonNode item : JsonFields.optArray(meta, name)) {
      String itemName = JsonFields.nameOf(item);
      if (itemName != null) {
        names.add(itemName);
      }
    }
    return names;
  }

  private static ImagesRange range(JsonNode meta) {
    JsonNode range = field(meta, "range");
    if (range == null) {
      return null;
    }
    if (range.isArray()) {
      return new ImagesRange(optIntAt(range, 0), optIntAt(range, 1));
    }
    return new ImagesRange(optInt(range, "start"), optInt(range, "end"));
  }

  private static Integer optIntAt(JsonNode array, int index) {
    JsonNode value = array.get(index);
    return value == null || value.isNull() ? null : value.asInt();
  }

  private static List<ImageTagFilter> imageTagFilters(JsonNode meta) {
    List<ImageTagFilter> filters = new ArrayList<>();
    for (JsonNode item : JsonFields.optArray(meta, "imageTags")) {
      filters.add(ImageTagFilter.fromJson(item));
    }
    return filters;
  }

  private static List<String> tagNames(List<ImageTagFilter> filters, boolean positive) {
    List<String> names = new ArrayList<>();
    for (ImageTagFilter filter : filters) {
      if (filter.positive() != null && filter.positive() == positive && filter.name() != null) {
        names.add(filter.name());
      }
    }
    return names;
  }

  private static List<JobEntity> entities(JsonNode json) {
    JsonNode entities = field(json, "entities");
    if (entities == null) {
      return null;
    }
    List<JobEntity> items = new ArrayList<>();
    for (JsonNode item : JsonFields.optArray(json, "entities")) {
      items.add(JobEntity.fromJson(item));
    }
    return items;
  }
}
