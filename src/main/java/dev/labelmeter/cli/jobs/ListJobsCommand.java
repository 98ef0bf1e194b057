package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.cli.TeamOptions;
import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.supervisely.JobListQuery;
import dev.labelmeter.supervisely.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code labelmeter jobs list}: a team's labeling jobs, with the filters of {@code jobs.list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Lists the labeling jobs of a team, with filters (jobs.list).")
final class ListJobsCommand extends JobsSubcommand {
  @Mixin TeamOptions team;

  @Option(
      names = "--created-by",
      paramLabel = "USER_ID",
      description = "Lists only jobs created by this manager. Default: any.")
  Long createdBy;

  @Option(
      names = "--assigned-to",
      paramLabel = "USER_ID",
      description = "Lists only jobs of this labeler. Default: any.")
  Long assignedTo;

  @Option(
      names = "--reviewer",
      paramLabel = "USER_ID",
      description = "Lists only jobs reviewed by this user. Default: any.")
  Long reviewer;

  @Option(
      names = "--project",
      paramLabel = "ID",
      description = "Lists only jobs of this project. Default: any.")
  Long project;

  @Option(
      names = "--dataset",
      paramLabel = "ID",
      description = "Lists only jobs of this dataset. Default: any.")
  Long dataset;

  @Option(
      names = "--show-disabled",
      description = "Lists archived jobs too. Default: active jobs only.")
  boolean showDisabled;

  @Option(
      names = "--not-in-queue",
      description = "Lists only jobs not created by a labeling queue. Default: all jobs.")
  boolean notInQueue;

  @Option(
      names = "--queue",
      paramLabel = "ID",
      split = ",",
      description = "Lists only jobs of these labeling queues, comma-separated. Default: any.")
  List<Long> queues = new ArrayList<>();

  @Option(
      names = "--exclude-status",
      paramLabel = "STATUS",
      split = ",",
      description =
          "Leaves out jobs in these statuses, comma-separated (e.g."
              + " completed,stopped). Default: none left out.")
  List<String> excludedStatuses = new ArrayList<>();

  @Option(names = "--json", description = "Prints the jobs as received, as JSON. Default: a table.")
  boolean json;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    return flags;
  }

  @Override
  public Integer call() throws IOException {
    Connected connected = connect();
    JobListQuery query = query(knownTeam(connected, connected.settings().requireTeam()));
    if (json) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      connected.jobs().forEachRawPage(query, page -> all.addAll(page.entities()));
      printJson(all);
      return ExitCodes.OK;
    }
    JobTables.list(connected.jobs().getList(query)).print(out());
    return ExitCodes.OK;
  }

  private JobListQuery query(long teamId) {
    JobListQuery query =
        JobListQuery.team(teamId)
            .withCreatedBy(createdBy)
            .withAssignedTo(assignedTo)
            .withReviewer(reviewer)
            .withProjectId(project)
            .withDatasetId(dataset)
            .withShowDisabled(showDisabled)
            .withQueueIds(queues)
            .withExcludedStatuses(excludedStatuses.stream().map(Status::of).toList());
    return notInQueue ? query.withNotInQueue() : query;
  }
}
