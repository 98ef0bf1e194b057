package dev.labelmeter.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.JsonLinesWriter;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a seeded random team store: users who label and review each other's jobs in sessions
 * with gaps around the idle threshold, plus duplicates, unparseable dates, events without a job
 * and events of unknown jobs. Partitions are written as the days go by, so a large store never
 * sits in memory. The same seed gives the same store.
 */
public final class RandomStore {
  private static final String[] STATUSES = {
    "pending", "in_progress", "on_review", "completed", "stopped", "review_completed"
  };
  private static final String[] REVIEW = {"none", "done", "accepted", "rejected"};

  /**
   * What to generate.
   *
   * @param seed random seed
   * @param users number of users (each labels some jobs and reviews others)
   * @param jobs number of jobs
   * @param imagesPerJob images per job
   * @param days days of activity before the snapshot
   * @param eventsPerUserDay mean events of an active user on a day
   */
  public record Spec(
      long seed, int users, int jobs, int imagesPerJob, int days, int eventsPerUserDay) {

    /** Returns a small team for property tests: a few thousand events. */
    public static Spec small(long seed) {
      return new Spec(seed, 5, 8, 12, 12, 60);
    }
  }

  private final Spec spec;
  private final Random random;
  private final StoreLayout layout;
  private final Instant snapshotAt;
  private final TreeMap<LocalDate, List<String>> pending = new TreeMap<>();
  private long eventsWritten;

  private RandomStore(Path dataDir, long teamId, Spec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
    this.layout = StoreLayout.of(dataDir, teamId);
    this.snapshotAt = Instant.parse("2026-11-30T02:00:00Z");
  }

  /** Writes a store for {@code spec} under {@code dataDir}; returns its layout. */
  public static StoreLayout write(Path dataDir, long teamId, Spec spec) throws IOException {
    RandomStore store = new RandomStore(dataDir, teamId, spec);
    store.writeAll(teamId);
    return store.layout;
  }

  /** Returns the snapshot instant of every generated store. */
  public static Instant snapshotAt() {
    return Instant.parse("2026-11-30T02:00:00Z");
  }

  private void writeAll(long teamId) throws IOException {
    writeJobsAndStats();
    writeMembers();
    LocalDate first = snapshotAt.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(spec.days());
    for (int d = 0; d < spec.days(); d++) {
      LocalDate day = first.plusDays(d);
      for (int user = 1; user <= spec.users(); user++) {
        if (random.nextDouble() < 0.8) {
          userDay(user, day);
        }
      }
      flushBefore(day);
    }
    flushBefore(LocalDate.MAX);
    writeManifest(teamId);
  }

  private long labelerOf(int job) {
    return 1 + (job % spec.users());
  }

  private long reviewerOf(int job) {
    return 1 + ((job + 1) % spec.users());
  }

  private long image(int job, int k) {
    return job * 100_000L + k;
  }

  private void writeJobsAndStats() throws IOException {
    try (JsonLinesWriter jobs = JsonLinesWriter.open(layout.jobs());
        JsonLinesWriter stats = JsonLinesWriter.open(layout.stats())) {
      for (int j = 1; j <= spec.jobs(); j++) {
        jobs.write(job(j));
        stats.write(stats(j));
      }
      jobs.commit();
      stats.commit();
    }
  }

  private ObjectNode job(int j) {
    ObjectNode job = StoreJson.MAPPER.createObjectNode();
    job.put("id", j).put("name", "Job " + j).put("userId", labelerOf(j));
    job.put("labelerLogin", "user" + labelerOf(j)).put("reviewerId", reviewerOf(j));
    job.put("reviewerLogin", "user" + reviewerOf(j)).put("createdBy", 1000);
    job.put("createdAt", snapshotAt.minusSeconds(86400L * (spec.days() + 1)).toString());
    job.put("status", STATUSES[random.nextInt(STATUSES.length)]).put("disabled", false);
    job.put("imagesCount", spec.imagesPerJob());
    ArrayNode entities = job.putArray("entities");
    long accepted = 0;
    for (int k = 0; k < spec.imagesPerJob(); k++) {
      String status = REVIEW[random.nextInt(REVIEW.length)];
      entities.addObject().put("id", image(j, k)).put("name", "img").put("reviewStatus", status);
      accepted += status.equals("accepted") ? 1 : 0;
    }
    job.put("acceptedImagesCount", accepted + (random.nextInt(10) == 0 ? 1 : 0));
    return job;
  }

  private ObjectNode stats(int j) {
    ObjectNode line = StoreJson.MAPPER.createObjectNode().put("jobId", j);
    ObjectNode s = line.putObject("stats");
    s.putObject("job").put("annotationDuration", random.nextInt(20_000)).putArray("tagsStats");
    ArrayNode classes = s.putArray("classes");
    for (String name : List.of("car", "person", "tree")) {
      if (random.nextBoolean()) {
        int labels = random.nextInt(40);
        classes
            .addObject()
            .put("name", name)
            .put("shape", "polygon")
            .put("imagesCount", random.nextInt(spec.imagesPerJob() + 1))
            .put("labelsCount", labels)
            .put("totalDuration", labels * random.nextInt(30));
      }
    }
    return line;
  }

