package dev.labelmeter.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a team's store, written last and atomically by every pull. A store without a
 * manifest is incomplete and is not read by the engines.
 *
 * @param formatVersion layout version, {@link #FORMAT_VERSION} for this code
 * @param teamId the team
 * @param snapshotAt when the pull fixed the end of its activity range; the "now" of every metric
 * @param server server address the data came from (never the token)
 * @param files every data file, by path relative to the team directory
 * @param counts number of records per kind: {@code jobs}, {@code stats}, {@code members}, {@code
 *     events}
 * @param activity the range of activity the store holds
 * @param warnings anything the pull could not reconcile, in words
 * @param failedJobIds jobs whose info or stats could not be fetched in the last pull
 * @param jobStates per job id, what the pull needs to decide whether to fetch it again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(
    int formatVersion,
    long teamId,
    Instant snapshotAt,
    String server,
    Map<String, FileEntry> files,
    Map<String, Long> counts,
    ActivityRange activity,
    List<String> warnings,
    List<Long> failedJobIds,
    Map<String, JobState> jobStates) {

  public static final int FORMAT_VERSION = 1;

  /** The most ids {@link #idsInShort} names; the manifest itself holds them all. */
  public static final int MAX_IDS_NAMED = 10;

  /**
   * Returns {@code ids}, such as {@link #failedJobIds()}, for a message: all of them when there
   * are at most {@link #MAX_IDS_NAMED} ({@code 5, 9}), else the first ones and how many more
   * ({@code 101, ..., 110 and 1460 more}).
   */
  public static String idsInShort(List<Long> ids) {
    int more = ids.size() - MAX_IDS_NAMED;
    return ids.stream()
            .limit(MAX_IDS_NAMED)
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(", "))
        + (more > 0 ? " and " + more + " more" : "");
  }

  public Manifest {
    files = files == null ? Map.of() : Map.copyOf(files);
    counts = counts == null ? Map.of() : Map.copyOf(counts);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    failedJobIds = failedJobIds == null ? List.of() : List.copyOf(failedJobIds);
    jobStates = jobStates == null ? Map.of() : Map.copyOf(jobStates);
  }

  /**
   * One data file.
   *
   * @param lines number of JSON lines
   * @param bytes size on disk
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FileEntry(long lines, long bytes) {}

  /**
   * The activity held by the store: every event with {@code from <= date <= to}, as far as the
   * server returned it.
   *
   * @param from start of the range (inclusive)
   * @param to end of the range (inclusive), fixed before paging started
   * @param serverTotal the server's {@code total} for the last range fetched, if known
   * @param countMatched whether the events received matched the server's totals
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ActivityRange(Instant from, Instant to, Long serverTotal, Boolean countMatched) {}

  /**
   * What the pull remembers of a job to skip it next time.
   *
   * @param status the job's status as received
   * @param disabled whether the job was disabled
   * @param fingerprint a digest of the job's {@code jobs.list} object at the last fetch
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JobState(String status, boolean disabled, String fingerprint) {}

  /** Reads the manifest of {@code layout}, or empty when the store has none yet. */
  public static Optional<Manifest> read(StoreLayout layout) throws IOException {
    try {
      byte[] bytes = Files.readAllBytes(layout.manifest());
      return Optional.of(StoreJson.MAPPER.readValue(bytes, Manifest.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new StoreFormatException(
          layout.manifest() + " is not a valid manifest (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** Writes this manifest into {@code layout} atomically. */
  public void write(StoreLayout layout) throws IOException {
    AtomicFiles.write(
        layout.manifest(),
        out -> StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, this));
  }

  /** Returns the number of records of {@code kind}, or 0 when not counted. */
  public long count(String kind) {
    return counts.getOrDefault(kind, 0L);
  }
}
