package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link PullSource} that stops calling a server that stopped answering. Once a call has failed
 * as {@link SourceException.Kind#UNREACHABLE} after all of its retries (minutes without an
 * answer), every later call, and every next page of a paged call, fails at once with a {@link
 * SourceException#notCalled} failure instead of going through the same retries: the pull then
 * ends soon, writes what it has and names what it lacks, and the next pull fetches the rest.
 * Calls already under way, most of them waiting out the same retries, are interrupted and fail
 * with a {@link SourceException#cutShort} failure; one that fails on its own the same way is
 * marked {@link SourceException#alsoLost}; either way the pull reports the loss once.
 *
 * <p>Only a thread inside the server's call is interrupted, never one handing a page to the
 * pull's handler, which writes files: an interrupt there would close them.
 */
final class CircuitBreaker implements PullSource {
  private final PullSource source;
  private final AtomicReference<SourceException> lost = new AtomicReference<>();
  private final AtomicInteger notCalled = new AtomicInteger();

  /** The threads inside a call to the source, with how many calls deep; guarded by this. */
  private final Map<Thread, Integer> calling = new HashMap<>();

  /** The threads this breaker interrupted that have not yet left their call; guarded by this. */
  private final Set<Thread> interrupted = new HashSet<>();

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
    Call call = enter();
    try {
      source.members(teamId, outsideTheCall(call, handler));
    } catch (SourceException e) {
      throw watched(e, call);
    } finally {
      call.leave();
    }
  }

  @Override
  public void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
      throws IOException {
    Call call = enter();
    try {
      source.activity(teamId, from, to, outsideTheCall(call, handler));
    } catch (SourceException e) {
      throw watched(e, call);
    } finally {
      call.leave();
    }
  }

  @Override
  public OptionalLong activityCount(long teamId, Instant from, Instant to) {
    return guarded(() -> source.activityCount(teamId, from, to));
  }

  /**
   * Returns {@code handler} run outside {@code call}, where no interrupt reaches it, then a check
   * before the next page is asked for.
   */
  private <T> PageHandler<T> outsideTheCall(Call call, PageHandler<T> handler) {
    return (entities, total) -> {
      call.leave();
      handler.accept(entities, total);
      synchronized (this) {
        SourceException first = lost.get();
        if (first != null) {
          throw SourceException.stoppedBetweenPages(first);
        }
        call.resume();
      }
    };
  }

  private <T> T guarded(Supplier<T> supplier) {
    Call call = enter();
    try {
      return supplier.get();
    } catch (SourceException e) {
      throw watched(e, call);
    } finally {
      call.leave();
    }
  }

  /** Returns the call of this thread that starts now; throws when the server is found gone. */
  private synchronized Call enter() {
    SourceException first = lost.get();
    if (first != null) {
      notCalled.incrementAndGet();
      throw SourceException.notCalled(first);
    }
    Call call = new Call(Thread.currentThread());
    call.resume();
    return call;
  }

  /** Returns the failure of {@code call} as the pull is to count it. */
  private SourceException watched(SourceException e, Call call) {
    boolean cut = call.leave();
    if (e.afterServerLost()) {
      return e;
    }
    if (cut) {
      return SourceException.cutShort(lost.get(), e);
    }
    if (e.kind() != SourceException.Kind.UNREACHABLE) {
      return e;
    }
    synchronized (this) {
      if (!lost.compareAndSet(null, e)) {
        return SourceException.alsoLost(e);
      }
      for (Thread thread : calling.keySet()) {
        if (thread != Thread.currentThread()) {
          interrupted.add(thread);
          thread.interrupt();
        }
      }
      return e;
    }
  }

  /** One thread's call to the source, which it leaves while a page is handled. */
  private final class Call {
    private final Thread thread;
    private boolean inside;
    private boolean cut;

    Call(Thread thread) {
      this.thread = thread;
    }

    /** Counts the thread as inside a call again: an interrupt may reach it. */
    void resume() {
      synchronized (CircuitBreaker.this) {
        calling.merge(thread, 1, Integer::sum);
        inside = true;
      }
    }

    /**
     * Leaves the call (once; later calls do nothing) and returns whether the breaker interrupted
     * it, taking that interrupt back.
     */
    boolean leave() {
      synchronized (CircuitBreaker.this) {
        if (inside) {
          inside = false;
          calling.computeIfPresent(thread, (t, depth) -> depth == 1 ? null : depth - 1);
          if (!calling.containsKey(thread) && interrupted.remove(thread)) {
            Thread.interrupted(); // the interrupt was this breaker's, not the pull's
            cut = true;
          }
        }
        return cut;
      }
    }
  }
}
