package dev.labelmeter.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets through to the console the events at or above the level {@code -v}/{@code -q} chose, and
 * keeps events marked {@link Logging#FILE_ONLY} off the console unless the user asked for detail.
 * Referenced from {@code logback.xml}.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {
  private static volatile Level threshold = Level.INFO;

  static void setThreshold(Level level) {
    threshold = level;
  }

  static Level threshold() {
    return threshold;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(threshold)) {
      return FilterReply.DENY;
    }
    boolean fileOnly =
        event.getMarkerList() != null && event.getMarkerList().contains(Logging.FILE_ONLY);
    return fileOnly && threshold.isGreaterOrEqual(Level.INFO)
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
