package dev.labelmeter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {
  @TempDir Path dir;

  @Test
  void committedLinesAreReadBackInOrderWithUnknownFieldsKept() throws IOException {
    StoreLayout layout = StoreLayout.of(dir, 8);

    try (JsonLinesWriter out = JsonLinesWriter.open(layout.jobs())) {
      out.write(StoreJson.MAPPER.readTree("{\"id\":1,\"futureField\":{\"x\":[1,2]}}"));
      out.writeRaw("{\"id\":2}");
      out.commit();
    }

    List<JsonNode> read = new ArrayList<>();
    JsonLinesReader.forEachNode(layout.jobs(), read::add);
    assertThat(read).extracting(n -> n.get("id").asLong()).containsExactly(1L, 2L);
    assertThat(read.get(0).at("/futureField/x/1").asInt()).isEqualTo(2);
  }

  @Test
  void closingWithoutCommitKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
    StoreLayout layout = StoreLayout.of(dir, 8);
    try (JsonLinesWriter out = JsonLinesWriter.open(layout.members())) {
      out.writeRaw("{\"id\":7}");
      out.commit();
    }

    try (JsonLinesWriter out = JsonLinesWriter.open(layout.members())) {
      out.writeRaw("{\"id\":99}");
    }

    List<Long> ids = new ArrayList<>();
    JsonLinesReader.forEachNode(layout.members(), n -> ids.add(n.get("id").asLong()));
    assertThat(ids).containsExactly(7L);
    try (Stream<Path> files = Files.list(layout.teamDir())) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactly("members.jsonl.gz");
    }
  }

  @Test
  void activityDaysListsOnlyWellNamedPartitionsWithAFile() throws IOException {
    StoreLayout layout = StoreLayout.of(dir, 8);
    for (LocalDate day : List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 2))) {
      try (JsonLinesWriter out = JsonLinesWriter.open(layout.activityDay(day))) {
        out.commit();
      }
    }
    Files.createDirectories(layout.activityDir().resolve("day=not-a-date"));
    Files.createDirectories(layout.activityDir().resolve("day=2026-11-15"));

    assertThat(layout.activityDays())
        .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30));
  }

  @Test
  void aLineThatIsNotJsonIsReportedWithFileAndLineNumber() throws IOException {
    StoreLayout layout = StoreLayout.of(dir, 8);
    try (JsonLinesWriter out = JsonLinesWriter.open(layout.stats())) {
      out.writeRaw("{\"jobId\":1}");
      out.writeRaw("{broken");
      out.commit();
    }

    assertThatThrownBy(() -> JsonLinesReader.forEachNode(layout.stats(), n -> {}))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageContaining("stats.jsonl.gz line 2 is not valid JSON");
  }

  @Test
  void manifestRoundTripsAndAMissingManifestIsEmpty() throws IOException {
    StoreLayout layout = StoreLayout.of(dir, 8);
    assertThat(Manifest.read(layout)).isEmpty();

    Manifest manifest =
        new Manifest(
            Manifest.FORMAT_VERSION,
            8,
            java.time.Instant.parse("2026-12-01T02:00:00Z"),
            "http://127.0.0.1:8000",
            java.util.Map.of("jobs.jsonl.gz", new Manifest.FileEntry(3, 120)),
            java.util.Map.of("jobs", 3L),
            new Manifest.ActivityRange(
                java.time.Instant.parse("2026-10-27T02:00:00Z"),
                java.time.Instant.parse("2026-12-01T02:00:00Z"),
                10L,
                true),
            List.of(),
            List.of(5L),
            java.util.Map.of());
    manifest.write(layout);

    assertThat(Manifest.read(layout)).contains(manifest);
  }
}
