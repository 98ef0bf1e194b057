package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private long lines;
  private boolean done;

  private JsonLinesWriter(Path target, Path temp, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /** Opens a writer whose lines will replace {@code target} on commit. */
  public static JsonLinesWriter open(Path target) throws IOException {
    Path temp = AtomicFiles.newTempSibling(target);
    try {
      OutputStream out =
          new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
      return new JsonLinesWriter(target, temp, new OutputStreamWriter(out, StandardCharsets.UTF_8));
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
    writer.write(jsonLine);
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
