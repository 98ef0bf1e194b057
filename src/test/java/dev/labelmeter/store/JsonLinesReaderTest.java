package dev.labelmeter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
  @TempDir Path dir;

  @Test
  void aFileThatIsNotGzipIsAFormatFailureNamingTheFile() throws IOException {
    Path file = dir.resolve("events.jsonl.gz");
    Files.writeString(file, "{\"a\":1}\n");

    assertThatThrownBy(() -> JsonLinesReader.forEachLine(file, (line, number) -> {}))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage(
            file.toAbsolutePath() + " is damaged: it is not valid gzip data (Not in GZIP format)")
        .satisfies(e -> assertThat(((StoreFormatException) e).file()).contains(file));
  }

  @Test
  void aTruncatedFileIsAFormatFailureSayingSoAfterTheLinesBeforeTheCut() throws IOException {
    Path whole = dir.resolve("whole.jsonl.gz");
    try (JsonLinesWriter out = JsonLinesWriter.open(whole)) {
      for (int i = 0; i < 2000; i++) {
        out.writeRaw("{\"line\":" + i + ",\"text\":\"" + "x".repeat(i % 50) + i * 7919 + "\"}");
      }
      out.commit();
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path file = dir.resolve("events.jsonl.gz");
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    List<String> lines = new ArrayList<>();

    assertThatThrownBy(() -> JsonLinesReader.forEachLine(file, (line, number) -> lines.add(line)))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage(
            file.toAbsolutePath()
                + " is damaged: its gzip data ends early (the file is truncated)");
  }

  @Test
  void anEmptyFileIsATruncatedOne() throws IOException {
    Path file = Files.createFile(dir.resolve("jobs.jsonl.gz"));

    assertThatThrownBy(() -> JsonLinesReader.forEachNode(file, node -> {}))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining(file.toAbsolutePath() + " is damaged");
  }
}
