package dev.labelmeter.cli.jobs;

import dev.labelmeter.cli.BaseCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code labelmeter jobs}: Supervisely's Labeling Job API from the shell. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Labeling jobs on the server, from the shell: list, inspect, create, stop, archive, wait"
          + " for a status, stats and activity. Output is a readable table, or JSON with --json.",
      ""
    },
    subcommands = {
      ListJobsCommand.class,
      JobInfoCommand.class,
      CreateJobsCommand.class,
      StopJobsCommand.class,
      ArchiveJobsCommand.class,
      JobStatusCommand.class,
      WaitJobCommand.class,
      JobStatsCommand.class,
      JobActivityCommand.class
    })
public final class JobsCommand extends BaseCommand {

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "no jobs command given; choose one of: " + String.join(", ", spec.subcommands().keySet()));
  }
}
