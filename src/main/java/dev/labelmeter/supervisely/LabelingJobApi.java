package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/** Labeling jobs: create, list, inspect, stop, archive, remove, wait for, stats and activity. */
public final class LabelingJobApi {
  /** Most ids {@link #removeBatch} sends in one {@code jobs.bulk.remove} call. */
  public static final int REMOVE_BATCH_SIZE = 50;

  /** Polls {@link #waitFor(long, Status)} makes by default, as the SDK. */
  public static final int DEFAULT_WAIT_ATTEMPTS = 999;

  /** Interval {@link #waitFor(long, Status)} polls at by default, as the SDK. */
  public static final Duration DEFAULT_WAIT_INTERVAL = Duration.ofSeconds(1);

  private final ApiTransport transport;
  private final Paginator pages;
  private final ActivityApi activity;

  LabelingJobApi(ApiTransport transport, ActivityApi activity) {
    this.transport = transport;
    this.pages = new Paginator(transport);
    this.activity = activity;
  }

  /**
   * Returns the jobs {@code jobs.add} created (one per labeler), each read back with {@code
   * jobs.info}.
   */
  public List<LabelingJobInfo> create(CreateJobRequest request) {
    JsonNode created = transport.post("jobs.add", request.toBody());
    if (created == null || !created.isArray()) {
      throw Responses.malformed("jobs.add", "expected a list but got " + Responses.kindOf(created));
    }
    List<LabelingJobInfo> jobs = new ArrayList<>();
    for (JsonNode item : created) {
      long id = Responses.parse("jobs.add", item, json -> JsonFields.requiredLong(json, "id"));
      jobs.add(getInfoById(id).orElseThrow(() -> notFound(id)));
    }
    return jobs;
  }

  /** Returns the active jobs of a team; see {@link #getList(JobListQuery)}. */
  public List<LabelingJobInfo> getList(long teamId) {
    return getList(JobListQuery.team(teamId));
  }

  /**
   * Returns every job the query selects, sorted by id ({@code jobs.list}, all pages). These have
   * no {@code entities}; {@link #getInfoById} has them.
   */
  public List<LabelingJobInfo> getList(JobListQuery query) {
    return pages.getAll("jobs.list", query.toBody(), true, LabelingJobInfo::read);
  }

  /** Returns the summary after handing each raw page of {@code jobs.list} to {@code handler}. */
  public PageSummary forEachRawPage(JobListQuery query, PageHandler<JsonNode> handler) {
    return pages.forEachPage("jobs.list", query.toBody(), true, handler);
  }

  /** Returns the job with its entities, or empty when the server says 404. */
  public Optional<LabelingJobInfo> getInfoById(long id) {
    return getInfoByIdRaw(id)
        .map(json -> Responses.parse("jobs.info", json, LabelingJobInfo::read));
  }

  /** Returns the {@code jobs.info} object exactly as received, or empty on a 404. */
  public Optional<JsonNode> getInfoByIdRaw(long id) {
    return transport.postOrEmpty("jobs.info", idBody(id));
  }

  /** Returns the {@code jobs.info} object as the bytes the server sent, or empty on a 404. */
  public Optional<JsonBytes> getInfoByIdBytes(long id) {
    return ApiTransport.emptyIfNotFound(() -> bytes("jobs.info", idBody(id)));
  }

  /** Stops the job: labelers can no longer work on it ({@code jobs.stop}). */
  public void stop(long id) {
    transport.post("jobs.stop", idBody(id));
  }

  /** Archives the job: it then shows only with {@code showDisabled} ({@code jobs.archive}). */
  public void archive(long id) {
    transport.post("jobs.archive", idBody(id));
  }

  /** Removes the job ({@code jobs.bulk.remove}). */
  public void remove(long id) {
    removeBatch(List.of(id));
  }

