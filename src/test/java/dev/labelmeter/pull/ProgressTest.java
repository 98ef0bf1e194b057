package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log lines of a pull without a terminal: they go on while the server keeps it waiting. */
class ProgressTest {

  @Test
  void aPullWaitingOnTheServerKeepsLoggingAndSaysItIsWaiting() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(Pull.class);
    logger.addAppender(logs);
    try (Progress progress =
        new Progress.LogLines(7, Duration.ofMillis(20), Duration.ofMillis(100))) {
      progress.addTasks(3);
      progress.taskDone();

      // No more calls: only the ticker can log. Wait (at most 10 s) for a waiting line.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (waitingLines(logs).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      logger.detachAppender(logs);
    }

    assertThat(waitingLines(logs))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("pull team 7: 1/3 tasks done, 0 events received, ")
                    .contains("; no task finished for ")
                    .endsWith(" s, waiting for the server (its retries are in the log file)"));
  }

  private static List<String> waitingLines(ListAppender<ILoggingEvent> logs) {
    synchronized (logs.list) {
      return logs.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains("waiting for the server"))
          .toList();
    }
  }
}
