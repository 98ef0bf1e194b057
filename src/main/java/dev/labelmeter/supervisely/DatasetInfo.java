package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optInt;
import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A dataset ({@code datasets.info}).
 *
 * @param id dataset id
 * @param name dataset name
 * @param description or null
 * @param projectId its project
 * @param parentId the parent dataset of a nested dataset, or null
 * @param workspaceId its workspace
 * @param teamId its team
 * @param imagesCount images
 * @param itemsCount items ({@code imagesCount} when the server sends no {@code itemsCount})
 * @param size bytes, as sent
 * @param createdAt creation
 * @param updatedAt last change
 */
public record DatasetInfo(
    long id,
    String name,
    String description,
    Long projectId,
    Long parentId,
    Long workspaceId,
    Long teamId,
    Integer imagesCount,
    Integer itemsCount,
    Long size,
    Instant createdAt,
    Instant updatedAt) {

  static DatasetInfo read(JsonNode json) {
    Integer images = optInt(json, "imagesCount");
    Integer items = optInt(json, "itemsCount");
    return new DatasetInfo(
        JsonFields.requiredLong(json, "id"),
        optText(json, "name"),
        optText(json, "description"),
        optLong(json, "projectId"),
        optLong(json, "parentId"),
        optLong(json, "workspaceId"),
        optLong(json, "teamId"),
        images,
        items == null ? images : items,
        optLong(json, "size"),
        optInstant(json, "createdAt"),
        optInstant(json, "updatedAt"));
  }
}
