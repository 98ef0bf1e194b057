package dev.labelmeter.pull;

import java.time.Duration;
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
      case AUTO -> System.console() != null ? new Bar(teamId) : new LogLines(teamId);
      case BAR -> new Bar(teamId);
      case LOG -> new LogLines(teamId);
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

  private static final class LogLines extends Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Pull.class);
    private final long teamId;
    private final long startNanos = System.nanoTime();
    private long lastLogNanos = startNanos;

    LogLines(long teamId) {
      this.teamId = teamId;
    }

    @Override
    protected synchronized void changed() {
      long now = System.nanoTime();
      if (now - lastLogNanos >= LOG_INTERVAL.toNanos()) {
        lastLogNanos = now;
        LOG.info(
            "pull team {}: {}/{} tasks done, {} events received, {} s so far",
            teamId,
            tasksDone.get(),
            tasksTotal,
            events.get(),
            (now - startNanos) / 1_000_000_000L);
      }
    }

    @Override
    public void close() {}
  }

  private static final class Silent extends Progress {
    @Override
    protected void changed() {}

    @Override
    public void close() {}
  }
}
