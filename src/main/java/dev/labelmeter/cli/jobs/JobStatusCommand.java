package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.supervisely.Status;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code labelmeter jobs status}: the status of a labeling job. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Prints the status of a labeling job, such as in_progress.")
final class JobStatusCommand extends JobsSubcommand {
  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class, description = "The job.")
  long id;

  @Option(
      names = "--json",
      description = "Prints {\"id\": ..., \"status\": ...}. Default: the status alone.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Connected connected = connect();
    Status status = aboutJob(connected, id, () -> connected.jobs().getStatus(id));
    if (json) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("id", id);
      node.put("status", status.value());
      printJson(node);
      return ExitCodes.OK;
    }
    out().println(status.value());
    out().flush();
    return ExitCodes.OK;
  }
}
