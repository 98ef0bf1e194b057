package dev.labelmeter.cli.jobs;

import dev.labelmeter.supervisely.LabelingJobApi;
import picocli.CommandLine.Command;

/** {@code labelmeter jobs archive}: archives labeling jobs. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description =
        "Archives labeling jobs: they then show only with --show-disabled (jobs.archive).")
final class ArchiveJobsCommand extends JobActionCommand {
  @Override
  void apply(LabelingJobApi jobs, long id) {
    jobs.archive(id);
  }

  @Override
  String done() {
    return "archived";
  }
}
