package dev.labelmeter.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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

  /**
   * Calls {@code handler} for each non-blank line of {@code file}; a missing file has no lines.
   *
   * @throws StoreFormatException if the file is not gzip data or its gzip data ends early, naming
   *     the file
   */
  public static void forEachLine(Path file, LineHandler handler) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (InputStream in = open(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      long number = 0;
      for (String line = readLine(reader, file); line != null; line = readLine(reader, file)) {
        number++;
        if (!line.isBlank()) {
          handler.accept(line, number);
        }
      }
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw damaged(file, e);
    }
  }

  private static String readLine(BufferedReader reader, Path file) throws IOException {
    try {
      return reader.readLine();
    } catch (ZipException | EOFException e) {
      throw damaged(file, e);
    }
  }

  /**
   * Returns the failure of a file whose gzip data is not gzip, corrupt or cut short: {@code e},
   * the failure to decompress it, says which.
   */
  public static StoreFormatException damaged(Path file, IOException e) {
    String what =
        isEmpty(file)
            ? "it is empty (0 bytes, where even a file of no lines has a gzip header)"
            : e instanceof EOFException
                ? "its gzip data ends early (the file is truncated)"
                : "it is not valid gzip data (" + e.getMessage() + ")";
    return new StoreFormatException(
        file, file.toAbsolutePath().normalize() + " is damaged: " + what, e);
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return false;
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
                file,
                file + " line " + number + " is not valid JSON (" + e.getOriginalMessage() + ")",
                e);
          }
          handler.accept(node);
        });
  }
}
