package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One event of a team's activity log ({@code teams.activity}), its 18 documented fields in order.
 * Missing values are null.
 *
 * @param userId who acted ({@code userId})
 * @param action what was done, e.g. {@code create_figure} ({@code action})
 * @param date when ({@code date})
 * @param user the actor's login ({@code user})
 * @param projectId ({@code projectId})
 * @param project project title ({@code project})
 * @param datasetId ({@code datasetId})
 * @param dataset dataset title ({@code dataset})
 * @param imageId ({@code imageId})
 * @param image image name ({@code image})
 * @param classId ({@code classId})
 * @param className class name ({@code class})
 * @param figureId ({@code figureId})
 * @param job job name ({@code job})
 * @param jobId ({@code jobId})
 * @param tag tag name ({@code tag})
 * @param tagId ({@code tagId})
 * @param meta the {@code meta} object (a copy), or null when not sent
 */
public record ActivityEvent(
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
    JsonNode meta) {

  /** The 18 JSON keys of an event, in the documented order (the activity table's columns). */
  public static final List<String> KEYS =
      List.of(
          "userId",
          "action",
          "date",
          "user",
          "projectId",
          "project",
          "datasetId",
          "dataset",
          "imageId",
          "image",
          "classId",
          "class",
          "figureId",
          "job",
          "jobId",
          "tag",
          "tagId",
          "meta");

  /** Copies {@code meta}. */
  public ActivityEvent {
    meta = meta == null ? null : meta.deepCopy();
  }

  /** Returns {@code meta} as compact JSON text, or null when not sent. */
  public String metaJson() {
    return meta == null ? null : meta.toString();
  }

  /**
   * Returns the event a {@code teams.activity} entity describes.
   *
   * @throws SuperviselyException (malformed response) when a field cannot be read
   */
  public static ActivityEvent fromJson(JsonNode json) {
    return Responses.parse("teams.activity", json, ActivityEvent::read);
  }

  static ActivityEvent read(JsonNode json) {
    return new ActivityEvent(
        optLong(json, "userId"),
        optText(json, "action"),
        JsonFields.optInstant(json, "date"),
        optText(json, "user"),
        optLong(json, "projectId"),
        optText(json, "project"),
        optLong(json, "datasetId"),
        optText(json, "dataset"),
        optLong(json, "imageId"),
        optText(json, "image"),
        optLong(json, "classId"),
        optText(json, "class"),
        optLong(json, "figureId"),
        optText(json, "job"),
        optLong(json, "jobId"),
        optText(json, "tag"),
        optLong(json, "tagId"),
        JsonFields.optTree(json, "meta"));
  }
}
