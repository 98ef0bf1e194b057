package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A workspace ({@code workspaces.info}).
 *
 * @param id workspace id
 * @param name workspace name
 * @param description or null
 * @param teamId its team
 * @param createdAt creation
 * @param updatedAt last change
 */
public record WorkspaceInfo(
    long id, String name, String description, Long teamId, Instant createdAt, Instant updatedAt) {

  static WorkspaceInfo read(JsonNode json) {
    return new WorkspaceInfo(
        JsonFields.requiredLong(json, "id"),
        optText(json, "name"),
        optText(json, "description"),
        optLong(json, "teamId"),
        optInstant(json, "createdAt"),
        optInstant(json, "updatedAt"));
  }
}
