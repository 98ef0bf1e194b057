package dev.labelmeter.cli;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.cli.logging.Logging;
import dev.labelmeter.cli.logging.Redactor;
import dev.labelmeter.pull.PullException;
import dev.labelmeter.supervisely.SuperviselyException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into the exit-code contract: a wrong command line or configuration prints what is
 * wrong and how to fix it and exits 2; a failure while running prints one line and exits 1, with
 * the stack trace in the log file (and on the console with {@code -v}). Every error line of the
 * command line is printed by {@link #printError}, so all share one prefix.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  /** The start of every error line on standard error, as in the launcher script. */
  static final String PREFIX = "labelmeter: ";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    return usageError(ex);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    if (ex instanceof ParameterException parameter) {
      return usageError(parameter);
    }
    if (ex instanceof ConfigException
        || ex instanceof UsageException
        || isServerUsageError(ex)
        || isPullUsageError(ex)) {
      LOG.debug(Logging.FILE_ONLY, "{} stopped", command.getCommandSpec().qualifiedName(), ex);
      PrintWriter err = command.getErr();
      printError(
          err,
          ex instanceof ConfigException config && config.inCommandLine()
              ? UsageMessages.withHelp(ex.getMessage(), command.getCommandSpec())
              : message(ex));
      err.flush();
      return ExitCodes.USAGE;
    }
    return failure(ex, command);
  }

  /**
   * Returns whether a pull could not start because of what the user asked for. A data directory
   * found unusable before the pull writes anything is one (a disk that fills up later is not: it
   * fails while writing, with an IOException).
   */
  private static boolean isPullUsageError(Exception ex) {
    return ex instanceof PullException pull
        && (pull.reason() == PullException.Reason.UNKNOWN_TEAM
            || pull.reason() == PullException.Reason.TOKEN_REFUSED
            || pull.reason() == PullException.Reason.DATA_DIR_UNUSABLE
            || pull.reason() == PullException.Reason.BAD_OPTION);
  }

  /** Returns whether the server said the setup is wrong: address, token or access. */
  private static boolean isServerUsageError(Exception ex) {
    return ex instanceof SuperviselyException server
        && (server.kind() == SuperviselyException.Kind.CONFIGURATION
            || server.kind() == SuperviselyException.Kind.ACCESS_DENIED);
  }

  private static int usageError(ParameterException ex) {
    PrintWriter err = ex.getCommandLine().getErr();
    printError(err, UsageMessages.of(ex));
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int failure(Exception ex, CommandLine command) {
    String name = command.getCommandSpec().qualifiedName();
    LOG.error(Logging.FILE_ONLY, "{} failed", name, ex);
    PrintWriter err = command.getErr();
    printError(err, describe(ex));
    err.println(
        Logging.attachedFile()
            .map(file -> "See " + file + " for details, or run again with -v.")
            .orElse("Run again with -v for details."));
    err.flush();
    return ExitCodes.FAILURE;
  }

  /** Prints one error line: the common prefix, then {@code message} with secrets masked. */
  static void printError(PrintWriter err, String message) {
    err.println(PREFIX + Redactor.redact(message));
  }

  /** Returns the message of {@code ex} and of its causes that add something, in one line. */
  static String describe(Throwable ex) {
    Optional<String> store = StoreMessages.describe(ex);
    if (store.isPresent()) {
      return store.get();
    }
    Throwable shown =
        ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    StringBuilder text = new StringBuilder(message(shown));
    // A PullException's or SuperviselyException's message is complete; its causes are for the log.
    for (Throwable cause =
            shown instanceof PullException || shown instanceof SuperviselyException
                ? null
                : shown.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      String more = message(cause);
      if (!text.toString().contains(more)) {
        text.append(" (caused by ").append(more).append(')');
      }
    }
    return text.toString();
  }

  private static String message(Throwable ex) {
    String message = ex.getMessage();
    if (message == null || message.isBlank()) {
      return ex.getClass().getSimpleName();
    }
    if (ex instanceof SuperviselyException) {
      // The client words its failures as sentences; after "labelmeter: " they go on lower case.
      return UsageMessages.sentence(message);
    }
    return ex instanceof RuntimeException
            && !(ex instanceof IllegalArgumentException)
            && !(ex instanceof IllegalStateException)
            && ex.getClass().getName().startsWith("java.")
        ? ex.getClass().getSimpleName() + ": " + message
        : message;
  }
}
