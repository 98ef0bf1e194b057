package dev.labelmeter.metrics;

import dev.labelmeter.store.Manifest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says when a report's window reaches before, or ends after, the activity its store is known to
 * hold. The
 * manifest's {@code activity.from} is where the store's continuous range starts; day partitions
 * before it may hold an older history, or only part of a day a killed pull fetched, so figures
 * there count what happens to be on disk. Both engines add this note to their data quality.
 */
public final class StoreCoverage {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private StoreCoverage() {}

  /**
   * Returns the notes for {@code window} and the previous window it is compared with, in {@code
   * zone}: at most one, about the earliest of the two that starts before the store's activity.
   */
  public static List<String> notes(Manifest manifest, DateWindow window, ZoneId zone) {
    if (manifest.activity() == null && manifest.counts().getOrDefault("events", 0L) > 0) {
      return List.of(
          "The store holds no complete activity range yet: its first pull could not fetch every"
              + " day, so the figures count only what the store holds. Run "
              + pull(manifest)
              + " again once the server answers.");
    }
    List<String> notes = new ArrayList<>(startNotes(manifest, window, zone));
    endNote(manifest, window, zone).ifPresent(notes::add);
    return List.copyOf(notes);
  }

  /**
   * Returns a note when the last pull could not fetch the activity up to its snapshot and {@code
   * window} ends after the activity the store holds, so the window's last hours are missing.
   */
  private static Optional<String> endNote(Manifest manifest, DateWindow window, ZoneId zone) {
    Optional<Instant> to =
        Optional.ofNullable(manifest.activity())
            .map(Manifest.ActivityRange::to)
            .filter(end -> manifest.snapshotAt() != null && end.isBefore(manifest.snapshotAt()));
    if (to.isEmpty() || !window.endInstant(zone).isAfter(to.get())) {
      return Optional.empty();
    }
    return Optional.of(
        "The window "
            + words(window)
            + " ends after the store's activity, which ends at "
            + MINUTE.format(to.get().atZone(zone))
            + " ("
            + zoneName(zone)
            + "): the last pull could not fetch the activity since then, so the window's last"
            + " hours count only what the store holds. Run "
            + pull(manifest)
            + " again once the server answers.");
  }

  private static List<String> startNotes(Manifest manifest, DateWindow window, ZoneId zone) {
    Optional<Instant> from =
        Optional.ofNullable(manifest.activity()).map(Manifest.ActivityRange::from);
    if (from.isEmpty()) {
      return List.of();
    }
    String begins =
        " starts before the store's activity, which begins at "
            + MINUTE.format(from.get().atZone(zone))
            + " ("
            + zoneName(zone)
            + ")";
    if (window.startInstant(zone).isBefore(from.get())) {
      return List.of(
          "The window "
              + words(window)
              + begins
              + ": its figures count only what the store holds of the days before. "
              + pullHint(manifest, window.startInstant(zone)));
    }
    DateWindow previous = window.previous();
    if (previous.startInstant(zone).isBefore(from.get())) {
      return List.of(
          "The previous window "
              + words(previous)
              + ", which the changes compare with,"
              + begins
              + ": its figures and the changes may be incomplete. "
              + pullHint(manifest, previous.startInstant(zone)));
    }
    return List.of();
  }

  private static String zoneName(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private static String words(DateWindow window) {
    return window.from() + " to " + window.to().minusDays(1);
  }

  private static String pullHint(Manifest manifest, Instant start) {
    return "To fetch those days, run 'labelmeter pull --team "
        + manifest.teamId()
        + " --since "
        + LocalDate.ofInstant(start, ZoneOffset.UTC)
        + "'.";
  }

  /** Returns the pull of the store's team, quoted. */
  private static String pull(Manifest manifest) {
    return "'labelmeter pull --team " + manifest.teamId() + "'";
  }
}