  /** Removes the jobs, at most {@link #REMOVE_BATCH_SIZE} per call ({@code jobs.bulk.remove}). */
  public void removeBatch(Collection<Long> ids) {
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += REMOVE_BATCH_SIZE) {
      ObjectNode body = ClientJson.object();
      ArrayNode batch = body.putArray("ids");
      all.subList(from, Math.min(all.size(), from + REMOVE_BATCH_SIZE)).forEach(batch::add);
      transport.post("jobs.bulk.remove", body);
    }
  }

  /** Sets the job's status ({@code jobs.set-status}). */
  public void setStatus(long id, Status status) {
    ObjectNode body = idBody(id);
    body.put("status", status.value());
    transport.post("jobs.set-status", body);
  }

  /**
   * Returns the job's status as the server sends it, unknown values included.
   *
   * @throws SuperviselyException (not found) when there is no such job
   */
  public Status getStatus(long id) {
    LabelingJobInfo info = getInfoById(id).orElseThrow(() -> notFound(id));
    if (info.status() == null) {
      throw Responses.malformed("jobs.info", "job " + id + " has no \"status\"");
    }
    return info.status();
  }

  /** Waits for the status with the SDK's defaults (999 polls, 1 s apart). */
  public void waitFor(long id, Status target) {
    waitFor(id, target, DEFAULT_WAIT_ATTEMPTS, DEFAULT_WAIT_INTERVAL);
  }

  /**
   * Returns once the job's status equals {@code target} (compared by value), polling {@code
   * jobs.info} up to {@code attempts} times, {@code interval} apart.
   *
   * @throws WaitingTimeExceededException when the last poll still saw another status
   */
  public void waitFor(long id, Status target, int attempts, Duration interval) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }
    Status seen = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      seen = getStatus(id);
      if (seen.equals(target)) {
        return;
      }
      if (attempt < attempts) {
        pause(interval);
      }
    }
    throw new WaitingTimeExceededException(id, target, seen, attempts, interval);
  }

  /** Returns the job's {@code jobs.stats}, typed. */
  public JobStats getStats(long id) {
    return Responses.parse("jobs.stats", getStatsRaw(id), JobStats::read);
  }

  /** Returns the job's {@code jobs.stats} object exactly as received. */
  public JsonNode getStatsRaw(long id) {
    return transport.post("jobs.stats", idBody(id));
  }

  /** Returns the job's {@code jobs.stats} object as the bytes the server sent. */
  public JsonBytes getStatsBytes(long id) {
    return bytes("jobs.stats", idBody(id));
  }

  /** Returns the answer to {@code method}, checked to be one JSON object, as sent. */
  private JsonBytes bytes(String method, ObjectNode body) {
    return ResponseBytes.object(method, transport.postForBytes(method, body), transport);
  }

  /**
   * Returns the job's activity as a table of the 18 documented columns in order (the SDK's
   * DataFrame), from {@code teams.activity} filtered on the job.
   */
  public Table getActivity(long teamId, long jobId) {
    return ActivityTables.toTable("activity of job " + jobId, getActivityEvents(teamId, jobId));
  }

  /** Returns the job's activity as typed events, in server order. */
  public List<ActivityEvent> getActivityEvents(long teamId, long jobId) {
    return activity.getEvents(ActivityQuery.team(teamId).withJobId(jobId));
  }

  private void pause(Duration interval) {
    try {
      transport.sleeper().sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SuperviselyException(
          Kind.INTERRUPTED,
          "jobs.info",
          null,
          null,
          null,
          "Interrupted while waiting for a job",
          "The run was cancelled",
          e);
    }
  }

  private static ObjectNode idBody(long id) {
    ObjectNode body = ClientJson.object();
    body.put("id", id);
    return body;
  }

  private static SuperviselyException notFound(long id) {
    return new SuperviselyException(
        Kind.NOT_FOUND,
        "jobs.info",
        404,
        null,
        null,
        "Labeling job " + id + " does not exist",
        "Check the job id; archived or removed jobs may no longer be visible",
        null);
  }
}
