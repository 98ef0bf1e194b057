package dev.labelmeter.metrics.spark;

/** A query that Spark could not parse, analyze or run; the message is Spark's own. */
public final class SparkQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  SparkQueryException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
