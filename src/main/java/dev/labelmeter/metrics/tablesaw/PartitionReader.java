package dev.labelmeter.metrics.tablesaw;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.metrics.EventCanonicalForm;
import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.StoreFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Streams the events of activity partitions, duplicates removed. Duplicates are equal in all 18
 * fields, {@code date} included, so they share a partition: only one partition's canonical texts
 * are held at a time.
 */
final class PartitionReader {
  private long received;
  private long duplicates;

  /** Receives one event that is not a duplicate, with its 1-based line number in the file. */
  @FunctionalInterface
  interface EventHandler {
    void accept(JsonNode event, long lineNumber) throws IOException;
  }

  /** Calls {@code handler} for each first occurrence of an event in {@code file}, in file order. */
  void read(Path file, EventHandler handler) throws IOException {
    Set<String> seen = new HashSet<>();
    JsonLinesReader.forEachLine(
        file,
        (line, number) -> {
          received++;
          JsonNode event = parse(file, line, number);
          if (!seen.add(EventCanonicalForm.ofEvent(event))) {
            duplicates++;
            return;
          }
          handler.accept(event, number);
        });
  }

  long received() {
    return received;
  }

  long duplicates() {
    return duplicates;
  }

  private static JsonNode parse(Path file, String line, long number) throws StoreFormatException {
    try {
      return EventCanonicalForm.EXACT_READER.readTree(line);
    } catch (JacksonException e) {
      throw new StoreFormatException(
          file,
          file.toAbsolutePath().normalize()
              + " line "
              + number
              + " is not valid JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
  }
}
