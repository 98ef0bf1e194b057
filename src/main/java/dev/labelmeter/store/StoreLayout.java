package dev.labelmeter.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where each file of a team's data store lives.
 *
 * <pre>{@code
 * <data-dir>/<teamId>/
 *   manifest.json
 *   jobs.jsonl.gz
 *   stats.jsonl.gz
 *   members.jsonl.gz
 *   activity/day=YYYY-MM-DD/events.jsonl.gz
 * }</pre>
 */
public final class StoreLayout {
  public static final String MANIFEST = "manifest.json";
  public static final String JOBS = "jobs.jsonl.gz";
  public static final String STATS = "stats.jsonl.gz";
  public static final String MEMBERS = "members.jsonl.gz";
  public static final String ACTIVITY_DIR = "activity";
  public static final String EVENTS_FILE = "events.jsonl.gz";
  public static final String DAY_PREFIX = "day=";

  /** Directory, under {@link #ACTIVITY_DIR}, of the events whose {@code date} does not parse. */
  public static final String UNDATED_DIR = "undated";

  /** Lock file a pull holds while it writes the store. */
  public static final String PULL_LOCK = ".pull.lock";

  private final Path teamDir;

  private StoreLayout(Path teamDir) {
    this.teamDir = teamDir;
  }

  /** Returns the layout of team {@code teamId} under {@code dataDir}. */
  public static StoreLayout of(Path dataDir, long teamId) {
    return new StoreLayout(dataDir.resolve(Long.toString(teamId)));
  }

  /** Returns the layout rooted at an existing team directory. */
  public static StoreLayout at(Path teamDir) {
    return new StoreLayout(teamDir);
  }

  public Path teamDir() {
    return teamDir;
  }

  public Path manifest() {
    return teamDir.resolve(MANIFEST);
  }

  public Path jobs() {
    return teamDir.resolve(JOBS);
  }

  public Path stats() {
    return teamDir.resolve(STATS);
  }

  public Path members() {
    return teamDir.resolve(MEMBERS);
  }

  public Path activityDir() {
    return teamDir.resolve(ACTIVITY_DIR);
  }

  /** Returns the events file of one UTC day partition. */
  public Path activityDay(LocalDate utcDay) {
    return activityDir().resolve(DAY_PREFIX + utcDay).resolve(EVENTS_FILE);
  }

  /**
   * Returns the events file of the events whose {@code date} does not parse. It is not a day
   * partition: readers of {@code day=} partitions never see it.
   */
  public Path activityUndated() {
    return activityDir().resolve(UNDATED_DIR).resolve(EVENTS_FILE);
  }

  /** Returns the lock file a pull holds while it writes this store. */
  public Path pullLock() {
    return teamDir.resolve(PULL_LOCK);
  }

  /** Returns the path of {@code file} relative to the team directory, with forward slashes. */
  public String relative(Path file) {
    return teamDir.relativize(file).toString().replace('\\', '/');
  }

  /** Returns the UTC days that have an events file, in ascending order. */
  public List<LocalDate> activityDays() throws IOException {
    if (!Files.isDirectory(activityDir())) {
      return List.of();
    }
    List<LocalDate> days = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(activityDir())) {
      for (Path dir : dirs) {
        Optional<LocalDate> day = parseDayPartition(dir.getFileName().toString());
        if (day.isPresent() && Files.isRegularFile(dir.resolve(EVENTS_FILE))) {
          days.add(day.get());
        }
      }
    }
    Collections.sort(days);
    return List.copyOf(days);
  }

  /** Returns the day of a partition directory name such as {@code day=2026-11-30}. */
  public static Optional<LocalDate> parseDayPartition(String dirName) {
    if (!dirName.startsWith(DAY_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(dirName.substring(DAY_PREFIX.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
