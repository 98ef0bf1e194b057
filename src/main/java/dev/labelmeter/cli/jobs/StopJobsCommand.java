package dev.labelmeter.cli.jobs;

import dev.labelmeter.supervisely.LabelingJobApi;
import picocli.CommandLine.Command;

/** {@code labelmeter jobs stop}: stops labeling jobs. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Stops labeling jobs: their labelers can no longer work on them (jobs.stop).")
final class StopJobsCommand extends JobActionCommand {
  @Override
  void apply(LabelingJobApi jobs, long id) {
    jobs.stop(id);
  }

  @Override
  String done() {
    return "stopped";
  }
}
