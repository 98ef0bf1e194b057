package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LimitedSourceTest {

  /** A source whose calls take a while and count how many run at once. */
  private static final class SlowSource implements PullSource {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();

    private <T> T call(T value) {
      int now = inFlight.incrementAndGet();
      mostInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(15);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return value;
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
    public List<JsonNode> listJobs(long teamId) {
      return call(List.of());
    }

    @Override
    public List<JsonNode> listTeams() {
      return call(List.of());
    }

    @Override
    public Optional<JsonBytes> jobInfo(long jobId) {
      return call(Optional.of(JsonBytes.of("{}".getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public Optional<JsonBytes> jobStats(long jobId) {
      return jobInfo(jobId);
    }

    @Override
    public void members(long teamId, PageHandler<JsonNode> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.OptionalLong activityCount(long teamId, Instant from, Instant to) {
      return call(java.util.OptionalLong.of(0));
    }

    @Override
    public void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
        throws java.io.IOException {
      for (int page = 0; page < 2; page++) {
        handler.accept(call(List.of()), 0);
      }
    }
  }

  @Test
  void noMoreCallsThanTheConcurrencyAreEverWaitingOnTheServer() throws Exception {
    SlowSource slow = new SlowSource();
    LimitedSource limited = new LimitedSource(slow, 3);
    ExecutorService threads = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        long id = i;
        calls.add(threads.submit(() -> limited.jobInfo(id)));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(slow.mostInFlight.get()).isBetween(1, 3);
  }

  @Test
  void aPageIsStoredWithoutHoldingAPlaceSoOtherCallsGoOnMeanwhile() throws Exception {
    SlowSource slow = new SlowSource();
    LimitedSource limited = new LimitedSource(slow, 1);
    List<Boolean> otherCallDone = new ArrayList<>();

    limited.activity(
        1,
        Instant.EPOCH,
        Instant.EPOCH,
        (entities, total) -> {
          // With the only place held during the page, this call could not start: it would wait.
          CompletableFuture<Optional<JsonBytes>> other =
              CompletableFuture.supplyAsync(() -> limited.jobInfo(7));
          try {
            otherCallDone.add(other.get(10, TimeUnit.SECONDS).isPresent());
          } catch (Exception e) {
            otherCallDone.add(false);
          }
        });

    assertThat(otherCallDone).containsExactly(true, true);
    assertThat(slow.mostInFlight.get()).isEqualTo(1);
  }
}
