package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link PullSource} that stops calling a server that stopped answering. Once a call has failed
 * as {@link SourceException.Kind#UNREACHABLE} after all of its retries (minutes without an
 * answer), every later call, and every next page of a paged call, fails at once with a {@link
 * SourceException#notCalled} failure instead of going through the same retries: the pull then
 * ends soon, writes what it has and names what it lacks, and the next pull fetches the rest.
 * Requests already under way finish their own retries; their failures are marked {@link
 * SourceException#alsoLost}, so that the pull reports the loss once.
 */
final class CircuitBreaker implements PullSource {
  private final PullSource source;
  private final AtomicReference<SourceException> lost = new AtomicReference<>();
  private final AtomicInteger notCalled = new AtomicInteger();

  CircuitBreaker(PullSource source) {
    this.source = source;
  }

  /** Returns the failure that stopped the calls, if one did. */
  Optional<SourceException> lostServer() {
    return Optional.ofNullable(lost.get());
  }

  /** Returns how many calls were not made because the server had stopped answering. */
  int callsNotMade() {
    return notCalled.get();
  }

  @Override
  public String serverAddress() {
    return source.serverAddress();
  }

  @Override
  public JsonNode teamInfo(long teamId) {
    return guarded(() -> source.teamInfo(teamId));
  }

  @Override
  public List<JsonNode> listTeams() {
    return guarded(source::listTeams);
  }

  @Override
  public List<JsonNode> listJobs(long teamId) {
    return guarded(() -> source.listJobs(teamId));
  }

  @Override
  public Optional<JsonBytes> jobInfo(long jobId) {
    return guarded(() -> source.jobInfo(jobId));
  }

  @Override
  public Optional<JsonBytes> jobStats(long jobId) {
    return guarded(() -> source.jobStats(jobId));
  }

  @Override
  public void members(long teamId, PageHandler<JsonNode> handler) throws IOException {
    checkOpen();
    try {
      source.members(teamId, thenCheck(handler));
    } catch (SourceException e) {
      throw watched(e);
    }
  }

  @Override
  public void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
      throws IOException {
    checkOpen();
    try {
      source.activity(teamId, from, to, thenCheck(handler));
    } catch (SourceException e) {
      throw watched(e);
    }
  }

  @Override
  public OptionalLong activityCount(long teamId, Instant from, Instant to) {
    return guarded(() -> source.activityCount(teamId, from, to));
  }

  /** Returns {@code handler}, then a check before the next page is asked for. */
  private <T> PageHandler<T> thenCheck(PageHandler<T> handler) {
    return (entities, total) -> {
      handler.accept(entities, total);
      SourceException first = lost.get();
      if (first != null) {
        throw SourceException.stoppedBetweenPages(first);
      }
    };
  }

  private <T> T guarded(Supplier<T> call) {
    checkOpen();
    try {
      return call.get();
    } catch (SourceException e) {
      throw watched(e);
    }
  }

  private void checkOpen() {
    SourceException first = lost.get();
    if (first != null) {
      notCalled.incrementAndGet();
      throw SourceException.notCalled(first);
    }
  }

  private SourceException watched(SourceException e) {
    if (e.kind() != SourceException.Kind.UNREACHABLE || e.afterServerLost()) {
      return e;
    }
    return lost.compareAndSet(null, e) ? e : SourceException.alsoLost(e);
  }
}
