package dev.labelmeter.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A labeling job: its fixed attributes, and the state that follows from the events applied to it
 * (entities' review status, counters, durations), so that the job, its stats and the activity
 * log agree by construction. Not thread-safe: the server guards it with its state lock.
 */
final class SimJob {
  static final String PENDING = "pending";
  static final String IN_PROGRESS = "in_progress";
  static final String ON_REVIEW = "on_review";
  static final String COMPLETED = "completed";
  static final String STOPPED = "stopped";
  static final String REVIEW_COMPLETED = "review_completed";
  static final List<String> KNOWN_STATUSES =
      List.of(PENDING, IN_PROGRESS, ON_REVIEW, COMPLETED, STOPPED, REVIEW_COMPLETED);

  private static final byte NONE = 0;
  private static final byte DONE = 1;
  private static final byte ACCEPTED = 2;
  private static final byte REJECTED = 3;
  private static final String[] STATUS_NAMES = {"none", "done", "accepted", "rejected"};

  final long id;
  final String name;
  final long teamId;
  final Ref workspace;
  final Project project;
  final Dataset dataset;
  final Person manager;
  final Person labeler;
  final Person reviewer;
  final long createdAtMillis;
  final Long labelingQueueId;
  final int priority;
  final List<LabelClass> classes;
  final List<TagDef> tags;
  final long[] imageIds;
  final String[] imageNames;
  final JobRef ref;
  String readme = "";
  String description = "";

  /** The job's {@code meta.imageTags} and {@code meta.range} as requested, or null for none. */
  JsonNode imageTags;

  JsonNode range;

  private final byte[] reviewStatus;
  private final int[] imageAnnotationSeconds;
  private final int[] imageFigureSeconds;
  private final int[] imageLabels;
  private final int[] imageClassMask;
  private final int[] imageTagMask;
  private final long[] classLabels;
  private final long[] classSeconds;
  private long annotationSeconds;

  Long startedAt;
  Long finishedAt;
  Long reviewFinishedAt;
  Long annotationFinishedAt;
  String status = PENDING;
  boolean disabled;

  SimJob(JobSpec spec, long[] imageIds, String[] imageNames) {
    this.id = spec.id();
    this.name = spec.name();
    this.teamId = spec.teamId();
    this.workspace = spec.workspace();
    this.project = spec.project();
    this.dataset = spec.dataset();
    this.manager = spec.manager();
    this.labeler = spec.labeler();
    this.reviewer = spec.reviewer();
    this.createdAtMillis = spec.createdAtMillis();
    this.labelingQueueId = spec.project().labelingQueueId();
    this.priority = spec.priority();
    this.classes = spec.classes();
    this.tags = spec.project().tags();
    this.imageIds = imageIds;
    this.imageNames = imageNames;
    this.ref = new JobRef(id, name, labeler.id(), project.ref(), dataset.ref());
    int n = imageIds.length;
    reviewStatus = new byte[n];
    imageAnnotationSeconds = new int[n];
    imageFigureSeconds = new int[n];
    imageLabels = new int[n];
    imageClassMask = new int[n];
    imageTagMask = new int[n];
    classLabels = new long[classes.size()];
    classSeconds = new long[classes.size()];
  }

  /**
   * The fixed attributes of a job.
   *
   * @param id job id
   * @param name job name
   * @param teamId team
   * @param workspace workspace
   * @param project project
   * @param dataset dataset of its images
   * @param manager who created it
   * @param labeler who labels it
   * @param reviewer who reviews it, or null
   * @param createdAtMillis when it was created
   * @param priority priority
   * @param classes classes to label
   */
  record JobSpec(
      long id,
      String name,
      long teamId,
      Ref workspace,
      Project project,
      Dataset dataset,
      Person manager,
      Person labeler,
      Person reviewer,
      long createdAtMillis,
      int priority,
      List<LabelClass> classes) {}

  int imagesCount() {
    return imageIds.length;
  }

  /** Returns the position of {@code imageId} among the entities, or a negative number. */
  int indexOf(long imageId) {
    return Arrays.binarySearch(imageIds, imageId);
  }

  /** Updates entities, counters and durations with one event of this job. */
  void apply(SimEvent e) {
    int image = e.image == null ? -1 : indexOf(e.image.id());
    if (image < 0) {
      return;
    }
    switch (e.action) {
      case SimEvent.CREATE_FIGURE -> addFigure(image, e);
      case SimEvent.ATTACH_TAG -> imageTagMask[image] |= 1 << tagIndex(e.tag.id());
      case SimEvent.ANNOTATION_DURATION -> addDuration(image, e.durationSeconds());
      case SimEvent.REVIEW_STATUS_UPDATED -> reviewStatus[image] = statusCode(e.reviewStatus());
      default -> {}
    }
  }

  private void addFigure(int image, SimEvent e) {
    int c = classIndex(e.cls.id());
    imageLabels[image]++;
    imageFigureSeconds[image] += e.figureSeconds;
    if (c >= 0) {
      imageClassMask[image] |= 1 << c;
      classLabels[c]++;
      classSeconds[c] += e.figureSeconds;
    }
  }

  private void addDuration(int image, long seconds) {
    imageAnnotationSeconds[image] += (int) seconds;
    annotationSeconds += seconds;
  }

  private int classIndex(long classId) {
    for (int i = 0; i < classes.size(); i++) {
      if (classes.get(i).id() == classId) {
        return i;
      }
    }
    return -1;
  }

  private int tagIndex(long tagId) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).id() == tagId) {
        return i;
      }
    }
    return 0;
  }

  private static byte statusCode(String status) {
    return switch (status == null ? "none" : status) {
      case "done" -> DONE;
      case "accepted" -> ACCEPTED;
      case "rejected" -> REJECTED;
      default -> NONE;
    };
  }

  long countStatus(byte code) {
    long count = 0;
    for (byte s : reviewStatus) {
      if (s == code) {
        count++;
      }
    }
    return count;
  }

  long finishedImages() {
    return imagesCount() - countStatus(NONE);
  }

  /** Returns the entity's review status: {@code none}, {@code done}, accepted or rejected. */
  String entityStatus(int index) {
    return STATUS_NAMES[reviewStatus[index]];
  }

  /** Returns whether {@code jobs.list} filters on status can still change this job. */
  boolean isClosed() {
    return disabled || COMPLETED.equals(status) || STOPPED.equals(status);
  }

  /** Writes the {@code jobs.info} object; {@code jobs.list} leaves the entities out. */
  void writeInfo(JsonGenerator g, boolean withEntities) throws IOException {
    g.writeStartObject();
    writeIdentity(g);
    writeTimesAndStatus(g);
    writeCounters(g);
    writeMeta(g);
    if (withEntities) {
      g.writeObjectFieldStart("customData");
      g.writeEndObject();
      writeEntities(g);
    }
    g.writeEndObject();
  }

  private void writeIdentity(JsonGenerator g) throws IOException {
    g.writeNumberField("id", id);
    g.writeStringField("name", name);
    g.writeStringField("readme", readme);
    g.writeStringField("description", description);
    g.writeNumberField("teamId", teamId);
    g.writeNumberField("workspaceId", workspace.id());
    g.writeStringField("workspaceTitle", workspace.name());
    g.writeNumberField("projectId", project.id());
    g.writeStringField("projectTitle", project.name());
    g.writeNumberField("datasetId", dataset.id());
    g.writeStringField("datasetTitle", dataset.name());
    g.writeNumberField("createdBy", manager.id());
    g.writeStringField("managerLogin", manager.login());
    g.writeNumberField("userId", labeler.id());
    g.writeStringField("labelerLogin", labeler.login());
    writeNullableNumber(g, "reviewerId", reviewer == null ? null : reviewer.id());
    writeNullableString(g, "reviewerLogin", reviewer == null ? null : reviewer.login());
  }

  private void writeTimesAndStatus(JsonGenerator g) throws IOException {
    g.writeStringField("createdAt", WireTime.format(createdAtMillis));
    writeTime(g, "startedAt", startedAt);
    writeTime(g, "finishedAt", finishedAt);
    writeTime(g, "reviewFinishedAt", reviewFinishedAt);
    writeTime(g, "annotationFinishedAt", annotationFinishedAt);
    g.writeStringField("status", status);
    g.writeBooleanField("disabled", disabled);
    writeNullableNumber(g, "labelingQueueId", labelingQueueId);
    g.writeNullField("labelingExamId");
    g.writeNumberField("priority", priority);
  }

  private void writeCounters(JsonGenerator g) throws IOException {
    long finished = finishedImages();
    g.writeNumberField("imagesCount", imagesCount());
    g.writeNumberField("finishedImagesCount", finished);
    g.writeNumberField("rejectedImagesCount", countStatus(REJECTED));
    g.writeNumberField("acceptedImagesCount", countStatus(ACCEPTED));
    g.writeNumberField("progressImagesCount", imagesCount() - finished);
  }

  private void writeMeta(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("meta");
    g.writeArrayFieldStart("classes");
    for (LabelClass c : classes) {
      g.writeStartObject();
      g.writeNumberField("id", c.id());
      g.writeStringField("name", c.name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("projectTags");
    for (TagDef t : tags) {
      g.writeStartObject();
      g.writeNumberField("id", t.id());
      g.writeStringField("name", t.name());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeTreeOr(g, "imageTags", imageTags, true);
    writeTreeOr(g, "range", range, false);
    g.writeNullField("imageFiguresLimit");
    g.writeNullField("imageTagsLimit");
    g.writeEndObject();
  }

  private static void writeTreeOr(JsonGenerator g, String key, JsonNode tree, boolean array)
      throws IOException {
    g.writeFieldName(key);
    if (tree != null) {
      g.writeTree(tree);
    } else if (array) {
      g.writeStartArray();
      g.writeEndArray();
    } else {
      g.writeStartObject();
      g.writeNullField("start");
      g.writeNullField("end");
      g.writeEndObject();
    }
  }

  private void writeEntities(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("entities");
    for (int i = 0; i < imageIds.length; i++) {
      g.writeStartObject();
      g.writeNumberField("id", imageIds[i]);
      g.writeStringField("name", imageNames[i]);
      g.writeStringField("reviewStatus", entityStatus(i));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes the {@code jobs.stats} object: job totals, per class and per image. */
  void writeStats(JsonGenerator g) throws IOException {
    g.writeStartObject();
    writeJobStats(g);
    writeClassStats(g);
    writeImageStats(g);
    g.writeEndObject();
  }

  private void writeJobStats(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("job");
    g.writeNumberField("id", id);
    g.writeStringField("name", name);
    writeTime(g, "startedAt", startedAt);
    writeTime(g, "finishedAt", finishedAt);
    writeTime(g, "reviewFinishedAt", reviewFinishedAt);
    writeTime(g, "annotationFinishedAt", annotationFinishedAt);
    g.writeNumberField("imagesCount", imagesCount());
    g.writeNumberField("finishedImagesCount", finishedImages());
    g.writeNumberField("editingDuration", Arrays.stream(classSeconds).sum());
    g.writeNumberField("annotationDuration", annotationSeconds);
    g.writeArrayFieldStart("tagsStats");
    for (int t = 0; t < tags.size(); t++) {
      g.writeStartObject();
      g.writeNumberField("id", tags.get(t).id());
      g.writeStringField("name", tags.get(t).name());
      g.writeStringField("color", tags.get(t).color());
      g.writeNumberField("images", countMask(imageTagMask, t));
      g.writeNumberField("figures", 0);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writeClassStats(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("classes");
    for (int c = 0; c < classes.size(); c++) {
      LabelClass cls = classes.get(c);
      g.writeStartObject();
      g.writeNumberField("id", cls.id());
      g.writeStringField("name", cls.name());
      g.writeStringField("color", cls.color());
      g.writeStringField("shape", cls.shape());
      g.writeNumberField("imagesCount", countMask(imageClassMask, c));
      g.writeNumberField("labelsCount", classLabels[c]);
      g.writeNumberField("totalDuration", classSeconds[c]);
      writeNullableNumber(g, "avgDuration", classLabels[c] == 0 ? null : avgSeconds(c));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private long avgSeconds(int c) {
    return classSeconds[c] / classLabels[c];
  }

  private void writeImageStats(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("images");
    g.writeNumberField("total", imagesCount());
    g.writeArrayFieldStart("images");
    for (int i = 0; i < imageIds.length; i++) {
      g.writeStartObject();
      g.writeNumberField("id", imageIds[i]);
      g.writeStringField("name", imageNames[i]);
      g.writeStringField("reviewStatus", entityStatus(i));
      g.writeNumberField("annotationDuration", imageAnnotationSeconds[i]);
      g.writeNumberField("totalDuration", imageFigureSeconds[i]);
      g.writeNumberField("labelsCount", imageLabels[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static long countMask(int[] masks, int bit) {
    long count = 0;
    for (int mask : masks) {
      if ((mask & (1 << bit)) != 0) {
        count++;
      }
    }
    return count;
  }

  private static void writeTime(JsonGenerator g, String key, Long millis) throws IOException {
    writeNullableString(g, key, millis == null ? null : WireTime.format(millis));
  }

  private static void writeNullableNumber(JsonGenerator g, String key, Long value)
      throws IOException {
    if (value == null) {
      g.writeNullField(key);
    } else {
      g.writeNumberField(key, value);
    }
  }

  private static void writeNullableString(JsonGenerator g, String key, String value)
      throws IOException {
    if (value == null) {
      g.writeNullField(key);
    } else {
      g.writeStringField(key, value);
    }
  }
}
