package dev.labelmeter.cli;

import dev.labelmeter.cli.logging.Logging;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/** The entry point of {@code scripts/labelmeter} and of {@code java -jar labelmeter.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    CommandLine commandLine = commandLine(CliContext.fromProcess(), true);
    LabelmeterCommand top = commandLine.getCommand();
    AtomicBoolean finished = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> sayIfStopped(top, finished), "stop-notice"));
    int exitCode = commandLine.execute(args);
    finished.set(true);
    System.exit(exitCode);
  }

  /**
   * Says, when a signal (Ctrl-C, {@code kill}) ends the process before its command returned, what
   * that command leaves: nothing is half-written, as files are replaced by renames. A command that
   * writes nothing to keep, such as the simulator stopped with Ctrl-C as it is meant to be, says
   * nothing.
   */
  private static void sayIfStopped(LabelmeterCommand top, AtomicBoolean finished) {
    if (!finished.get()) {
      top.stopNotice()
          .ifPresent(
              line -> {
                System.err.println(line);
                System.err.flush();
              });
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
    top.running(command(parsed));
    return new RunLast().execute(parsed);
  }

  /** Returns the object of the command that {@code parsed} runs: the last one named. */
  static Object command(ParseResult parsed) {
    List<CommandLine> named = parsed.asCommandLineList();
    return named.get(named.size() - 1).getCommand();
  }
}
