package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optInt;
import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A project ({@code projects.info}).
 *
 * @param id project id
 * @param name project name
 * @param description or null
 * @param type e.g. {@code images}, {@code videos}
 * @param workspaceId its workspace
 * @param teamId its team
 * @param imagesCount images
 * @param itemsCount items ({@code imagesCount} when the server sends no {@code itemsCount})
 * @param datasetsCount datasets
 * @param size bytes, as sent
 * @param createdAt creation
 * @param updatedAt last change
 */
public record ProjectInfo(
    long id,
    String name,
    String description,
    String type,
    Long workspaceId,
    Long teamId,
    Integer imagesCount,
    Integer itemsCount,
    Integer datasetsCount,
    Long size,
    Instant createdAt,
    Instant updatedAt) {

  static ProjectInfo read(JsonNode json) {
    Integer images = optInt(json, "imagesCount");
    Integer items = optInt(json, "itemsCount");
    return new ProjectInfo(
        JsonFields.requiredLong(json, "id"),
        optText(json, "name"),
        optText(json, "description"),
        optText(json, "type"),
        optLong(json, "workspaceId"),
        optLong(json, "teamId"),
        images,
        items == null ? images : items,
        optInt(json, "datasetsCount"),
        optLong(json, "size"),
        optInstant(json, "createdAt"),
        optInstant(json, "updatedAt"));
  }
}
