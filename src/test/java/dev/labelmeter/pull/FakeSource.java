package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory team behind the {@link PullSource} port, for tests of the pull's own logic (the
 * tests against the simulator go through the real client and HTTP). Pages like the server: a
 * fixed page size, {@code total} with every page.
 */
final class FakeSource implements PullSource {
  final long teamId;
  final List<ObjectNode> jobs = new CopyOnWriteArrayList<>();
  final List<ObjectNode> events = new CopyOnWriteArrayList<>();
  final List<ObjectNode> members = new CopyOnWriteArrayList<>();
  final Set<Long> failingJobs = ConcurrentHashMap.newKeySet();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  int pageSize = 3;
  long extraTotal;
  int failAfterActivityPages = -1;
  SourceException teamFailure;
  boolean countsFail;
  String address = "http://fake.invalid";

  /** Every call but teams.info fails as a server that stopped answering would, after retries. */
  volatile boolean downAfterTeamInfo;

  java.util.function.IntConsumer onActivityPage = page -> {};
  java.util.function.LongConsumer onJobInfo = jobId -> {};
  private final AtomicInteger activityPages = new AtomicInteger();

  FakeSource(long teamId) {
    this.teamId = teamId;
  }

  ObjectNode addJob(long id, String status, boolean disabled) {
    ObjectNode job = StoreJson.MAPPER.createObjectNode();
    job.put("id", id).put("name", "Job " + id).put("teamId", teamId).put("status", status);
    job.put("disabled", disabled).put("finishedImagesCount", 0);
    job.putObject("meta").putArray("classes");
    jobs.add(job);
    return job;
  }

  ObjectNode addEvent(String date, long jobId, String image) {
    ObjectNode event = StoreJson.MAPPER.createObjectNode();
    event.put("userId", 7).put("action", "create_figure").put("date", date).put("user", "bob");
    event.put("projectId", 1).put("project", "p").put("datasetId", 2).put("dataset", "d");
    event.put("imageId", image.hashCode()).put("image", image).putNull("classId");
    event.putNull("class").putNull("figureId").put("job", "Job " + jobId).put("jobId", jobId);
    event.putNull("tag").putNull("tagId").putObject("meta");
    events.add(event);
    return event;
  }

  ObjectNode addMember(long id, String login) {
    ObjectNode member = StoreJson.MAPPER.createObjectNode().put("id", id).put("login", login);
    members.add(member);
    return member;
  }

  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  private void count(String method) {
    calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    if (downAfterTeamInfo && !method.equals("teams.info")) {
      calls.computeIfAbsent("while down", m -> new AtomicInteger()).incrementAndGet();
      throw new SourceException(
          SourceException.Kind.UNREACHABLE,
          null,
          "Lost the connection to http://fake.invalid (connection refused, 11 attempts)",
          null);
    }
  }

  @Override
  public String serverAddress() {
    return address;
  }

  @Override
  public JsonNode teamInfo(long id) {
    count("teams.info");
    if (teamFailure != null) {
      throw teamFailure;
    }
    if (id != teamId) {
      throw new SourceException(SourceException.Kind.NOT_FOUND, 404, "no team " + id, null);
    }
    return StoreJson.MAPPER.createObjectNode().put("id", id).put("name", "Team");
  }

  @Override
  public List<JsonNode> listTeams() {
    count("teams.list");
    if (teamFailure != null && teamFailure.kind() == SourceException.Kind.NOT_FOUND) {
      throw teamFailure; // the address leads nowhere: every call is a 404
    }
    return List.of(StoreJson.MAPPER.createObjectNode().put("id", teamId).put("name", "Team"));
  }

  @Override
  public List<JsonNode> listJobs(long id) {
    count("jobs.list");
    List<JsonNode> listed = new ArrayList<>();
    for (ObjectNode job : jobs) {
      listed.add(job.deepCopy());
    }
    return listed;
  }

  @Override
  public Optional<JsonBytes> jobInfo(long jobId) {
    count("jobs.info");
    onJobInfo.accept(jobId);
    failIfAsked(jobId);
    return find(jobId)
        .map(
            job -> {
              ObjectNode info = job.deepCopy();
              info.putArray("entities").addObject().put("id", jobId * 100).put("name", "img");
              return bytes(info);
            });
  }

  @Override
  public Optional<JsonBytes> jobStats(long jobId) {
    count("jobs.stats");
    failIfAsked(jobId);
    return find(jobId)
        .map(
            job -> {
              ObjectNode stats = StoreJson.MAPPER.createObjectNode();
              stats.putObject("job").put("id", jobId).put("imagesCount", 1);
              stats.putArray("classes");
              return bytes(stats);
            });
  }

  /** Returns the value's bytes as a server sends them, pretty-printed to include line breaks. */
  private static JsonBytes bytes(JsonNode value) {
    try {
      return JsonBytes.of(
          StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void failIfAsked(long jobId) {
    if (failingJobs.contains(jobId)) {
      throw new SourceException(SourceException.Kind.FAILED, 503, "503 after 10 attempts", null);
    }
  }

  private Optional<ObjectNode> find(long jobId) {
    return jobs.stream().filter(j -> j.path("id").asLong() == jobId).findFirst();
  }

  @Override
  public void members(long id, PageHandler<JsonNode> handler) throws IOException {
    count("members.list");
    handler.accept(List.copyOf(members), members.size());
  }

  @Override
  public java.util.OptionalLong activityCount(long id, Instant from, Instant to) {
    count("teams.activity count");
    if (countsFail) {
      throw new SourceException(SourceException.Kind.FAILED, 503, "503 after 10 attempts", null);
    }
    return java.util.OptionalLong.of(matching(from, to).size() + extraTotal);
  }

  private List<JsonNode> matching(Instant from, Instant to) {
    List<JsonNode> matching = new ArrayList<>();
    for (ObjectNode event : events) {
      Optional<Instant> date = EventDates.of(event);
      // Undated events match every query, as a server comparing strings might do.
      if (date.isEmpty() || (!date.get().isBefore(from) && !date.get().isAfter(to))) {
        matching.add(event.deepCopy());
      }
    }
    return matching;
  }

  @Override
  public void activity(long id, Instant from, Instant to, PageHandler<JsonBytes> handler)
      throws IOException {
    List<JsonNode> matching = matching(from, to);
    for (int start = 0; start < matching.size() || start == 0; start += pageSize) {
      count("teams.activity");
      if (activityPages.incrementAndGet() > failAfterActivityPages && failAfterActivityPages >= 0) {
        throw new IllegalStateException(
            "injected crash after " + failAfterActivityPages + " pages");
      }
      onActivityPage.accept(activityPages.get());
      List<JsonBytes> page = new ArrayList<>();
      for (JsonNode event : matching.subList(start, Math.min(matching.size(), start + pageSize))) {
        page.add(bytes(event));
      }
      handler.accept(page, matching.size() + extraTotal);
    }
  }
}
