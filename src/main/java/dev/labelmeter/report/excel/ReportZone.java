package dev.labelmeter.report.excel;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The report zone: turns instants into local date-times and names itself in headers. */
record ReportZone(ZoneId zone) {

  /** Returns the zone of a result's parameters, or fails saying which zone id is wrong. */
  static ReportZone of(String zoneId) {
    try {
      return new ReportZone(ZoneId.of(zoneId));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "the result's report zone '"
              + zoneId
              + "' is not a zone id; use a region such as Europe/Berlin or UTC",
          e);
    }
  }

  /** Returns {@code instant} as a local date-time in the zone, or null for null. */
  LocalDateTime local(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
  }

  /** Returns {@code title} followed by the zone, for the header of a date or time column. */
  String header(String title) {
    return title + " (" + zone.getId() + ")";
  }
}
