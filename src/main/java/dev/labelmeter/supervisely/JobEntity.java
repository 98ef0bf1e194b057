package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item (image) of a labeling job, from {@code jobs.info}'s {@code entities}.
 *
 * @param id the image id
 * @param name the image name
 * @param reviewStatus {@code none}, {@code done}, {@code accepted} or {@code rejected} (kept as
 *     sent)
 */
public record JobEntity(long id, String name, String reviewStatus) {
  static JobEntity fromJson(JsonNode json) {
    return new JobEntity(
        JsonFields.requiredLong(json, "id"),
        JsonFields.optText(json, "name"),
        JsonFields.optText(json, "reviewStatus"));
  }
}
