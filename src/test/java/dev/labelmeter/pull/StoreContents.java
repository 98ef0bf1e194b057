package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.CanonicalJson;
import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a team's store back the way an engine would, for assertions. */
record StoreContents(
    Manifest manifest,
    List<JsonNode> jobs,
    List<JsonNode> stats,
    List<JsonNode> members,
    Map<LocalDate, List<JsonNode>> days,
    List<JsonNode> undated) {

  static StoreContents read(StoreLayout layout) throws IOException {
    Manifest manifest = Manifest.read(layout).orElseThrow(() -> new AssertionError("no manifest"));
    Map<LocalDate, List<JsonNode>> days = new TreeMap<>();
    for (LocalDate day : layout.activityDays()) {
      days.put(day, nodes(layout.activityDay(day)));
    }
    return new StoreContents(
        manifest,
        nodes(layout.jobs()),
        nodes(layout.stats()),
        nodes(layout.members()),
        days,
        Files.exists(layout.activityUndated()) ? nodes(layout.activityUndated()) : List.of());
  }

  static List<JsonNode> nodes(java.nio.file.Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    JsonLinesReader.forEachNode(file, nodes::add);
    return nodes;
  }

  /** Returns every event of the day partitions, in partition order. */
  List<JsonNode> dayEvents() {
    List<JsonNode> all = new ArrayList<>();
    days.values().forEach(all::addAll);
    return all;
  }

  /** Returns the canonical text of every dated event, to compare as multisets. */
  List<String> canonicalDayEvents() {
    return dayEvents().stream().map(CanonicalJson::canonical).toList();
  }

  List<Long> jobIds() {
    return jobs.stream().map(j -> j.path("id").asLong()).toList();
  }

  List<Long> statsJobIds() {
    return stats.stream().map(s -> s.path("jobId").asLong()).toList();
  }
}
