package dev.labelmeter.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The console's stack traces: shown only with {@code -v} or more, secrets masked. By default a
 * console line says what failed in words; the stack trace goes to the log file alone.
 */
public final class ConsoleThrowableConverter extends RedactingThrowableConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return ConsoleFilter.threshold().isGreaterOrEqual(Level.INFO) ? "" : super.convert(event);
  }
}
