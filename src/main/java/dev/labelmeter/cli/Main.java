package dev.labelmeter.cli;

import dev.labelmeter.cli.logging.Logging;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/** The entry point of {@code scripts/labelmeter} and of {@code java -jar labelmeter.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    AtomicBoolean finished = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> sayIfStopped(finished), "stop-notice"));
    int exitCode = commandLine(CliContext.fromProcess(), true).execute(args);
    finished.set(true);
    System.exit(exitCode);
  }

  /**
   * Says, when a signal (Ctrl-C, {@code kill}) ends the process before its command returned, that
   * nothing was left half-written: files are replaced by renames, the manifest last.
   */
  private static void sayIfStopped(AtomicBoolean finished) {
    if (!finished.get()) {
      System.err.println(
          "labelmeter: stopped before the end; the data store and the reports keep their last"
              + " complete state, and the next run cleans up what this one left");
      System.err.flush();
    }
  }

  /**
   * Returns the command line with the exit-code contract installed: 0 done, 1 failure while
   * running, 2 usage error.
   *
   * @param context the environment, directories and clock the commands see
   * @param logToFile whether commands write the rolling log file
   */
  public static CommandLine commandLine(CliContext context, boolean logToFile) {
    LabelmeterCommand top = new LabelmeterCommand(context, logToFile);
    CommandLine commandLine = new CommandLine(top);
    ErrorHandlers handlers = new ErrorHandlers();
    commandLine.setParameterExceptionHandler(handlers);
    commandLine.setExecutionExceptionHandler(handlers);
    commandLine.setExecutionStrategy(Main::execute);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  private static int execute(ParseResult parsed) {
    LabelmeterCommand top = (LabelmeterCommand) parsed.commandSpec().userObject();
    Logging.configure(top.globals().verbosity());
    return new RunLast().execute(parsed);
  }
}
