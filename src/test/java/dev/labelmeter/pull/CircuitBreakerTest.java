package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pull's circuit breaker: one lost server, one failure to report, no more calls. */
class CircuitBreakerTest {
  private static final Instant FROM = Instant.parse("2026-11-29T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T23:59:59Z");

  /** A server whose job calls find it gone and whose activity comes in three pages. */
  private static class DyingServer implements PullSource {
    final List<String> calls = new ArrayList<>();
    CircuitBreaker breaker;

    private static SourceException lost() {
      return new SourceException(
          SourceException.Kind.UNREACHABLE, null, "Lost the connection (11 attempts)", null);
    }

    @Override
    public String serverAddress() {
      return "http://127.0.0.1:1";
    }

    @Override
    public JsonNode teamInfo(long teamId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<JsonNode> listTeams() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<JsonNode> listJobs(long teamId) {
      calls.add("jobs.list");
      return List.of();
    }

    @Override
    public Optional<JsonBytes> jobInfo(long jobId) {
      calls.add("jobs.info " + jobId);
      throw lost();
    }

    /** Under way while another call finds the server gone, then fails the same way. */
    @Override
    public Optional<JsonBytes> jobStats(long jobId) {
      calls.add("jobs.stats " + jobId);
      catchThrowableOfType(SourceException.class, () -> breaker.jobInfo(jobId));
      throw lost();
    }

    @Override
    public void members(long teamId, PageHandler<JsonNode> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
        throws java.io.IOException {
      for (int page = 1; page <= 3; page++) {
        calls.add("teams.activity page " + page);
        handler.accept(List.of(JsonBytes.of("{}".getBytes(StandardCharsets.UTF_8))), 3);
      }
    }

    @Override
    public OptionalLong activityCount(long teamId, Instant from, Instant to) {
      calls.add("teams.activity count");
      return OptionalLong.of(3);
    }
  }

  private final DyingServer server = new DyingServer();
  private final CircuitBreaker breaker = new CircuitBreaker(server);

  {
    server.breaker = breaker;
  }

  @Test
  void afterTheFirstCallFindsTheServerGoneNoOtherCallIsMade() {
    SourceException first = catchThrowableOfType(SourceException.class, () -> breaker.jobInfo(1));
    SourceException next = catchThrowableOfType(SourceException.class, () -> breaker.jobInfo(2));
    SourceException count =
        catchThrowableOfType(SourceException.class, () -> breaker.activityCount(7, FROM, TO));

    assertThat(server.calls).containsExactly("jobs.info 1");
    assertThat(first.afterServerLost()).isFalse();
    assertThat(next.afterServerLost()).isTrue();
    assertThat(next).hasMessage("not asked: the server had stopped answering");
    assertThat(count.afterServerLost()).isTrue();
    assertThat(breaker.lostServer()).containsSame(first);
    assertThat(breaker.callsNotMade()).isEqualTo(2);
  }

  @Test
  void aPagedCallStopsBeforeItsNextPageOnceTheServerIsFoundGone() {
    List<Integer> pagesHandled = new ArrayList<>();

    SourceException e =
        catchThrowableOfType(
            SourceException.class,
            () ->
                breaker.activity(
                    7,
                    FROM,
                    TO,
                    (entities, total) -> {
                      pagesHandled.add(pagesHandled.size() + 1);
                      if (pagesHandled.size() == 1) { // meanwhile, another call finds it gone
                        catchThrowableOfType(SourceException.class, () -> breaker.jobInfo(1));
                      }
                    }));

    assertThat(pagesHandled).containsExactly(1);
    assertThat(server.calls).containsExactly("teams.activity page 1", "jobs.info 1");
    assertThat(e.afterServerLost()).isTrue();
    assertThat(e).hasMessage("stopped before its next page: the server had stopped answering");
  }

  @Test
  void aCallUnderWayThatFailsTheSameWayAfterTheLossIsMarkedAsPartOfIt() {
    SourceException e = catchThrowableOfType(SourceException.class, () -> breaker.jobStats(5));

    assertThat(e.afterServerLost()).isTrue();
    assertThat(e).hasMessage("Lost the connection (11 attempts)");
    assertThat(breaker.lostServer().orElseThrow().afterServerLost()).isFalse();
    assertThat(breaker.callsNotMade()).isZero();
  }

  /** A server whose stats call waits out its retries until it is interrupted. */
  private static class RetryingServer extends DyingServer {
    final CountDownLatch waiting = new CountDownLatch(1);

    @Override
    public Optional<JsonBytes> jobStats(long jobId) {
      waiting.countDown();
      try {
        Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // the client's back-off between retries
        return Optional.empty();
      } catch (InterruptedException e) {
        throw new SourceException(SourceException.Kind.FAILED, null, "Interrupted", e);
      }
    }
  }

  @Test
  void aCallWaitingOutItsRetriesIsCutShortWhenAnotherFindsTheServerGone() throws Exception {
    RetryingServer retrying = new RetryingServer();
    CircuitBreaker guard = new CircuitBreaker(retrying);
    CompletableFuture<Object[]> stats =
        CompletableFuture.supplyAsync(
            () -> {
              SourceException e =
                  catchThrowableOfType(SourceException.class, () -> guard.jobStats(5));
              return new Object[] {e, Thread.currentThread().isInterrupted()};
            });
    assertThat(retrying.waiting.await(30, TimeUnit.SECONDS)).isTrue();

    SourceException first = catchThrowableOfType(SourceException.class, () -> guard.jobInfo(1));
    Object[] outcome = stats.get(30, TimeUnit.SECONDS);

    SourceException cut = (SourceException) outcome[0];
    assertThat(cut).hasMessage("cut short: the server had stopped answering");
    assertThat(cut.afterServerLost()).isTrue();
    assertThat(cut.getCause()).hasMessage("Interrupted");
    assertThat(outcome[1]).as("the breaker's interrupt is taken back").isEqualTo(false);
    assertThat(guard.lostServer()).containsSame(first);
  }

  @Test
  void aThreadHandingAPageToThePullIsNotInterruptedButStopsBeforeItsNextPage() throws Exception {
    CountDownLatch handling = new CountDownLatch(1);
    CountDownLatch tripped = new CountDownLatch(1);
    List<Boolean> interruptedWhileHandling = new ArrayList<>();
    CompletableFuture<SourceException> activity =
        CompletableFuture.supplyAsync(
            () ->
                catchThrowableOfType(
                    SourceException.class,
                    () ->
                        breaker.activity(
                            7,
                            FROM,
                            TO,
                            (entities, total) -> {
                              handling.countDown();
                              try {
                                tripped.await(30, TimeUnit.SECONDS);
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                              }
                              interruptedWhileHandling.add(Thread.currentThread().isInterrupted());
                            })));
    assertThat(handling.await(30, TimeUnit.SECONDS)).isTrue();

    catchThrowableOfType(SourceException.class, () -> breaker.jobInfo(1));
    tripped.countDown();
    SourceException e = activity.get(30, TimeUnit.SECONDS);

    assertThat(interruptedWhileHandling).containsExactly(false);
    assertThat(e).hasMessage("stopped before its next page: the server had stopped answering");
  }

  @Test
  void otherFailuresDoNotOpenTheBreaker() {
    PullSource failing =
        new DyingServer() {
          @Override
          public Optional<JsonBytes> jobInfo(long jobId) {
            throw new SourceException(SourceException.Kind.FAILED, 503, "503 after 11", null);
          }
        };
    CircuitBreaker guard = new CircuitBreaker(failing);

    catchThrowableOfType(SourceException.class, () -> guard.jobInfo(1));

    assertThat(guard.lostServer()).isEmpty();
    assertThat(guard.listJobs(7)).isEmpty();
  }
}
