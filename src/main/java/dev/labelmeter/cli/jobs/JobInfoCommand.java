package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.supervisely.LabelingJobInfo;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code labelmeter jobs info}: one labeling job with every field. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Shows one labeling job with every field (jobs.info).")
final class JobInfoCommand extends JobsSubcommand {
  @Parameters(
      paramLabel = "JOB_ID",
      converter = JobIdConverter.class,
      description = "The job to show.")
  long id;

  @Option(
      names = "--json",
      description = "Prints the job as received, as JSON. Default: a list of fields.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Connected connected = connect();
    if (json) {
      JsonNode raw =
          connected
              .jobs()
              .getInfoByIdRaw(id)
              .orElseThrow(() -> noSuchJob(connected.settings(), id));
      printJson(raw);
      return ExitCodes.OK;
    }
    LabelingJobInfo info =
        connected.jobs().getInfoById(id).orElseThrow(() -> noSuchJob(connected.settings(), id));
    JobTables.info(info).print(out());
    return ExitCodes.OK;
  }
}
