package dev.labelmeter.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.EventDates;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small hand-made team store for tests: jobs, stats, members and events written with the store's
 * own writers, events in the partition of their UTC date (or an explicit one), in the order added.
 */
public final class TestStore {
  private final StoreLayout layout;
  private final long teamId;
  private Instant snapshotAt = Instant.parse("2026-11-30T02:00:00Z");
  private final List<ObjectNode> jobs = new ArrayList<>();
  private final List<ObjectNode> stats = new ArrayList<>();
  private final List<ObjectNode> members = new ArrayList<>();
  private final Map<LocalDate, List<String>> partitions = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<Long> failedJobIds = new ArrayList<>();
  private Boolean countMatched = true;

  public TestStore(Path dataDir, long teamId) {
    this.layout = StoreLayout.of(dataDir, teamId);
    this.teamId = teamId;
  }

  public StoreLayout layout() {
    return layout;
  }

  public TestStore snapshotAt(String instant) {
    this.snapshotAt = Instant.parse(instant);
    return this;
  }

  public TestStore warning(String text) {
    warnings.add(text);
    return this;
  }

  public TestStore failedJob(long id) {
    failedJobIds.add(id);
    return this;
  }

  public TestStore countMatched(Boolean matched) {
    this.countMatched = matched;
    return this;
  }

  public TestStore member(long id, String login) {
    ObjectNode m = StoreJson.MAPPER.createObjectNode();
    m.put("id", id).put("login", login).put("role", "annotator").put("disabled", false);
    members.add(m);
    return this;
  }

  /** Adds a job with one entity per review status given, image ids from {@code firstImage}. */
  public ObjectNode job(
      long id,
      String status,
      Long labelerId,
      int imagesCount,
      long firstImage,
      String... statuses) {
    ObjectNode job = StoreJson.MAPPER.createObjectNode();
    job.put("id", id).put("name", "Job " + id).put("teamId", teamId);
    job.put("projectId", 58).put("projectTitle", "project").put("datasetId", 54);
    job.put("datasetTitle", "dataset").put("createdBy", 4).put("managerLogin", "anna");
    if (labelerId == null) {
      job.putNull("userId").putNull("labelerLogin");
    } else {
      job.put("userId", labelerId).put("labelerLogin", "user" + labelerId);
    }
    job.put("reviewerId", 9).put("reviewerLogin", "rita");
    job.put("createdAt", "2026-10-01T00:00:00.000Z").put("status", status);
    job.put("disabled", false).put("imagesCount", imagesCount);
    ArrayNode entities = job.putArray("entities");
    long accepted = 0;
    long rejected = 0;
    for (int i = 0; i < statuses.length; i++) {
      ObjectNode e = entities.addObject();
      e.put("id", firstImage + i).put("name", "img" + (firstImage + i));
      e.put("reviewStatus", statuses[i]);
      accepted += statuses[i].equals("accepted") ? 1 : 0;
      rejected += statuses[i].equals("rejected") ? 1 : 0;
    }
    job.put("acceptedImagesCount", accepted).put("rejectedImagesCount", rejected);
    jobs.add(job);
    return job;
  }

  /** Adds {@code jobs.stats} of {@code jobId}; returns the stats object to fill. */
  public ObjectNode stats(long jobId, double annotationDuration) {
    ObjectNode line = StoreJson.MAPPER.createObjectNode();
    line.put("jobId", jobId);
    ObjectNode s = line.putObject("stats");
    ObjectNode job = s.putObject("job");
    job.put("id", jobId).put("annotationDuration", annotationDuration).put("editingDuration", 0);
    job.putArray("tagsStats");
    s.putArray("classes");
    s.putObject("images").put("total", 0).putArray("images");
    stats.add(line);
    return s;
  }

  /** Adds a class row to stats object {@code s}. */
  public static void statsClass(
      ObjectNode s, String name, String shape, long images, long labels, double total) {
    ObjectNode c = ((ArrayNode) s.get("classes")).addObject();
    c.put("id", name.hashCode()).put("name", name).put("color", "#000000").put("shape", shape);
    c.put("imagesCount", images).put("labelsCount", labels).put("totalDuration", total);
    if (labels == 0) {
      c.putNull("avgDuration");
    } else {
      c.put("avgDuration", (long) (total / labels));
    }
  }

