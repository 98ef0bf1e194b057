package dev.labelmeter.cli.pipeline;

import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.store.AtomicFiles;
import dev.labelmeter.store.StoreFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a set of reports all or nothing: every file is first written into a hidden staging
 * folder beside the target; only when all are complete is each moved over the previous file of
 * the same name (atomically where the file system allows). On any failure the staging folder is
 * removed, the previous reports stay as they were, and a folder this run created is removed again,
 * so no partial report is ever left behind. A staging folder left by a run that was killed is
 * removed by a later run once it is an hour old (a younger one may belong to a run under way).
 */
public final class ReportPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);
  private static final String STAGING = ".staging-";

  /** How old a staging folder must be before a later run takes it for a killed run's leftover. */
  static final Duration LEFTOVER_AGE = Duration.ofHours(1);

  /** Writes one report file. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path file) throws IOException;
  }

  private ReportPublisher() {}

  /**
   * Writes each format of {@code writers} to its file of {@code location} and returns the files, in
   * the order of {@code writers}.
   *
   * @throws ReportWriteException if a writer or a move fails on the file system (such as a full
   *     disk); nothing of this run is left on disk then
   */
  public static List<Path> publish(ReportFiles location, Map<ReportFormat, FileWriter> writers)
      throws IOException {
    Path directory = location.directory().toAbsolutePath();
    try {
      return publish(directory, location, writers);
    } catch (ReportWriteException | StoreFormatException e) {
      throw e; // a damaged store file read while writing is the store's failure, not the folder's
    } catch (IOException e) {
      throw new ReportWriteException(directory, e);
    }
  }

  private static List<Path> publish(
      Path directory, ReportFiles location, Map<ReportFormat, FileWriter> writers)
      throws IOException {
    Path created = firstMissing(directory);
    Files.createDirectories(directory);
    removeLeftovers(directory, Instant.now().minus(LEFTOVER_AGE));
    Path staging = Files.createTempDirectory(directory, STAGING);
    try {
      Map<Path, Path> staged = stage(location, writers, staging);
      List<Path> published = new ArrayList<>();
      for (Map.Entry<Path, Path> file : staged.entrySet()) {
        AtomicFiles.moveIntoPlace(file.getKey(), file.getValue());
        published.add(file.getValue());
      }
      return List.copyOf(published);
    } catch (IOException | RuntimeException | Error e) {
      if (created != null) {
        deleteTree(created);
      }
      throw e;
    } finally {
      deleteTree(staging);
    }
  }

  private static Map<Path, Path> stage(
      ReportFiles location, Map<ReportFormat, FileWriter> writers, Path staging)
      throws IOException {
    Map<Path, Path> staged = new LinkedHashMap<>();
    for (Map.Entry<ReportFormat, FileWriter> writer : writers.entrySet()) {
      Path target = location.file(writer.getKey()).toAbsolutePath();
      Path file = staging.resolve(target.getFileName());
      long start = System.nanoTime();
      writer.getValue().write(file);
      LOG.debug(
          "wrote {} ({} bytes) in {} ms",
          target.getFileName(),
          Files.size(file),
          (System.nanoTime() - start) / 1_000_000);
      staged.put(file, target);
    }
    return staged;
  }

  /**
   * Removes the staging folders in {@code directory} in which nothing changed since {@code before}:
   * what a run killed while writing left behind.
   */
  static void removeLeftovers(Path directory, Instant before) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> entries = Files.list(directory)) {
      leftovers =
          entries
              .filter(Files::isDirectory)
              .filter(dir -> dir.getFileName().toString().startsWith(STAGING))
              .toList();
    }
    for (Path leftover : leftovers) {
      if (lastChange(leftover).isBefore(before)) {
        deleteTree(leftover);
        LOG.info("removed {}, left by a report run that was stopped while writing", leftover);
      }
    }
  }

  /** Returns the latest modification time of {@code root} and of everything below it. */
  private static Instant lastChange(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      Instant latest = Instant.EPOCH;
      for (Path path : paths.toList()) {
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        latest = modified.isAfter(latest) ? modified : latest;
      }
      return latest;
    }
  }

  /** Returns the outermost folder of {@code directory} that does not exist yet, or null. */
  private static Path firstMissing(Path directory) {
    Path missing = null;
    for (Path dir = directory; dir != null && !Files.exists(dir); dir = dir.getParent()) {
      missing = dir;
    }
    return missing;
  }

  /** Deletes {@code root} and everything below it; a missing root is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
