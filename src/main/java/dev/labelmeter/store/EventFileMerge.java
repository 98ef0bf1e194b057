package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Merges new activity events into an events file of the store: the result holds the file's lines
 * first, then every new event that is not already there, each event once (two events are the same
 * when all their fields are equal, see {@link CanonicalJson}). The file is replaced atomically and
 * only when something was added, so it only ever grows to a superset of itself.
 *
 * <p>Memory holds one 128-bit digest per event of the file, never the events themselves.
 */
public final class EventFileMerge {

  /**
   * What a merge did.
   *
   * @param linesBefore distinct events the file held before
   * @param linesAdded events added
   * @param duplicatesSkipped new events that were already in the file or repeated among the new
   * @param bytes size of the file afterwards
   */
  public record Result(long linesBefore, long linesAdded, long duplicatesSkipped, long bytes) {
    /** Returns the number of events in the file afterwards. */
    public long linesAfter() {
      return linesBefore + linesAdded;
    }
  }

  private EventFileMerge() {}

  /**
   * Merges the events of the gzipped JSON-lines file {@code additions} into {@code target}.
   *
   * @throws StoreFormatException if a line of either file is not valid JSON
   */
  public static Result merge(Path target, Path additions) throws IOException {
    Set<CanonicalJson.Digest> seen = new HashSet<>();
    long[] counts = new long[3]; // before, added, duplicates
    try (JsonLinesWriter out = JsonLinesWriter.open(target)) {
      copyDistinct(target, out, seen, counts, 0);
      copyDistinct(additions, out, seen, counts, 1);
      if (counts[1] > 0) {
        out.commit();
      }
    }
    long bytes = Files.exists(target) ? Files.size(target) : 0;
    return new Result(counts[0], counts[1], counts[2], bytes);
  }

  private static void copyDistinct(
      Path source, JsonLinesWriter out, Set<CanonicalJson.Digest> seen, long[] counts, int slot)
      throws IOException {
    JsonLinesReader.forEachLine(
        source,
        (line, number) -> {
          JsonNode event = parse(source, line, number);
          if (seen.add(CanonicalJson.digest(event))) {
            out.writeRaw(line.strip());
            counts[slot]++;
          } else {
            counts[2]++;
          }
        });
  }

  private static JsonNode parse(Path file, String line, long number) throws StoreFormatException {
    try {
      return StoreJson.MAPPER.readTree(line);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new StoreFormatException(
          file + " line " + number + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
  }
}
