package dev.labelmeter.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** The names of markers the running command keeps off the console: see {@link #keepOff}. */
  private static final Set<String> keptOff = ConcurrentHashMap.newKeySet();

  private static volatile Level threshold = Level.INFO;

  /** Sets the console's level for a new run, which keeps nothing else off the console yet. */
  static void setThreshold(Level level) {
    threshold = level;
    keptOff.clear();
  }

  /** Keeps events marked {@code markerName} off the console for the rest of the run. */
  static void keepOff(String markerName) {
    keptOff.add(markerName);
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
        && markers.stream()
            .map(Marker::getName)
            .anyMatch(name -> FILE_ONLY_MARKERS.contains(name) || keptOff.contains(name));
  }

  private static boolean fromLibrary(ILoggingEvent event) {
    String name = event.getLoggerName();
    return name == null || !name.startsWith(OWN_LOGGERS);
  }
}
