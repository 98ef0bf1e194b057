package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The mutable team a server serves: its jobs (changed by {@code jobs.*} calls) and its activity
 * log (grown by {@link #appendActivity} and the paging fault). Readers hold the read lock, writers
 * the write lock.
 */
final class ServerState {
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final TeamPlan plan;
  final Clock clock;
  final TreeMap<Long, SimJob> jobs = new TreeMap<>();
  final List<SimEvent> events;
  MemberActivity members;
  long nowMillis;

  private final Instant anchor;
  private final Set<Long> removed = new HashSet<>();
  private final Set<Long> archived = new HashSet<>();
  private final Map<Long, String> statusOverrides = new HashMap<>();
  private final Map<Long, SimJob> addedJobs = new TreeMap<>();
  private long nextAddedJobId = 1_000_001;
  private long appendedCount;

  ServerState(SyntheticTeam team, Clock clock) {
    this.plan = team.plan;
    this.clock = clock;
    this.anchor = Instant.ofEpochMilli(team.plan.anchorMillis);
    this.nowMillis = team.nowMillis;
    this.events = new ArrayList<>(team.events);
    this.members = team.memberActivity;
    team.jobs.forEach(j -> jobs.put(j.id, j));
  }

  SimJob job(long id) {
    SimJob job = jobs.get(id);
    if (job == null) {
      throw ApiException.notFound("labeling job " + id + " does not exist");
    }
    return job;
  }

  long newJobId() {
    return nextAddedJobId++;
  }

  void addJob(SimJob job) {
    jobs.put(job.id, job);
    addedJobs.put(job.id, job);
  }

  void setStatus(long id, String status) {
    job(id).status = status;
    statusOverrides.put(id, status);
  }

  void archive(long id) {
    job(id).disabled = true;
    archived.add(id);
  }

  void remove(long id) {
    if (jobs.remove(id) != null) {
      removed.add(id);
      addedJobs.remove(id);
    }
  }

  /**
   * Continues the team's work for {@code moreWork}: new events at the end, jobs updated. Jobs
   * stopped, completed or archived through the API stay as they were and get no new events.
   */
  void appendActivity(Duration moreWork) {
    long newNow = nowMillis + moreWork.toMillis();
    SyntheticTeam next =
        TeamGenerator.generate(plan.size, plan.seed, anchor, Instant.ofEpochMilli(newNow));
    Map<Long, SimJob> frozen = new HashMap<>();
    for (SimJob job : jobs.values()) {
      if (isFrozen(job.id)) {
        frozen.put(job.id, job);
      }
    }
    jobs.clear();
    for (SimJob job : next.jobs) {
      if (!removed.contains(job.id)) {
        SimJob kept = frozen.get(job.id);
        if (kept == null) {
          job.status = statusOverrides.getOrDefault(job.id, job.status);
        }
        jobs.put(job.id, kept == null ? job : kept);
      }
    }
    jobs.putAll(addedJobs);
    for (SimEvent e : next.events) {
      if (e.dateMillis >= nowMillis && (e.job == null || !frozen.containsKey(e.job.id()))) {
        insert(e);
      }
    }
    members = next.memberActivity;
    nowMillis = newNow;
  }

  /** Returns whether a job was archived, stopped or completed through the API. */
  private boolean isFrozen(long id) {
    String status = statusOverrides.get(id);
    return archived.contains(id)
        || SimJob.STOPPED.equals(status)
        || SimJob.COMPLETED.equals(status);
  }

  /** Inserts {@code e} after every event dated at or before it. */
  void insert(SimEvent e) {
    int lo = 0;
    int hi = events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (events.get(mid).dateMillis <= e.dateMillis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    events.add(lo, e);
  }

  /** Appends {@code count} new work events dated {@code age} before the server's clock. */
  void appendNewEvents(int count, Duration age) {
    long clockMillis = Math.max(clock.millis(), nowMillis);
    for (int i = 0; i < count; i++) {
      insert(newWorkEvent(clockMillis - age.toMillis() + i));
    }
  }

  private SimEvent newWorkEvent(long date) {
    List<SimJob> all = new ArrayList<>(jobs.values());
    SimJob job = all.isEmpty() ? null : all.get((int) (appendedCount++ % all.size()));
    if (job == null || job.imagesCount() == 0) {
      return new SimEvent(date, SimEvent.LOGIN, plan.members.get(0).ref());
    }
    Ref image = new Ref(job.imageIds[0], job.imageNames[0]);
    SimEvent e = SimEvent.work(date, SimEvent.UPDATE_FIGURE, job.labeler.ref(), job.ref, image);
    LabelClass cls = job.classes.get(0);
    e.cls = new Ref(cls.id(), cls.name());
    e.figureId = plan.teamId * 1_000_000_000L + 900_000_000L + appendedCount;
    return e;
  }

  /** Returns {@code node} (an event with the wire keys) as an event of this team. */
  SimEvent fromJson(ObjectNode node) {
    String date = node.path("date").asText(null);
    if (date == null || node.path("action").asText(null) == null) {
      throw new IllegalArgumentException("an event needs 'date' and 'action': " + node);
    }
    SimEvent e =
        new SimEvent(
            WireTime.parse(date), node.get("action").asText(), ref(node, "userId", "user"));
    e.project = ref(node, "projectId", "project");
    e.dataset = ref(node, "datasetId", "dataset");
    e.image = ref(node, "imageId", "image");
    e.cls = ref(node, "classId", "class");
    e.figureId = node.path("figureId").asLong(0);
    e.tag = ref(node, "tagId", "tag");
    Ref job = ref(node, "jobId", "job");
    if (job != null) {
      SimJob known = jobs.get(job.id());
      e.job =
          new JobRef(
              job.id(), job.name(), known == null ? 0 : known.labeler.id(), e.project, e.dataset);
    }
    JsonNode meta = node.get("meta");
    e.metaValue =
        meta == null || meta.isNull() ? SimJson.MAPPER.createObjectNode() : meta.deepCopy();
    return e;
  }

  private static Ref ref(ObjectNode node, String idKey, String nameKey) {
    JsonNode id = node.get(idKey);
    if (id == null || id.isNull()) {
      return null;
    }
    JsonNode name = node.get(nameKey);
    return new Ref(id.asLong(), name == null || name.isNull() ? null : name.asText());
  }
}
