package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one JSON value per line into a gzipped file, atomically: the lines go to a temporary file
 * that {@link #commit()} moves into place. Closing without a commit discards them and leaves the
 * target as it was.
 *
 * <pre>{@code
 * try (JsonLinesWriter out = JsonLinesWriter.open(layout.jobs())) {
 *   for (JsonNode job : jobs) out.write(job);
 *   out.commit();
 * }
 * }</pre>
 */
public final class JsonLinesWriter implements Closeable {
  /** The gzip level of the store's files; see docs/benchmarks.md for the measured trade-off. */
  static final int COMPRESSION_LEVEL = Deflater.BEST_SPEED;

  private final Path target;
  private final Path temp;
  private final OutputStream writer;
  private long lines;
  private boolean done;

  private JsonLinesWriter(Path target, Path temp, OutputStream writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /** Opens a writer whose lines will replace {@code target} on commit. */
  public static JsonLinesWriter open(Path target) throws IOException {
    Path temp = AtomicFiles.newTempSibling(target);
    try {
      OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
      return new JsonLinesWriter(target, temp, new BufferedOutputStream(new Gzip(file), 1 << 16));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Writes {@code value} as one line of compact JSON. */
  public void write(JsonNode value) throws IOException {
    writeRaw(StoreJson.MAPPER.writeValueAsString(value));
  }

  /** Writes any value that Jackson can serialize as one line of compact JSON. */
  public void writeValue(Object value) throws IOException {
    writeRaw(StoreJson.MAPPER.writeValueAsString(value));
  }

  /**
   * Writes a line that is already one JSON value. The caller guarantees it holds no line break
   * (compact JSON never does).
   */
  public void writeRaw(String jsonLine) throws IOException {
    writer.write(jsonLine.getBytes(StandardCharsets.UTF_8));
    writer.write('\n');
    lines++;
  }

  /**
   * Writes the UTF-8 text of one JSON value, {@code utf8[offset, offset + length)}, as a line,
   * with any line break in it (whitespace of pretty-printed JSON: a string cannot hold a raw one)
   * written as a space.
   */
  public void writeLine(byte[] utf8, int offset, int length) throws IOException {
    int from = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (utf8[i] == '\n' || utf8[i] == '\r') {
        writer.write(utf8, from, i - from);
        writer.write(' ');
        from = i + 1;
      }
    }
    writer.write(utf8, from, end - from);
    writer.write('\n');
    lines++;
  }

  /** Returns the number of lines written so far. */
  public long lines() {
    return lines;
  }

  /** Returns the file that a commit replaces. */
  public Path target() {
    return target;
  }

  /**
   * Gzip at a fast level: the store's files are written every night and read a few times, so
   * compression time matters more than the last tenth of their size.
   */
  private static final class Gzip extends GZIPOutputStream {
    Gzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(COMPRESSION_LEVEL);
    }
  }

  /** Finishes the file and moves it into place. */
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException("already committed or closed: " + target);
    }
    done = true;
    try {
      writer.close();
      AtomicFiles.moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Discards the lines unless {@link #commit()} was called. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
