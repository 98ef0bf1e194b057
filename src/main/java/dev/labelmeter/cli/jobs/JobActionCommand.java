package dev.labelmeter.cli.jobs;

import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.supervisely.LabelingJobApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * A jobs command that does one thing to each of several jobs, in order, and prints a line per job
 * done ({@code stop}, {@code archive}). It stops at the first job that fails.
 */
abstract class JobActionCommand extends JobsSubcommand {
  @Parameters(
      paramLabel = "JOB_ID",
      arity = "1..*",
      converter = JobIdConverter.class,
      description = "The jobs to ${COMMAND-NAME}.")
  List<Long> ids = new ArrayList<>();

  /** Does the command's action to job {@code id}. */
  abstract void apply(LabelingJobApi jobs, long id);

  /** Returns the action in the past tense, as printed: {@code stopped}. */
  abstract String done();

  @Override
  public Integer call() {
    Connected connected = connect();
    for (long id : ids) {
      aboutJob(connected, id, () -> apply(connected.jobs(), id));
      out().println(done() + " job " + id);
    }
    out().flush();
    return ExitCodes.OK;
  }
}