  private void writeMembers() throws IOException {
    try (JsonLinesWriter members = JsonLinesWriter.open(layout.members())) {
      for (int u = 1; u < spec.users(); u++) { // the last user is known only from events
        members.write(StoreJson.MAPPER.createObjectNode().put("id", u).put("login", "m" + u));
      }
      members.commit();
    }
  }

  private void userDay(int user, LocalDate day) {
    long t = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000 + random.nextInt(86_400_000);
    int n = 1 + random.nextInt(2 * spec.eventsPerUserDay());
    for (int i = 0; i < n; i++) {
      t += gapMillis();
      emit(user, t);
    }
  }

  private long gapMillis() {
    double p = random.nextDouble();
    if (p < 0.6) {
      return random.nextInt(200_000);
    } else if (p < 0.7) {
      return 300_000; // exactly the default threshold
    } else if (p < 0.9) {
      return 200_000 + random.nextInt(200_000);
    }
    return 600_000 + random.nextInt(7_200_000);
  }

  private void emit(int user, long millis) {
    Instant at = Instant.ofEpochMilli(millis);
    int job = jobFor(user);
    ObjectNode e = TestStore.newEvent((long) user, "create_figure", date(at), (long) job, null);
    ObjectNode meta = (ObjectNode) e.get("meta");
    double p = random.nextDouble();
    if (p < 0.35) {
      e.put("action", "create_figure");
    } else if (p < 0.5) {
      e.put("action", "update_figure");
    } else if (p < 0.6) {
      e.put("action", "annotation_duration");
      meta.put("duration", random.nextBoolean() ? random.nextInt(60) : 1.5);
    } else if (p < 0.75) {
      e.put("action", "image_review_status_updated").put("imageId", anyImage(job));
      meta.put("reviewStatus", "done");
    } else if (p < 0.9) {
      int reviewed = jobReviewedBy(user);
      e.put("jobId", reviewed).put("job", "Job " + reviewed);
      e.put("action", "image_review_status_updated").put("imageId", anyImage(reviewed));
      meta.put("reviewStatus", random.nextInt(3) == 0 ? "rejected" : "accepted");
    } else {
      oddEvent(e);
    }
    place(at, e);
    if (random.nextInt(100) == 0) {
      place(at, e); // a duplicate, as an overlapping pull page would give
    }
  }

  private void oddEvent(ObjectNode e) {
    double p = random.nextDouble();
    if (p < 0.3) {
      e.putNull("jobId").putNull("job").put("action", "login");
    } else if (p < 0.5) {
      e.put("jobId", 999_999).put("action", "create_figure");
    } else if (p < 0.6) {
      e.put("date", "2026-11-31 25:00");
    } else if (p < 0.7) {
      e.put("action", "teleport_image");
    } else {
      e.put("action", "update_figure").put("meta", (String) null);
      e.putObject("meta").put("b", new BigDecimal("5.0")).put("a", 5);
    }
  }

  private String date(Instant at) {
    return random.nextInt(20) == 0 ? at.atOffset(ZoneOffset.ofHours(2)).toString() : at.toString();
  }

  private int jobFor(int user) {
    List<Integer> own = new ArrayList<>();
    for (int j = 1; j <= spec.jobs(); j++) {
      if (labelerOf(j) == user) {
        own.add(j);
      }
    }
    return own.isEmpty() ? 1 + random.nextInt(spec.jobs()) : own.get(random.nextInt(own.size()));
  }

  private int jobReviewedBy(int user) {
    for (int j = 1; j <= spec.jobs(); j++) {
      if (reviewerOf(j) == user && random.nextBoolean()) {
        return j;
      }
    }
    return 1 + random.nextInt(spec.jobs());
  }

  private long anyImage(int job) {
    return image(job, random.nextInt(spec.imagesPerJob()));
  }

  private void place(Instant at, ObjectNode e) {
    LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
    try {
      pending
          .computeIfAbsent(day, d -> new ArrayList<>())
          .add(StoreJson.MAPPER.writeValueAsString(e));
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Writes every buffered partition of a day before {@code day} - 1 (sessions may spill over). */
  private void flushBefore(LocalDate day) {
    while (!pending.isEmpty() && pending.firstKey().isBefore(day.minusDays(1))) {
      Map.Entry<LocalDate, List<String>> p = pending.pollFirstEntry();
      try (JsonLinesWriter out = JsonLinesWriter.open(layout.activityDay(p.getKey()))) {
        for (String line : p.getValue()) {
          out.writeRaw(line);
        }
        out.commit();
        eventsWritten += p.getValue().size();
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
    }
  }

  private void writeManifest(long teamId) throws IOException {
    new Manifest(
            Manifest.FORMAT_VERSION,
            teamId,
            snapshotAt,
            "http://127.0.0.1:1",
            Map.of(),
            Map.of("jobs", (long) spec.jobs(), "events", eventsWritten),
            new Manifest.ActivityRange(
                snapshotAt.minusSeconds(86400L * spec.days()), snapshotAt, eventsWritten, true),
            List.of(),
            List.of(),
            Map.of())
        .write(layout);
  }
}
