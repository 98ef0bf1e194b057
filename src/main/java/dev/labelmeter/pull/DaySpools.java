package dev.labelmeter.pull;

import dev.labelmeter.store.JsonLinesWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spools received events to disk, one gzipped JSON-lines file per UTC day of their {@code date}
 * (and one for the events whose date does not parse), so that no more than a page is ever held
 * in memory. Safe for several threads.
 */
final class DaySpools implements AutoCloseable {
  /** Key of the spool of events whose date does not parse. */
  static final String UNDATED = "undated";

  private final Path dir;
  private final Map<String, Spool> spools = new ConcurrentHashMap<>();

  DaySpools(Path dir) {
    this.dir = dir;
  }

  /** Returns the directory of the spools, where other staging files may go too. */
  Path dir() {
    return dir;
  }

  /**
   * Appends the event {@code utf8[offset, offset + length)} to the spool of {@code day}, its UTC
   * day, or to the spool of undated events when empty.
   */
  void append(Optional<LocalDate> day, byte[] utf8, int offset, int length) throws IOException {
    String key = day.map(LocalDate::toString).orElse(UNDATED);
    try {
      spools.computeIfAbsent(key, this::openUnchecked).write(utf8, offset, length);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Closes every spool and returns the files by key: a day or {@link #UNDATED}, sorted. */
  Map<String, Path> finish() throws IOException {
    close();
    Map<String, Path> files = new TreeMap<>();
    spools.forEach((key, spool) -> files.put(key, spool.file));
    return files;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Spool spool : spools.values()) {
      try {
        spool.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private Spool openUnchecked(String key) {
    try {
      return new Spool(dir.resolve(key + ".jsonl.gz"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One spool file; its lines are in place once it is closed. */
  private static final class Spool {
    private final Path file;
    private final JsonLinesWriter writer;
    private boolean closed;

    Spool(Path file) throws IOException {
      this.file = file;
      this.writer = JsonLinesWriter.open(file);
    }

    synchronized void write(byte[] utf8, int offset, int length) throws IOException {
      writer.writeLine(utf8, offset, length);
    }

    synchronized void close() throws IOException {
      if (!closed) {
        closed = true;
        writer.commit();
      }
    }
  }
}
