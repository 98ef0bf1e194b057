package dev.labelmeter.cli;

import dev.labelmeter.cli.jobs.JobsCommand;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: holds the context and the global options; its subcommands do the work. */
@Command(
    name = "labelmeter",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Nightly labeling-team reports from Supervisely's Labeling Job API: pulls a team's jobs,"
          + " stats and activity into a local store, computes throughput, active time, review"
          + " outcomes and job progress, and writes an Excel workbook and an HTML report.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 failed while running (server, network, disk, data), 2 wrong"
          + " command line, argument (such as an unknown job id) or configuration; nothing was"
          + " done.",
      "Configuration: conf/labelmeter.yaml, overridden by the environment, then by flags; see"
          + " 'labelmeter config'."
    },
    subcommands = {
      RunCommand.class,
      PullCommand.class,
      ReportCommand.class,
      ExportCommand.class,
      SqlCommand.class,
      JobsCommand.class,
      SimulatorCommand.class,
      DemoCommand.class,
      ConfigCommand.class
    })
public final class LabelmeterCommand implements Callable<Integer> {
  private final CliContext context;
  private final boolean logToFile;

  /** The command being run, once parsed: the one whose stop notice a signal prints. */
  private volatile Object running;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions globals;

  /**
   * Returns the top command.
   *
   * @param context the environment, directories and clock of this run
   * @param logToFile whether to write the rolling log file (a real process) or not (tests)
   */
  public LabelmeterCommand(CliContext context, boolean logToFile) {
    this.context = context;
    this.logToFile = logToFile;
  }

  CliContext context() {
    return context;
  }

  boolean logToFile() {
    return logToFile;
  }

  GlobalOptions globals() {
    return globals;
  }

  /** Records the command about to run (a subcommand's object, or this one). */
  void running(Object command) {
    this.running = command;
  }

  /**
   * Returns the line to print when a signal ends the running command: see {@link
   * BaseCommand#stopNotice()}; empty before a command runs.
   */
  Optional<String> stopNotice() {
    return running instanceof BaseCommand command ? command.stopNotice() : Optional.empty();
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "no command given; choose one of: " + String.join(", ", spec.subcommands().keySet()));
  }
}
