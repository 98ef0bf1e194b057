package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LabelingJobApi#create} asks for: one job per labeler over a dataset. Build with
 * {@link #builder(String, long, List)}.
 *
 * @param name job name
 * @param datasetId the dataset to label
 * @param userIds the labelers; one job is created for each
 * @param readme shown to labelers, or null
 * @param description or null
 * @param classesToLabel class names labelers may use; empty for all
 * @param objectsLimitPerImage at most this many labels per image, or null for no limit
 * @param tagsToLabel tag names labelers may use; empty for all
 * @param tagsLimitPerImage at most this many tags per image, or null for no limit
 * @param includeImagesWithTags only images with these tags
 * @param excludeImagesWithTags no images with these tags
 * @param imagesRange the slice of images per labeler, or null for all
 * @param reviewerId the reviewer, or null
 * @param imageIds only these images; empty for all
 * @param guideId the labeling guide to show, or null
 */
public record CreateJobRequest(
    String name,
    long datasetId,
    List<Long> userIds,
    String readme,
    String description,
    List<String> classesToLabel,
    Integer objectsLimitPerImage,
    List<String> tagsToLabel,
    Integer tagsLimitPerImage,
    List<String> includeImagesWithTags,
    List<String> excludeImagesWithTags,
    ImagesRange imagesRange,
    Long reviewerId,
    List<Long> imageIds,
    Long guideId) {

  /** Validates the request and copies its lists. */
  public CreateJobRequest {
    Objects.requireNonNull(name, "name");
    userIds = List.copyOf(userIds);
    if (userIds.isEmpty()) {
      throw new IllegalArgumentException("userIds is empty: give at least one labeler id");
    }
    classesToLabel = List.copyOf(classesToLabel);
    tagsToLabel = List.copyOf(tagsToLabel);
    includeImagesWithTags = List.copyOf(includeImagesWithTags);
    excludeImagesWithTags = List.copyOf(excludeImagesWithTags);
    imageIds = List.copyOf(imageIds);
  }

  /** Returns a builder of a request with the required fields set. */
  public static Builder builder(String name, long datasetId, List<Long> userIds) {
    return new Builder(name, datasetId, userIds);
  }

  /** Returns the {@code jobs.add} body, sending optional keys only when set, as the SDK does. */
  ObjectNode toBody() {
    ObjectNode body = ClientJson.object();
    body.put("name", name);
    body.put("datasetId", datasetId);
    ArrayNode users = body.putArray("userIds");
    userIds.forEach(users::add);
    putIfSet(body, "readme", readme);
    putIfSet(body, "description", description);
    if (reviewerId != null) {
      body.put("reviewerId", reviewerId);
    }
    body.set("meta", meta());
    return body;
  }

  private ObjectNode meta() {
    ObjectNode meta = ClientJson.object();
    ArrayNode classes = meta.putArray("classes");
    classesToLabel.forEach(classes::add);
    ArrayNode tags = meta.putArray("projectTags");
    tagsToLabel.forEach(tags::add);
    ArrayNode imageTags = meta.putArray("imageTags");
    includeImagesWithTags.forEach(
        tag -> imageTags.addObject().put("name", tag).put("positive", true));
    excludeImagesWithTags.forEach(
        tag -> imageTags.addObject().put("name", tag).put("positive", false));
    meta.put("imageFiguresLimit", objectsLimitPerImage == null ? 0 : objectsLimitPerImage);
    meta.put("imageTagsLimit", tagsLimitPerImage == null ? 0 : tagsLimitPerImage);
    ArrayNode entityIds = meta.putArray("entityIds");
    imageIds.forEach(entityIds::add);
    if (imagesRange != null && (imagesRange.start() != null || imagesRange.end() != null)) {
      ObjectNode range = meta.putObject("range");
      range.set("start", ClientJson.MAPPER.valueToTree(imagesRange.start()));
      range.set("end", ClientJson.MAPPER.valueToTree(imagesRange.end()));
    }
    if (guideId != null) {
      meta.put("guide", guideId);
    }
    return meta;
  }

  private static void putIfSet(ObjectNode body, String key, String value) {
    if (value != null) {
      body.put(key, value);
    }
  }

  /** Collects the optional fields of a request. */
  public static final class Builder {
    private final String name;
    private final long datasetId;
    private final List<Long> userIds;
    private String readme;
    private String description;
    private List<String> classesToLabel = List.of();
    private Integer objectsLimitPerImage;
    private List<String> tagsToLabel = List.of();
    private Integer tagsLimitPerImage;
    private List<String> includeImagesWithTags = List.of();
    private List<String> excludeImagesWithTags = List.of();
    private ImagesRange imagesRange;
    private Long reviewerId;
    private List<Long> imageIds = List.of();
    private Long guideId;

    private Builder(String name, long datasetId, List<Long> userIds) {
      this.name = name;
      this.datasetId = datasetId;
      this.userIds = new ArrayList<>(userIds);
    }

    /** Sets the readme shown to labelers. */
    public Builder readme(String text) {
      this.readme = text;
      return this;
    }

    /** Sets the description. */
    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** Sets the classes labelers may use. */
    public Builder classesToLabel(List<String> names) {
      this.classesToLabel = List.copyOf(names);
      return this;
    }

    /** Sets the most labels per image. */
    public Builder objectsLimitPerImage(Integer limit) {
      this.objectsLimitPerImage = limit;
      return this;
    }

    /** Sets the tags labelers may use. */
    public Builder tagsToLabel(List<String> names) {
      this.tagsToLabel = List.copyOf(names);
      return this;
    }

    /** Sets the most tags per image. */
    public Builder tagsLimitPerImage(Integer limit) {
      this.tagsLimitPerImage = limit;
      return this;
    }

    /** Keeps only images with these tags. */
    public Builder includeImagesWithTags(List<String> names) {
      this.includeImagesWithTags = List.copyOf(names);
      return this;
    }

    /** Leaves out images with these tags. */
    public Builder excludeImagesWithTags(List<String> names) {
      this.excludeImagesWithTags = List.copyOf(names);
      return this;
    }

    /** Sets the slice of images per labeler. */
    public Builder imagesRange(Integer start, Integer end) {
      this.imagesRange = new ImagesRange(start, end);
      return this;
    }

    /** Sets the reviewer. */
    public Builder reviewerId(Long id) {
      this.reviewerId = id;
      return this;
    }

    /** Restricts the job to these images. */
    public Builder imageIds(List<Long> ids) {
      this.imageIds = List.copyOf(ids);
      return this;
    }

    /** Sets the labeling guide. */
    public Builder guideId(Long id) {
      this.guideId = id;
      return this;
    }

    /** Returns the request. */
    public CreateJobRequest build() {
      return new CreateJobRequest(
          name,
          datasetId,
          userIds,
          readme,
          description,
          classesToLabel,
          objectsLimitPerImage,
          tagsToLabel,
          tagsLimitPerImage,
          includeImagesWithTags,
          excludeImagesWithTags,
          imagesRange,
          reviewerId,
          imageIds,
          guideId);
    }
  }
}
