package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.CanonicalJson;
import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.JsonLinesWriter;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the info and stats of every listed job into new jobs and stats files, skipping closed
 * jobs that are unchanged since the last pull (their previous lines are carried over), and keeping
 * the previous lines of jobs that fail.
 */
final class JobsStep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobsStep.class);
  private static final Set<String> FINAL_STATUSES = Set.of("completed", "stopped");

  private final PullSource source;
  private final StoreLayout layout;
  private final Progress progress;
  private final JsonLinesWriter jobsOut;
  private final JsonLinesWriter statsOut;
  private final Map<Long, Manifest.JobState> states = new ConcurrentHashMap<>();
  private final Set<Long> failed = ConcurrentHashMap.newKeySet();
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final Set<Long> carried = new TreeSet<>();
  private final AtomicInteger written = new AtomicInteger();
  private int listed;
  private long jobLines;
  private long statsLines;

  JobsStep(PullSource source, StoreLayout layout, Progress progress) throws IOException {
    this.source = source;
    this.layout = layout;
    this.progress = progress;
    this.jobsOut = JsonLinesWriter.open(layout.jobs());
    JsonLinesWriter stats = null;
    try {
      stats = JsonLinesWriter.open(layout.stats());
    } finally {
      if (stats == null) {
        jobsOut.close();
      }
    }
    this.statsOut = stats;
  }

  /**
   * Decides, from {@code jobs.list} and the previous manifest, which jobs to fetch, and returns
   * their tasks.
   */
  List<Callable<Void>> plan(List<JsonNode> listedJobs, Optional<Manifest> previous)
      throws IOException {
    Map<String, Manifest.JobState> before = previous.map(Manifest::jobStates).orElse(Map.of());
    Set<Long> complete = idsWithBothLines();
    Set<Long> seen = new HashSet<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (JsonNode job : listedJobs) {
      long id = job.path("id").asLong();
      if (!seen.add(id)) {
        continue; // listed twice when the list changed between its pages
      }
      Manifest.JobState state = stateOf(job);
      Manifest.JobState old = before.get(Long.toString(id));
      if (isFinal(state) && state.equals(old) && complete.contains(id)) {
        carried.add(id);
        states.put(id, state);
      } else {
        tasks.add(task(id, state));
      }
    }
    listed = seen.size();
    return tasks;
  }

  /** Returns how the manifest remembers a job: status, disabled and a digest of its list object. */
  static Manifest.JobState stateOf(JsonNode listed) {
    return new Manifest.JobState(
        listed.path("status").asText(null),
        listed.path("disabled").asBoolean(false),
        CanonicalJson.digest(listed).hex());
  }

  /** Returns whether a job can change no more: completed, stopped or disabled. */
  static boolean isFinal(Manifest.JobState state) {
    return state.disabled() || FINAL_STATUSES.contains(state.status());
  }

  private Callable<Void> task(long id, Manifest.JobState state) {
    return () -> {
      try {
        fetch(id, state);
      } catch (SourceException e) {
        if (Tasks.cancelled()) {
          LOG.debug("job {} not fetched: the pull was cancelled", id, e);
          return null;
        }
        failed.add(id);
        String warning = "job " + id + " could not be fetched: " + e.getMessage();
        warnings.add(warning);
        Tasks.logFailure(LOG, warning + "; keeping its previous lines if any", e);
      } finally {
        progress.taskDone();
      }
      return null;
    };
  }

  private void fetch(long id, Manifest.JobState state) throws IOException {
    Optional<JsonBytes> info = source.jobInfo(id);
    Optional<JsonBytes> stats = info.isPresent() ? source.jobStats(id) : Optional.empty();
    if (info.isEmpty() || stats.isEmpty()) {
      String warning = "job " + id + " was listed but no longer exists; it is left out";
      warnings.add(warning);
      LOG.warn(warning);
      return;
    }
    byte[] statsLine = statsLine(id, stats.get());
    synchronized (this) {
      jobsOut.writeLine(info.get().buffer(), info.get().offset(), info.get().length());
      statsOut.writeLine(statsLine, 0, statsLine.length);
    }
    states.put(id, state);
    written.incrementAndGet();
  }

  /** Returns the stats file's line of a job: {@code {"jobId": id, "stats": <as received>}}. */
  static byte[] statsLine(long id, JsonBytes stats) {
    byte[] head = ("{\"jobId\":" + id + ",\"stats\":").getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + stats.length() + 1];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(stats.buffer(), stats.offset(), line, head.length, stats.length());
    line[line.length - 1] = '}';
    return line;
  }

  /** Copies the previous lines of carried-over and failed jobs, then commits both files. */
  void commit() throws IOException {
    Set<Long> keep = new HashSet<>(carried);
    keep.addAll(failed);
    if (!keep.isEmpty()) {
      copyLines(layout.jobs(), "id", keep, jobsOut);
      copyLines(layout.stats(), "jobId", keep, statsOut);
    }
    jobLines = jobsOut.lines();
    statsLines = statsOut.lines();
    jobsOut.commit();
    statsOut.commit();
  }

  private static void copyLines(Path file, String idField, Set<Long> ids, JsonLinesWriter out)
      throws IOException {
    JsonLinesReader.forEachNode(
        file,
        node -> {
          if (ids.contains(node.path(idField).asLong(-1))) {
            out.write(node);
          }
        });
  }

  private Set<Long> idsWithBothLines() throws IOException {
    Set<Long> jobs = new HashSet<>();
    JsonLinesReader.forEachNode(layout.jobs(), node -> jobs.add(node.path("id").asLong(-1)));
    Set<Long> both = new HashSet<>();
    JsonLinesReader.forEachNode(
        layout.stats(),
        node -> {
          long id = node.path("jobId").asLong(-1);
          if (jobs.contains(id)) {
            both.add(id);
          }
        });
    return both;
  }

  int listed() {
    return listed;
  }

  int fetched() {
    return written.get();
  }

  int carriedOver() {
    return carried.size();
  }

  List<Long> failedIds() {
    return List.copyOf(new TreeSet<>(failed));
  }

  long jobLines() {
    return jobLines;
  }

  long statsLines() {
    return statsLines;
  }

  /** Returns the job states for the manifest: every job fetched or carried over, not the failed. */
  Map<String, Manifest.JobState> jobStates() {
    Map<String, Manifest.JobState> byId = new TreeMap<>();
    states.forEach((id, state) -> byId.put(Long.toString(id), state));
    return byId;
  }

  List<String> warnings() {
    synchronized (warnings) {
      return Tasks.capped(warnings, "jobs");
    }
  }

  @Override
  public void close() throws IOException {
    try {
      jobsOut.close();
    } finally {
      statsOut.close();
    }
  }
}
