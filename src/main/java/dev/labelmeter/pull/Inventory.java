package dev.labelmeter.pull;

import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lists the data files of a store with their lines and bytes for the manifest. Lines are known
 * for the files this pull wrote, taken from the previous manifest for files of the same size, and
 * counted otherwise (a file changed by a pull that was killed before its manifest).
 */
final class Inventory {
  private Inventory() {}

  /** Returns every data file of {@code layout} by relative path. */
  static Map<String, Manifest.FileEntry> files(
      StoreLayout layout, Optional<Manifest> previous, Map<String, Manifest.FileEntry> fresh)
      throws IOException {
    Map<String, Manifest.FileEntry> before = previous.map(Manifest::files).orElse(Map.of());
    Map<String, Manifest.FileEntry> files = new TreeMap<>();
    for (Path file : dataFiles(layout)) {
      String relative = layout.relative(file);
      long bytes = Files.size(file);
      Manifest.FileEntry known = fresh.getOrDefault(relative, before.get(relative));
      if (known == null || known.bytes() != bytes) {
        known = new Manifest.FileEntry(countLines(file), bytes);
      }
      files.put(relative, known);
    }
    return files;
  }

  /** Returns the lines of the day partitions in {@code files}. */
  static long dayLines(Map<String, Manifest.FileEntry> files) {
    return files.entrySet().stream()
        .filter(e -> e.getKey().startsWith(StoreLayout.ACTIVITY_DIR + "/" + StoreLayout.DAY_PREFIX))
        .mapToLong(e -> e.getValue().lines())
        .sum();
  }

  /** Returns the lines of {@code relative} in {@code files}, or 0 when it is not there. */
  static long lines(Map<String, Manifest.FileEntry> files, String relative) {
    Manifest.FileEntry entry = files.get(relative);
    return entry == null ? 0 : entry.lines();
  }

  private static List<Path> dataFiles(StoreLayout layout) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path file : List.of(layout.jobs(), layout.stats(), layout.members())) {
      if (Files.isRegularFile(file)) {
        files.add(file);
      }
    }
    for (LocalDate day : layout.activityDays()) {
      files.add(layout.activityDay(day));
    }
    if (Files.isRegularFile(layout.activityUndated())) {
      files.add(layout.activityUndated());
    }
    return files;
  }

  private static long countLines(Path file) throws IOException {
    long[] lines = {0};
    JsonLinesReader.forEachLine(file, (line, number) -> lines[0]++);
    return lines[0];
  }
}
