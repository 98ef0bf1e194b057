package dev.labelmeter.metrics;

import dev.labelmeter.store.Manifest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality notes that come from the store's last pull, worded once for both engines: its
 * warnings, where the store's activity begins and ends against the window ({@link
 * StoreCoverage}), and the jobs it could not fetch.
 */
public final class PullNotes {
  private PullNotes() {}

  /**
   * Returns the notes of {@code manifest}'s pull for a report of {@code window} in {@code zone}.
   */
  public static List<String> of(Manifest manifest, DateWindow window, ZoneId zone) {
    List<String> notes = new ArrayList<>();
    manifest.warnings().forEach(w -> notes.add("Pull warning: " + w));
    notes.addAll(StoreCoverage.notes(manifest, window, zone));
    if (!manifest.failedJobIds().isEmpty()) {
      notes.add(
          "Jobs whose info or stats failed in the last pull (their figures may be missing or"
              + " old): "
              + Manifest.idsInShort(manifest.failedJobIds())
              + (manifest.failedJobIds().size() > Manifest.MAX_IDS_NAMED
                  ? " (all in the manifest's failedJobIds)"
                  : "")
              + ".");
    }
    return notes;
  }
}