  /** Returns a new event with the 18 fields in contract order, not yet added. */
  public static ObjectNode newEvent(
      Long userId, String action, String date, Long jobId, Long image) {
    ObjectNode e = StoreJson.MAPPER.createObjectNode();
    putLong(e, "userId", userId);
    e.put("action", action).put("date", date);
    if (userId == null) {
      e.putNull("user");
    } else {
      e.put("user", "user" + userId);
    }
    e.put("projectId", 58).put("project", "project").put("datasetId", 54).put("dataset", "dataset");
    putLong(e, "imageId", image);
    if (image == null) {
      e.putNull("image");
    } else {
      e.put("image", "img" + image);
    }
    e.putNull("classId").putNull("class").putNull("figureId");
    if (jobId == null) {
      e.putNull("job");
    } else {
      e.put("job", "Job " + jobId);
    }
    putLong(e, "jobId", jobId);
    e.putNull("tag").putNull("tagId");
    e.putObject("meta");
    return e;
  }

  private static void putLong(ObjectNode e, String field, Long value) {
    if (value == null) {
      e.putNull(field);
    } else {
      e.put(field, value);
    }
  }

  /** Adds {@code event} to the partition of its UTC date. */
  public TestStore add(JsonNode event) {
    Instant at = EventDates.parseStrict(event.path("date").asText()).orElse(null);
    LocalDate day = at == null ? snapshotAt.atOffset(ZoneOffset.UTC).toLocalDate() : utc(at);
    return addTo(day, event);
  }

  /** Adds {@code event} to the partition of {@code day}. */
  public TestStore addTo(LocalDate day, JsonNode event) {
    try {
      partitions
          .computeIfAbsent(day, d -> new ArrayList<>())
          .add(StoreJson.MAPPER.writeValueAsString(event));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  private static LocalDate utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  public TestStore event(long user, String action, String date, long job, Long image) {
    return add(newEvent(user, action, date, job, image));
  }

  public TestStore figure(long user, String date, long job) {
    return event(user, "create_figure", date, job, null);
  }

  public TestStore review(long user, String status, String date, long job, long image) {
    ObjectNode e = newEvent(user, "image_review_status_updated", date, job, image);
    ((ObjectNode) e.get("meta")).put("reviewStatus", status);
    return add(e);
  }

  public TestStore duration(long user, String date, long job, double seconds) {
    ObjectNode e = newEvent(user, "annotation_duration", date, job, null);
    ((ObjectNode) e.get("meta")).put("duration", seconds);
    return add(e);
  }

  /** Writes every file and then the manifest; returns the layout. */
  public StoreLayout write() throws IOException {
    writeLines(layout.jobs(), jobs);
    writeLines(layout.stats(), stats);
    writeLines(layout.members(), members);
    long events = 0;
    for (Map.Entry<LocalDate, List<String>> p : partitions.entrySet()) {
      try (JsonLinesWriter out = JsonLinesWriter.open(layout.activityDay(p.getKey()))) {
        for (String line : p.getValue()) {
          out.writeRaw(line);
        }
        out.commit();
      }
      events += p.getValue().size();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("jobs", (long) jobs.size());
    counts.put("stats", (long) stats.size());
    counts.put("members", (long) members.size());
    counts.put("events", events);
    new Manifest(
            Manifest.FORMAT_VERSION,
            teamId,
            snapshotAt,
            "http://127.0.0.1:1",
            Map.of(),
            counts,
            new Manifest.ActivityRange(
                snapshotAt.minusSeconds(35 * 86400L), snapshotAt, events, countMatched),
            warnings,
            failedJobIds,
            Map.of())
        .write(layout);
    return layout;
  }

  private static void writeLines(Path file, List<ObjectNode> values) throws IOException {
    try (JsonLinesWriter out = JsonLinesWriter.open(file)) {
      for (ObjectNode v : values) {
        out.write(v);
      }
      out.commit();
    }
  }
}
