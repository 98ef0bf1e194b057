package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.JsonFields.optBoolean;
import static dev.labelmeter.supervisely.JsonFields.optInstant;
import static dev.labelmeter.supervisely.JsonFields.optInt;
import static dev.labelmeter.supervisely.JsonFields.optLong;
import static dev.labelmeter.supervisely.JsonFields.optText;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A user as {@code members.list} (role in that team) or {@code users.info} describe them.
 *
 * @param id user id
 * @param login login name
 * @param role role name, e.g. {@code annotator}
 * @param roleId role id (1 admin, 2 developer, 3 annotator, 4 viewer for the built-in roles)
 * @param name display name, or null
 * @param email or null
 * @param logins number of logins
 * @param disabled whether the account is disabled
 * @param lastLogin last login
 * @param createdAt account creation
 * @param updatedAt last account change
 */
public record Member(
    long id,
    String login,
    String role,
    Long roleId,
    String name,
    String email,
    Integer logins,
    Boolean disabled,
    Instant lastLogin,
    Instant createdAt,
    Instant updatedAt) {

  static Member read(JsonNode json) {
    return new Member(
        JsonFields.requiredLong(json, "id"),
        optText(json, "login"),
        optText(json, "role"),
        optLong(json, "roleId"),
        optText(json, "name"),
        optText(json, "email"),
        optInt(json, "logins"),
        optBoolean(json, "disabled"),
        optInstant(json, "lastLogin"),
        optInstant(json, "createdAt"),
        optInstant(json, "updatedAt"));
  }
}
