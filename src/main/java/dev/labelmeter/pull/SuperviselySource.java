package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.supervisely.ActivityQuery;
import dev.labelmeter.supervisely.JobListQuery;
import dev.labelmeter.supervisely.JsonBytes;
import dev.labelmeter.supervisely.Page;
import dev.labelmeter.supervisely.SuperviselyApi;
import dev.labelmeter.supervisely.SuperviselyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The {@link PullSource} of a real server (or the simulator), through the Supervisely client and
 * its retries. Objects are handed on exactly as received.
 */
public final class SuperviselySource implements PullSource {
  private final SuperviselyApi api;

  public SuperviselySource(SuperviselyApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  @Override
  public String serverAddress() {
    return api.serverAddress();
  }

  @Override
  public JsonNode teamInfo(long teamId) {
    return call(
        () -> api.post("teams.info", JsonNodeFactory.instance.objectNode().put("id", teamId)));
  }

  @Override
  public List<JsonNode> listTeams() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("filter");
    JsonNode page = call(() -> api.post("teams.list", body));
    List<JsonNode> teams = new ArrayList<>();
    page.path("entities").forEach(teams::add);
    return teams;
  }

  @Override
  public List<JsonNode> listJobs(long teamId) {
    List<JsonNode> jobs = new ArrayList<>();
    JobListQuery query = JobListQuery.team(teamId).withShowDisabled(true);
    call(() -> api.labelingJobs().forEachRawPage(query, page -> jobs.addAll(page.entities())));
    return jobs;
  }

  @Override
  public Optional<JsonBytes> jobInfo(long jobId) {
    return call(() -> api.labelingJobs().getInfoByIdBytes(jobId));
  }

  @Override
  public Optional<JsonBytes> jobStats(long jobId) {
    try {
      return Optional.of(call(() -> api.labelingJobs().getStatsBytes(jobId)));
    } catch (SourceException e) {
      if (e.kind() == SourceException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void members(long teamId, PageHandler<JsonNode> handler) throws IOException {
    streaming(() -> api.members().forEachPage(teamId, page -> hand(page, handler)));
  }

  @Override
  public void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
      throws IOException {
    ActivityQuery query = ActivityQuery.team(teamId).withDateFrom(from).withDateTo(to);
    streaming(() -> api.activity().forEachPageBytes(query, page -> hand(page, handler)));
  }

  @Override
  public OptionalLong activityCount(long teamId, Instant from, Instant to) {
    ActivityQuery query = ActivityQuery.team(teamId).withDateFrom(from).withDateTo(to);
    return call(() -> api.activity().count(query));
  }

  private static <T> void hand(Page<T> page, PageHandler<T> handler) {
    try {
      handler.accept(page.entities(), page.total() == null ? -1 : page.total());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void streaming(Runnable paging) throws IOException {
    try {
      call(
          () -> {
            paging.run();
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (SuperviselyException e) {
      throw new SourceException(
          kind(e), e.status().isPresent() ? e.status().getAsInt() : null, e.getMessage(), e);
    }
  }

  private static SourceException.Kind kind(SuperviselyException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> SourceException.Kind.NOT_FOUND;
      case ACCESS_DENIED -> SourceException.Kind.REFUSED;
      case UNREACHABLE -> SourceException.Kind.UNREACHABLE;
      default -> SourceException.Kind.FAILED;
    };
  }
}
