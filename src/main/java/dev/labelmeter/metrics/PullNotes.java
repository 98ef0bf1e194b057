package dev.labelmeter.metrics;

import dev.labelmeter.store.Manifest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data-quality notes that come from the store's last pull, worded once for both engines: its
 * warnings, where the store's activity begins and ends against the window ({@link
 * StoreCoverage}), and the jobs it could not fetch.
 */
public final class PullNotes {
  /** The most failed job ids a note names; the manifest's {@code failedJobIds} holds them all. */
  static final int MAX_IDS_NAMED = 10;

  private PullNotes() {}

  /**
   * Returns the notes of {@code manifest}'s pull for a report of {@code window} in {@code zone}.
   */
  public static List<String> of(Manifest manifest, DateWindow window, ZoneId zone) {
    List<String> notes = new ArrayList<>();
    manifest.warnings().forEach(w -> notes.add("Pull warning: " + w));
    notes.addAll(StoreCoverage.notes(manifest, window, zone));
    List<Long> failed = manifest.failedJobIds();
    if (!failed.isEmpty()) {
      int more = failed.size() - MAX_IDS_NAMED;
      notes.add(
          "Jobs whose info or stats failed in the last pull (their figures may be missing or"
              + " old): "
              + failed.stream()
                  .limit(MAX_IDS_NAMED)
                  .map(String::valueOf)
                  .collect(Collectors.joining(", "))
              + (more > 0 ? " and " + more + " more (all in the manifest's failedJobIds)" : "")
              + ".");
    }
    return notes;
  }
}
