package dev.labelmeter.metrics.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.JsonLinesWriter;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes small hand-made team stores for tests, in the layout of {@code docs/data-layout.md}. */
final class TestStore {
  private final StoreLayout layout;
  private final List<String> jobs = new ArrayList<>();
  private final List<String> stats = new ArrayList<>();
  private final List<String> members = new ArrayList<>();
  private final Map<LocalDate, List<String>> events = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();

  TestStore(Path dataDir, long teamId) {
    this.layout = StoreLayout.of(dataDir, teamId);
  }

  StoreLayout layout() {
    return layout;
  }

  /** Adds a job; {@code entities} alternate image id and review status. */
  TestStore job(
      long id,
      String name,
      long labelerId,
      String labeler,
      long reviewerId,
      String status,
      String createdAt,
      Object... entities) {
    ObjectNode job = StoreJson.MAPPER.createObjectNode();
    job.put("id", id).put("name", name).put("teamId", 1).put("projectId", 10);
    job.put("projectTitle", "Project").put("datasetId", 20).put("datasetTitle", "Dataset");
    job.put("userId", labelerId).put("labelerLogin", labeler).put("reviewerId", reviewerId);
    job.put("reviewerLogin", "rev" + reviewerId).put("status", status).put("disabled", false);
    job.put("createdAt", createdAt).put("imagesCount", entities.length / 2);
    ArrayNode list = job.putArray("entities");
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < entities.length; i += 2) {
      String review = (String) entities[i + 1];
      list.addObject()
          .put("id", ((Number) entities[i]).longValue())
          .put("name", "img")
          .put("reviewStatus", review);
      accepted += review.equals("accepted") ? 1 : 0;
      rejected += review.equals("rejected") ? 1 : 0;
    }
    job.put("acceptedImagesCount", accepted).put("rejectedImagesCount", rejected);
    job.putObject("meta").putArray("classes");
    jobs.add(job.toString());
    return this;
  }

  /** Adds a raw jobs line. */
  TestStore jobJson(String json) {
    jobs.add(json);
    return this;
  }

  /** Adds the stats of a job with one class per (name, shape, labels, images, seconds). */
  TestStore stats(long jobId, double annotationDuration, Object... classes) {
    ObjectNode line = StoreJson.MAPPER.createObjectNode().put("jobId", jobId);
    ObjectNode s = line.putObject("stats");
    s.putObject("job").put("id", jobId).put("annotationDuration", annotationDuration);
    ArrayNode list = s.putArray("classes");
    for (int i = 0; i < classes.length; i += 5) {
      list.addObject()
          .put("name", (String) classes[i])
          .put("shape", (String) classes[i + 1])
          .put("labelsCount", ((Number) classes[i + 2]).longValue())
          .put("imagesCount", ((Number) classes[i + 3]).longValue())
          .put("totalDuration", ((Number) classes[i + 4]).doubleValue());
    }
    stats.add(line.toString());
    return this;
  }

  TestStore member(long id, String login) {
    members.add("{\"id\":" + id + ",\"login\":\"" + login + "\",\"role\":\"annotator\"}");
    return this;
  }

  /** Adds an event to the partition of its UTC date; {@code meta} is JSON text. */
  TestStore event(
      long userId, String user, String action, String date, Long jobId, Long imageId, String meta) {
    LocalDate day = Instant.parse(date).atZone(ZoneOffset.UTC).toLocalDate();
    return eventIn(day, userId, user, action, date, jobId, imageId, meta);
  }

  /** Adds an event to the partition of {@code day}, whatever its date. */
  TestStore eventIn(
      LocalDate day,
      long userId,
      String user,
      String action,
      String date,
      Long jobId,
      Long imageId,
      String meta) {
    String line =
        ("{\"userId\":%d,\"action\":\"%s\",\"date\":\"%s\",\"user\":\"%s\","
                + "\"projectId\":10,\"project\":\"Project\",\"datasetId\":20,"
                + "\"dataset\":\"Dataset\",\"imageId\":%s,\"image\":%s,\"classId\":null,"
                + "\"class\":null,\"figureId\":null,\"job\":%s,\"jobId\":%s,\"tag\":null,"
                + "\"tagId\":null,\"meta\":%s}")
            .formatted(
                userId,
                action,
                date,
                user,
                imageId,
                imageId == null ? "null" : "\"img" + imageId + "\"",
                jobId == null ? "null" : "\"job" + jobId + "\"",
                jobId,
                meta);
    return raw(day, line);
  }

  /** Adds a raw line to the partition of {@code day}. */
  TestStore raw(LocalDate day, String line) {
    events.computeIfAbsent(day, d -> new ArrayList<>()).add(line);
    return this;
  }

  TestStore warning(String text) {
    warnings.add(text);
    return this;
  }

  /** Writes every file and the manifest with {@code snapshotAt}; returns the layout. */
  StoreLayout write(String snapshotAt) throws IOException {
    writeLines(layout.jobs(), jobs);
    writeLines(layout.stats(), stats);
    writeLines(layout.members(), members);
    long count = 0;
    for (Map.Entry<LocalDate, List<String>> day : events.entrySet()) {
      writeLines(layout.activityDay(day.getKey()), day.getValue());
      count += day.getValue().size();
    }
    Instant snapshot = Instant.parse(snapshotAt);
    new Manifest(
            Manifest.FORMAT_VERSION,
            Long.parseLong(layout.teamDir().getFileName().toString()),
            snapshot,
            "http://localhost",
            Map.of(),
            Map.of("jobs", (long) jobs.size(), "events", count),
            new Manifest.ActivityRange(
                Instant.parse("2020-01-01T00:00:00Z"), snapshot, count, true),
            warnings,
            List.of(),
            Map.of())
        .write(layout);
    return layout;
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    try (JsonLinesWriter out = JsonLinesWriter.open(file)) {
      for (String line : lines) {
        out.writeRaw(line);
      }
      out.commit();
    }
  }
}
