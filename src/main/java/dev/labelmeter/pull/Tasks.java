package dev.labelmeter.pull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/** Runs a pull's tasks on a bounded pool and hands their failures back to the caller. */
final class Tasks {
  private Tasks() {}

  /** Returns a pool of {@code threads} daemon threads named after {@code name}. */
  static ExecutorService pool(String name, int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }

  /**
   * Logs the failure of a server call: a warning with its cause, or only at debug level for a
   * failure that followed the loss of the server (the pull warns of those once, see {@link
   * CircuitBreaker}).
   */
  static void logFailure(Logger log, String message, SourceException e) {
    if (e.afterServerLost()) {
      log.debug("{}", message);
    } else {
      log.warn("{}", message, e);
    }
  }

  /**
   * Returns whether the calling task was cancelled: the pool is interrupted only when the pull
   * failed elsewhere, so a call that failed in a cancelled task says nothing about the server.
   */
  static boolean cancelled() {
    return Thread.currentThread().isInterrupted();
  }

  /** The most warnings of one kind a manifest keeps word for word. */
  static final int MAX_WARNINGS = 20;

  /**
   * Returns {@code warnings}, or when there are more than {@link #MAX_WARNINGS}, the first of them
   * and one line saying how many more there were, of {@code what} (such as "jobs").
   */
  static List<String> capped(List<String> warnings, String what) {
    if (warnings.size() <= MAX_WARNINGS) {
      return List.copyOf(warnings);
    }
    List<String> kept = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
    kept.add(
        "... and "
            + (warnings.size() - MAX_WARNINGS)
            + " more warnings about "
            + what
            + " like those above");
    return List.copyOf(kept);
  }

  /** Waits for every future, rethrowing the first failure as it was thrown in the task. */
  static void awaitAll(List<? extends Future<?>> futures) throws IOException {
    for (Future<?> future : futures) {
      await(future);
    }
  }

  /** Waits for {@code future} and returns its value, rethrowing its failure as thrown. */
  static <T> T await(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the pull's tasks");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }
}
