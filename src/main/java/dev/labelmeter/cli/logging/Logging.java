package dev.labelmeter.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up logging for one run: the console level from {@code -v}/{@code -q} and the rolling log
 * file. The console pattern and the quiet third-party loggers live in {@code logback.xml}.
 */
public final class Logging {
  /** The name of {@link #FILE_ONLY}: a constant, so a log filter can match it early. */
  public static final String FILE_ONLY_NAME = "FILE_ONLY";

  /** Marks an event for the log file only, such as the stack trace of a reported failure. */
  public static final Marker FILE_ONLY = MarkerFactory.getMarker(FILE_ONLY_NAME);

  /** The name of the current log file in the log directory. */
  public static final String LOG_FILE = "labelmeter.log";

  private static final String FILE_APPENDER = "FILE";
  private static final String FILE_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{36} - %rmsg%n%rex";

  private Logging() {}

  /**
   * Sets the console's detail: {@code verbosity} -1 for {@code -q} (warnings and errors), 0 by
   * default (milestones), 1 for {@code -v} (details), 2 or more for {@code -vv} (everything).
   */
  public static void configure(int verbosity) {
    Level console =
        verbosity < 0
            ? Level.WARN
            : verbosity == 0 ? Level.INFO : verbosity == 1 ? Level.DEBUG : Level.TRACE;
    ConsoleFilter.setThreshold(console);
    LoggerContext context = context();
    context.getLogger("dev.labelmeter").setLevel(verbosity >= 1 ? console : Level.INFO);
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbosity >= 2 ? Level.DEBUG : Level.INFO);
    bridgeJavaUtilLogging();
  }

  /**
   * Keeps the events marked {@code marker} in the log file only for the rest of the run (unless
   * the user asked for detail with {@code -v}): for a command that prints what they say as its
   * result, so that a terminal does not show it twice.
   */
  public static void fileOnlyThisRun(Marker marker) {
    ConsoleFilter.keepOff(marker.getName());
  }

  /**
   * Adds the rolling log file {@code logDir/labelmeter.log}: rolled daily, old files gzipped and
   * deleted after {@code retentionDays}. Calling it again moves the file.
   *
   * @return why the file cannot be written, such as "/var/log/lm is a file, not a directory";
   *     empty when it is attached
   */
  public static Optional<String> attachFile(Path logDir, int retentionDays) {
    LoggerContext context = context();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    detachFile();
    Optional<String> unusable = unusable(logDir);
    if (unusable.isPresent()) {
      return unusable;
    }

    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(FILE_APPENDER);
    appender.setFile(logDir.resolve(LOG_FILE).toString());
    appender.setRollingPolicy(rollingPolicy(context, appender, logDir, retentionDays));
    appender.setEncoder(encoder(context));
    appender.start();
    if (!appender.isStarted()) {
      return Optional.of("cannot open " + logDir.resolve(LOG_FILE) + " for writing");
    }
    root.addAppender(appender);
    return Optional.empty();
  }

  /** Returns whether the log file is attached, so that a message may point to it. */
  public static boolean fileAttached() {
    return attachedFile().isPresent();
  }

  /** Returns the log file being written, absolute; empty when the run logs to the console only. */
  public static Optional<Path> attachedFile() {
    return context().getLogger(Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER)
            instanceof RollingFileAppender<ILoggingEvent> file
        ? Optional.of(Path.of(file.getFile()).toAbsolutePath().normalize())
        : Optional.empty();
  }

  private static Optional<String> unusable(Path logDir) {
    if (Files.exists(logDir) && !Files.isDirectory(logDir)) {
      return Optional.of(logDir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      return Optional.of("cannot create " + logDir + " (" + e.getClass().getSimpleName() + ")");
    }
    Path file = logDir.resolve(LOG_FILE);
    boolean writable = Files.exists(file) ? Files.isWritable(file) : Files.isWritable(logDir);
    return writable ? Optional.empty() : Optional.of("cannot write in " + logDir);
  }

  /** Removes the rolling log file, if attached. */
  public static void detachFile() {
    Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
    var appender = root.getAppender(FILE_APPENDER);
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
    }
  }

  private static TimeBasedRollingPolicy<ILoggingEvent> rollingPolicy(
      LoggerContext context,
      RollingFileAppender<ILoggingEvent> appender,
      Path logDir,
      int retentionDays) {
    TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(appender);
    policy.setFileNamePattern(logDir.resolve("labelmeter.%d{yyyy-MM-dd}.log.gz").toString());
    policy.setMaxHistory(retentionDays);
    policy.setCleanHistoryOnStart(true);
    policy.start();
    return policy;
  }

  private static PatternLayoutEncoder encoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(FILE_PATTERN);
    encoder.start();
    return encoder;
  }

  private static void bridgeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
