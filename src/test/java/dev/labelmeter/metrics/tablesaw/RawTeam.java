package dev.labelmeter.metrics.tablesaw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labelmeter.store.StoreLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A simulator store read back with plain Jackson and none of the engine's code: the independent
 * side of the property tests on generated teams. The simulator writes well-formed data only
 * (integer ids, UTC dates with milliseconds, no duplicates), so no cleaning is needed here.
 */
record RawTeam(List<Event> events, Map<Long, Job> jobs, long linesRead) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One line of an activity partition; {@code order} is its position in the received order. */
  record Event(
      long order,
      long micros,
      Long userId,
      String action,
      String reviewStatus,
      Double duration,
      Long jobId,
      Long imageId) {

    boolean isWork() {
      return jobId != null;
    }

    boolean isReview(String status) {
      return "image_review_status_updated".equals(action) && status.equals(reviewStatus);
    }

    boolean in(long fromMicros, long toMicros) {
      return micros >= fromMicros && micros < toMicros;
    }
  }

  /** A job of {@code jobs.jsonl.gz} with its entities counted by review status. */
  record Job(
      long id,
      Long labelerId,
      String status,
      long imagesCount,
      Map<String, Long> entitiesByStatus,
      Double statsAnnotationSeconds) {

    long entities(String status) {
      return entitiesByStatus.getOrDefault(status, 0L);
    }
  }

  /** Returns the store at {@code layout}, read line by line. */
  static RawTeam read(StoreLayout layout) throws IOException {
    Map<Long, Double> statsSeconds = new HashMap<>();
    for (JsonNode line : lines(layout.stats())) {
      JsonNode duration = line.path("stats").path("job").path("annotationDuration");
      statsSeconds.put(
          line.get("jobId").asLong(), duration.isNumber() ? duration.asDouble() : null);
    }
    Map<Long, Job> jobs = new HashMap<>();
    for (JsonNode job : lines(layout.jobs())) {
      long id = job.get("id").asLong();
      jobs.put(id, job(id, job, statsSeconds.get(id)));
    }
    List<Event> events = new ArrayList<>();
    for (Path partition : partitions(layout)) {
      for (JsonNode e : lines(partition)) {
        events.add(event(events.size(), e));
      }
    }
    long lines = events.size();
    events.sort(Comparator.comparingLong(Event::micros).thenComparingLong(Event::order));
    return new RawTeam(List.copyOf(events), Map.copyOf(jobs), lines);
  }

  /** Returns the epoch microseconds of the start of {@code date} in {@code zone}. */
  static long micros(java.time.LocalDate date, ZoneId zone) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, date.atStartOfDay(zone).toInstant());
  }

  private static Job job(long id, JsonNode job, Double statsSeconds) {
    Map<String, Long> byStatus = new HashMap<>();
    for (JsonNode entity : job.path("entities")) {
      byStatus.merge(entity.path("reviewStatus").asText(), 1L, Long::sum);
    }
    JsonNode labeler = job.get("userId");
    return new Job(
        id,
        labeler == null || labeler.isNull() ? null : labeler.asLong(),
        job.path("status").asText(),
        job.path("imagesCount").asLong(),
        byStatus,
        statsSeconds);
  }

  private static Event event(long order, JsonNode e) {
    JsonNode meta = e.path("meta");
    Instant at = Instant.parse(e.get("date").asText());
    return new Event(
        order,
        ChronoUnit.MICROS.between(Instant.EPOCH, at),
        longOrNull(e.get("userId")),
        e.path("action").asText(null),
        meta.path("reviewStatus").asText(null),
        meta.path("duration").isNumber() ? meta.path("duration").asDouble() : null,
        longOrNull(e.get("jobId")),
        longOrNull(e.get("imageId")));
  }

  private static Long longOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asLong();
  }

  private static List<Path> partitions(StoreLayout layout) throws IOException {
    try (Stream<Path> days = Files.list(layout.teamDir().resolve("activity"))) {
      return days.sorted().map(day -> day.resolve("events.jsonl.gz")).toList();
    }
  }

  private static List<JsonNode> lines(Path gzipped) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzipped)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
    }
    return nodes;
  }
}
