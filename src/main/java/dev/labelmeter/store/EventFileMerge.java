package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
   * @param linesBefore distinct events the file held before, or -1 when it was not read
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
   * Returns a staging file at {@code stagingFile} that collects distinct events, to be committed
   * into a store file with {@link Staged#commitInto(Path)}.
   */
  public static Staged stage(Path stagingFile) throws IOException {
    return new Staged(stagingFile, JsonLinesWriter.open(stagingFile));
  }

  /**
   * Distinct events on their way into an events file. Safe for several threads. Memory holds one
   * 128-bit digest per distinct event staged.
   */
  public static final class Staged implements java.io.Closeable {
    private final Path file;
    private final JsonLinesWriter out;
    private final Set<CanonicalJson.Digest> seen = new HashSet<>();
    private long duplicates;

    private Staged(Path file, JsonLinesWriter out) {
      this.file = file;
      this.out = out;
    }

    /** Adds {@code event} unless an equal one was added before; returns whether it was added. */
    public boolean add(JsonNode event) throws IOException {
      byte[] utf8 = StoreJson.MAPPER.writeValueAsBytes(event);
      return add(CanonicalJson.digest(event), utf8, 0, utf8.length);
    }

    /**
     * Adds the event {@code utf8[offset, offset + length)}, whose {@link CanonicalJson} digest is
     * {@code digest}, unless an equal one was added before; returns whether it was added.
     */
    public synchronized boolean add(
        CanonicalJson.Digest digest, byte[] utf8, int offset, int length) throws IOException {
      if (!seen.add(digest)) {
        duplicates++;
        return false;
      }
      out.writeLine(utf8, offset, length);
      return true;
    }

    /**
     * Moves the staged events into {@code target}: the staging file itself becomes {@code target}
     * when there is none yet, else the events are merged into it ({@link #merge}).
     */
    public synchronized Result commitInto(Path target) throws IOException {
      long staged = out.lines();
      seen.clear();
      out.commit();
      try {
        if (staged == 0) {
          long bytes = Files.exists(target) ? Files.size(target) : 0;
          return new Result(-1, 0, duplicates, bytes);
        }
        if (!Files.exists(target)) {
          Files.createDirectories(target.toAbsolutePath().getParent());
          AtomicFiles.moveIntoPlace(file, target);
          return new Result(0, staged, duplicates, Files.size(target));
        }
        Result merged = merge(target, file);
        return new Result(
            merged.linesBefore(),
            merged.linesAdded(),
            merged.duplicatesSkipped() + duplicates,
            merged.bytes());
      } finally {
        Files.deleteIfExists(file);
      }
    }

    /** Discards the staged events unless they were committed. */
    @Override
    public synchronized void close() throws IOException {
      out.close();
      Files.deleteIfExists(file);
    }
  }

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
          byte[] utf8 = line.strip().getBytes(StandardCharsets.UTF_8);
          CanonicalJson.Digest digest;
          try {
            digest = CanonicalJson.scan(utf8, 0, utf8.length, null).digest();
          } catch (StoreFormatException e) {
            throw new StoreFormatException(
                source, source + " line " + number + " is " + e.getMessage(), e);
          }
          if (seen.add(digest)) {
            out.writeLine(utf8, 0, utf8.length);
            counts[slot]++;
          } else {
            counts[2]++;
          }
        });
  }
}
