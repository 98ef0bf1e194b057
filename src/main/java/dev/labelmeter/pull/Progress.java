package dev.labelmeter.pull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a pull is: a progress bar on a terminal, a log line every few seconds otherwise.
 * The unit is a task: one job (info and stats), one day of activity, the members list.
 */
abstract class Progress implements AutoCloseable {
  static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

  protected final AtomicLong tasksDone = new AtomicLong();
  protected final AtomicLong events = new AtomicLong();
  protected volatile long tasksTotal;

  /** Returns the progress display for {@code mode}. */
  static Progress open(PullOptions.ProgressMode mode, long teamId) {
    return switch (mode) {
      case AUTO ->
          System.console() != null
              ? new Bar(teamId)
              : new LogLines(teamId, LOG_INTERVAL, LogLines.WAITING);
      case BAR -> new Bar(teamId);
      case LOG -> new LogLines(teamId, LOG_INTERVAL, LogLines.WAITING);
      case NONE -> new Silent();
    };
  }

  /** Adds {@code tasks} to the number of tasks to do. */
  void addTasks(long tasks) {
    tasksTotal += tasks;
    changed();
  }

  void taskDone() {
    tasksDone.incrementAndGet();
    changed();
  }

  void eventsReceived(long count) {
    events.addAndGet(count);
    changed();
  }

  protected abstract void changed();

  @Override
  public abstract void close();

  private static final class Bar extends Progress {
    private final ProgressBar bar;

    Bar(long teamId) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("pull team " + teamId)
              .setInitialMax(0)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .continuousUpdate()
              .build();
    }

    @Override
    protected synchronized void changed() {
      bar.maxHint(tasksTotal);
      bar.stepTo(tasksDone.get());
      bar.setExtraMessage(events.get() + " events");
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /**
   * Log lines: one at most every {@code interval} while tasks progress, and one every interval
   * while none does (a server that is slow or being retried), so that a nightly log never goes
   * quiet; a line after {@link #WAITING} without a finished task says the pull is waiting.
   */
  static final class LogLines extends Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Pull.class);

    /** How long without a finished task before a line says the pull is waiting, by default. */
    static final Duration WAITING = Duration.ofSeconds(30);

    private final long teamId;
    private final Duration interval;
    private final Duration waiting;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private long lastLogNanos = startNanos;
    private long lastDone = -1;
    private long lastDoneNanos = startNanos;

    LogLines(long teamId, Duration interval, Duration waiting) {
      this.teamId = teamId;
      this.interval = interval;
      this.waiting = waiting;
      this.ticker =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "pull-" + teamId + "-progress");
                thread.setDaemon(true);
                return thread;
              });
      long millis = interval.toMillis();
      ticker.scheduleAtFixedRate(this::changed, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected synchronized void changed() {
      long now = System.nanoTime();
      long done = tasksDone.get();
      if (done != lastDone) {
        lastDone = done;
        lastDoneNanos = now;
      }
      if (now - lastLogNanos < interval.toNanos()) {
        return;
      }
      lastLogNanos = now;
      long idleSeconds = (now - lastDoneNanos) / 1_000_000_000L;
      LOG.info(
          "pull team {}: {}/{} tasks done, {} events received, {} s so far{}",
          teamId,
          done,
          tasksTotal,
          events.get(),
          (now - startNanos) / 1_000_000_000L,
          now - lastDoneNanos >= waiting.toNanos()
              ? "; no task finished for "
                  + idleSeconds
                  + " s, waiting for the server (its retries are in the log file)"
              : "");
    }

    @Override
    public void close() {
      ticker.shutdownNow();
    }
  }

  private static final class Silent extends Progress {
    @Override
    protected void changed() {}

    @Override
    public void close() {}
  }
}
