package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Streams the lines of a gzipped JSON-lines file without loading the file into memory. */
public final class JsonLinesReader {

  /** Receives one line, with its 1-based line number. */
  @FunctionalInterface
  public interface LineHandler {
    void accept(String line, long lineNumber) throws IOException;
  }

  /** Receives one parsed JSON value. */
  @FunctionalInterface
  public interface NodeHandler {
    void accept(JsonNode node) throws IOException;
  }

  private JsonLinesReader() {}

  /** Calls {@code handler} for each non-blank line of {@code file}; a missing file has no lines. */
  public static void forEachLine(Path file, LineHandler handler) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      long number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (!line.isBlank()) {
          handler.accept(line, number);
        }
      }
    }
  }

  /**
   * Calls {@code handler} with each line parsed as JSON.
   *
   * @throws StoreFormatException if a line is not valid JSON, naming the file and line
   */
  public static void forEachNode(Path file, NodeHandler handler) throws IOException {
    forEachLine(
        file,
        (line, number) -> {
          JsonNode node;
          try {
            node = StoreJson.MAPPER.readTree(line);
          } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new StoreFormatException(
                file + " line " + number + " is not valid JSON (" + e.getOriginalMessage() + ")",
                e);
          }
          handler.accept(node);
        });
  }
}
