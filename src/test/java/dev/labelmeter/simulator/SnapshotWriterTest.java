package dev.labelmeter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterTest {
  private static final Instant NOW = Instant.parse("2026-03-18T09:30:00Z");

  @TempDir Path dataDir;

  @Test
  void aWrittenSnapshotHoldsExactlyTheGeneratedTeam() throws IOException {
    SyntheticTeam team = TeamGenerator.generate(TeamSize.MEDIUM, 7, NOW);

    Manifest manifest = SnapshotWriter.write(TeamSize.MEDIUM, 7, NOW, dataDir);

    StoreLayout layout = StoreLayout.of(dataDir, team.teamId());
    assertThat(Manifest.read(layout)).contains(manifest);
    assertThat(read(layout.jobs())).isEqualTo(team.jobs());
    Map<Long, ObjectNode> stats = new TreeMap<>();
    for (JsonNode line : read(layout.stats())) {
      stats.put(line.get("jobId").asLong(), (ObjectNode) line.get("stats"));
    }
    assertThat(stats).isEqualTo(new TreeMap<>(team.stats()));
    assertThat(read(layout.members())).isEqualTo(team.members());
    assertThat(allEvents(layout)).isEqualTo(team.events());
    assertThat(manifest.count("events")).isEqualTo(team.eventCount());
    assertThat(manifest.count("jobs")).isEqualTo(team.jobCount());
    assertThat(manifest.snapshotAt()).isEqualTo(NOW);
    assertThat(manifest.files()).containsKey("jobs.jsonl.gz");
  }

  @Test
  void eachDayFileHoldsTheEventsOfThatUtcDateOnly() throws IOException {
    SnapshotWriter.write(TeamSize.SMALL, 7, NOW, dataDir);
    StoreLayout layout =
        StoreLayout.of(dataDir, TeamGenerator.generate(TeamSize.SMALL, 7, NOW).teamId());

    for (LocalDate day : layout.activityDays()) {
      for (JsonNode e : read(layout.activityDay(day))) {
        assertThat(Instant.parse(e.get("date").asText()).atZone(ZoneOffset.UTC).toLocalDate())
            .isEqualTo(day);
      }
    }
    try (var files = Files.list(layout.teamDir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "manifest.json", "jobs.jsonl.gz", "stats.jsonl.gz", "members.jsonl.gz", "activity");
    }
  }

  private static List<JsonNode> allEvents(StoreLayout layout) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (LocalDate day : layout.activityDays()) {
      events.addAll(read(layout.activityDay(day)));
    }
    return events;
  }

  private static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    JsonLinesReader.forEachNode(file, out::add);
    return out;
  }
}
