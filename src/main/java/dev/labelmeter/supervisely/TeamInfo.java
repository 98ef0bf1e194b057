package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A team ({@code teams.info}).
 *
 * @param id team id
 * @param name team name
 * @param description or null
 * @param role the token user's role in the team
 * @param createdAt creation
 * @param updatedAt last change
 * @param plan {@code usage.plan}, or null
 */
public record TeamInfo(
    long id,
    String name,
    String description,
    String role,
    Instant createdAt,
    Instant updatedAt,
    String plan) {

  static TeamInfo read(JsonNode json) {
    return new TeamInfo(
        JsonFields.requiredLong(json, "id"),
        optText(json, "name"),
        optText(json, "description"),
        optText(json, "role"),
        optInstant(json, "createdAt"),
        optInstant(json, "updatedAt"),
        optText(JsonFields.field(json, "usage"), "plan"));
  }
}
