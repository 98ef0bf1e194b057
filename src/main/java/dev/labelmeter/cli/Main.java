package dev.labelmeter.cli;

import dev.labelmeter.cli.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/** The entry point of {@code scripts/labelmeter} and of {@code java -jar labelmeter.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exitCode = commandLine(CliContext.fromProcess(), true).execute(args);
    System.exit(exitCode);
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
