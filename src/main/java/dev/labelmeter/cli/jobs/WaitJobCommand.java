package dev.labelmeter.cli.jobs;

import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.cli.config.Durations;
import dev.labelmeter.supervisely.LabelingJobApi;
import dev.labelmeter.supervisely.Status;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code labelmeter jobs wait}: waits until a labeling job has a status. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Waits until a labeling job has a status. Exits 0 when it does, 1 when the attempts run"
          + " out first."
    })
final class WaitJobCommand extends JobsSubcommand {
  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class, description = "The job.")
  long id;

  @Option(
      names = "--status",
      required = true,
      paramLabel = "STATUS",
      description =
          "Waits for this status: pending, in_progress, on_review, completed, stopped or"
              + " review_completed. Required; there is no default.")
  String status;

  @Option(
      names = "--attempts",
      paramLabel = "N",
      description = "Checks at most N times. Default: 999, as Supervisely's SDK.")
  int attempts = LabelingJobApi.DEFAULT_WAIT_ATTEMPTS;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description = "Waits this long between checks, e.g. 5s. Default: 1s.")
  String interval = "1s";

  @Override
  public Integer call() {
    Duration pause = duration();
    Status target = target();
    if (attempts < 1) {
      throw new ParameterException(
          spec.commandLine(), "--attempts must be 1 or more, got " + attempts);
    }
    Connected connected = connect();
    aboutJob(connected, id, () -> connected.jobs().waitFor(id, target, attempts, pause));
    out().println("job " + id + " is " + status);
    out().flush();
    return ExitCodes.OK;
  }

  /** Returns the status of {@code --status}, which must be one the server can report. */
  private Status target() {
    Status target = Status.of(status);
    if (!target.isKnown()) {
      throw new ParameterException(
          spec.commandLine(),
          "--status '"
              + status
              + "' is not a labeling job status; use one of "
              + String.join(", ", Status.KNOWN.stream().map(Status::value).toList()));
    }
    return target;
  }

  private Duration duration() {
    try {
      Duration pause = Durations.parse(interval);
      if (!pause.isNegative()) {
        return pause;
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--interval: " + e.getMessage());
    }
    throw new ParameterException(spec.commandLine(), "--interval must not be negative");
  }
}
