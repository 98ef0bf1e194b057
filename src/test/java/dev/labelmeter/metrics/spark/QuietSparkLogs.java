package dev.labelmeter.metrics.spark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the loggers of Spark, Hadoop and Netty to WARN: without a logging configuration Logback logs
 * at DEBUG, and Spark's debug output (hundreds of thousands of lines per test class) slows every
 * job down.
 */
final class QuietSparkLogs {
  private QuietSparkLogs() {}

  /** Sets Spark's and its libraries' loggers to WARN. */
  static void apply() {
    for (String name : new String[] {"org.apache", "org.sparkproject", "io.netty", "org.eclipse"}) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
    }
  }
}
