package dev.labelmeter.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.util.List;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Lets through to the console the events at or above the level {@code -v}/{@code -q} chose, and
 * keeps two kinds of events off the console unless the user asked for detail ({@code -v}): events
 * marked file-only, and every event of a library (Spark, Hadoop, Jetty, ...: any logger outside
 * {@code dev.labelmeter}), whose warnings such as Hadoop's "Unable to load native-hadoop library"
 * are about the library's own set-up. Both still reach the log file. File-only are the events
 * marked {@link Logging#FILE_ONLY} and the client's lines about single HTTP attempts ({@link
 * SuperviselyApi#ATTEMPT_LOG}): retries are routine, and a call that fails for good throws, so the
 * error line or the pull's warnings tell the user. Referenced from {@code logback.xml}.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {
  /** The loggers of the product; all others are libraries'. */
  static final String OWN_LOGGERS = "dev.labelmeter.";

  /**
   * The names of the file-only markers: constants, since logback creates this filter while it
   * starts, which may be during the static set-up of the very classes that hold the markers.
   */
  private static final Set<String> FILE_ONLY_MARKERS =
      Set.of(Logging.FILE_ONLY_NAME, SuperviselyApi.ATTEMPT_LOG_NAME);

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
    if (threshold.isGreaterOrEqual(Level.INFO) && (fileOnly(event) || fromLibrary(event))) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean fileOnly(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    return markers != null
        && markers.stream().map(Marker::getName).anyMatch(FILE_ONLY_MARKERS::contains);
  }

  private static boolean fromLibrary(ILoggingEvent event) {
    String name = event.getLoggerName();
    return name == null || !name.startsWith(OWN_LOGGERS);
  }
}
