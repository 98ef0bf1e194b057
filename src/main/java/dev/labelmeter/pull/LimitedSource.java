package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A {@link PullSource} that keeps at most a given number of calls waiting on the server at once:
 * the pull's concurrency. A paged call holds its place while a page is on its way, not while the
 * pull stores the page, so storing (CPU) overlaps with other calls (network) and the server sees
 * no more than the allowed number of requests.
 */
final class LimitedSource implements PullSource {
  private final PullSource source;
  private final Semaphore places;

  LimitedSource(PullSource source, int concurrency) {
    this.source = source;
    this.places = new Semaphore(concurrency, true);
  }

  @Override
  public String serverAddress() {
    return source.serverAddress();
  }

  @Override
  public JsonNode teamInfo(long teamId) {
    return limited(() -> source.teamInfo(teamId));
  }

  @Override
  public List<JsonNode> listTeams() {
    return limited(source::listTeams);
  }

  @Override
  public List<JsonNode> listJobs(long teamId) {
    return limited(() -> source.listJobs(teamId));
  }

  @Override
  public Optional<JsonBytes> jobInfo(long jobId) {
    return limited(() -> source.jobInfo(jobId));
  }

  @Override
  public Optional<JsonBytes> jobStats(long jobId) {
    return limited(() -> source.jobStats(jobId));
  }

  @Override
  public void members(long teamId, PageHandler<JsonNode> handler) throws IOException {
    take();
    try {
      source.members(teamId, outside(handler));
    } finally {
      places.release();
    }
  }

  @Override
  public void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
      throws IOException {
    take();
    try {
      source.activity(teamId, from, to, outside(handler));
    } finally {
      places.release();
    }
  }

  @Override
  public OptionalLong activityCount(long teamId, Instant from, Instant to) {
    return limited(() -> source.activityCount(teamId, from, to));
  }

  /** Returns a handler that gives the place up while {@code handler} works on a page. */
  private <T> PageHandler<T> outside(PageHandler<T> handler) {
    return (entities, total) -> {
      places.release();
      try {
        handler.accept(entities, total);
      } finally {
        places.acquireUninterruptibly();
      }
    };
  }

  private <T> T limited(Supplier<T> call) {
    try {
      take();
    } catch (InterruptedIOException e) {
      throw new SourceException(SourceException.Kind.FAILED, null, e.getMessage(), e);
    }
    try {
      return call.get();
    } finally {
      places.release();
    }
  }

  private void take() throws InterruptedIOException {
    try {
      places.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to call the server");
    }
  }
}
