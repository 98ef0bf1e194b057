package dev.labelmeter.cli.jobs;

import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.supervisely.JobStats;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code labelmeter jobs stats}: progress, durations and classes of a labeling job. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description =
        "Shows a labeling job's statistics: progress, durations and classes (jobs.stats).")
final class JobStatsCommand extends JobsSubcommand {
  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class, description = "The job.")
  long id;

  @Option(names = "--images", description = "Lists every image too. Default: job and classes only.")
  boolean images;

  @Option(names = "--json", description = "Prints the stats as received, as JSON. Default: tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Connected connected = connect();
    if (json) {
      printJson(aboutJob(connected, id, () -> connected.jobs().getStatsRaw(id)));
      return ExitCodes.OK;
    }
    JobStats stats = aboutJob(connected, id, () -> connected.jobs().getStats(id));
    JobTables.statsJob(stats).print(out());
    out().println();
    JobTables.statsClasses(stats).print(out());
    if (images && stats.images() != null) {
      out().println();
      JobTables.statsImages(stats).print(out());
    }
    return ExitCodes.OK;
  }
}
