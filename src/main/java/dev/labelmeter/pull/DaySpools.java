package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.StoreJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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

  /** Appends {@code event} to the spool of its day. */
  void append(JsonNode event) throws IOException {
    Optional<LocalDate> day = EventDates.utcDay(event);
    String key = day.map(LocalDate::toString).orElse(UNDATED);
    String line = StoreJson.MAPPER.writeValueAsString(event);
    try {
      spools.computeIfAbsent(key, this::openUnchecked).write(line);
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

  private static final class Spool {
    private final Path file;
    private final Writer writer;
    private boolean closed;

    Spool(Path file) throws IOException {
      this.file = file;
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.writer = new OutputStreamWriter(new FastGzip(out), StandardCharsets.UTF_8);
    }

    synchronized void write(String line) throws IOException {
      writer.write(line);
      writer.write('\n');
    }

    synchronized void close() throws IOException {
      if (!closed) {
        closed = true;
        writer.close();
      }
    }
  }

  /** Gzip at the fastest level: spools are read once, soon after. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
