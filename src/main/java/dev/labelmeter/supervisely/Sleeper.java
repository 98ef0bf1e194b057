package dev.labelmeter.supervisely;

import java.time.Duration;

/** Waits between retries and polls; injectable so that tests record waits instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Returns after {@code duration} has passed, or throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
