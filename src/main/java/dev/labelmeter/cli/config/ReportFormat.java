package dev.labelmeter.cli.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A report file format, named by its file extension. */
public enum ReportFormat {
  XLSX,
  HTML,
  JSON;

  /** Returns the file extension without the dot, such as {@code xlsx}. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the formats of a comma-separated list such as {@code xlsx,html}, in the order of this
   * enum and without repeats.
   *
   * @throws IllegalArgumentException naming the unknown format and the known ones
   */
  public static List<ReportFormat> parseList(String text) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String part : text.split("[,\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      formats.add(parse(part));
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("no report format given; use any of xlsx, html, json");
    }
    return List.copyOf(new ArrayList<>(formats));
  }

  private static ReportFormat parse(String part) {
    for (ReportFormat format : values()) {
      if (format.extension().equals(part.strip().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "'" + part + "' is not a report format; use any of xlsx, html, json, comma-separated");
  }
}
