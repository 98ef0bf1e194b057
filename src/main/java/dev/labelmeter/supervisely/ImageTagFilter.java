package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of a job's {@code meta.imageTags}: images with this tag are included ({@code
 * positive}) or excluded.
 *
 * @param id the tag id, when sent
 * @param name the tag name ({@code name}, or {@code title} as a fallback)
 * @param positive true to include, false to exclude, null when not sent
 */
public record ImageTagFilter(Long id, String name, Boolean positive) {
  static ImageTagFilter fromJson(JsonNode json) {
    if (json.isTextual()) {
      return new ImageTagFilter(null, json.asText(), null);
    }
    return new ImageTagFilter(
        JsonFields.optLong(json, "id"),
        JsonFields.nameOf(json),
        JsonFields.optBoolean(json, "positive"));
  }
}
