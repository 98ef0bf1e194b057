package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.cli.BaseCommand;
import dev.labelmeter.cli.CommandFailure;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.cli.ServerConnection;
import dev.labelmeter.cli.ServerOptions;
import dev.labelmeter.cli.TeamOptions;
import dev.labelmeter.cli.config.Durations;
import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.output.CsvWriter;
import dev.labelmeter.store.AtomicFiles;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.supervisely.ActivityEvent;
import dev.labelmeter.supervisely.ActivityQuery;
import dev.labelmeter.supervisely.CreateJobRequest;
import dev.labelmeter.supervisely.JobListQuery;
import dev.labelmeter.supervisely.JobStats;
import dev.labelmeter.supervisely.LabelingJobApi;
import dev.labelmeter.supervisely.LabelingJobInfo;
import dev.labelmeter.supervisely.Status;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

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
      JobsCommand.ListJobs.class,
      JobsCommand.Info.class,
      JobsCommand.Create.class,
      JobsCommand.Stop.class,
      JobsCommand.Archive.class,
      JobsCommand.StatusOf.class,
      JobsCommand.Wait.class,
      JobsCommand.Stats.class,
      JobsCommand.Activity.class
    })
public final class JobsCommand extends BaseCommand {

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "no jobs command given; choose one of: " + String.join(", ", spec.subcommands().keySet()));
  }

  /** What every jobs command shares: the server option, the client and JSON output. */
  abstract static class JobsSubcommand extends BaseCommand {
    @Mixin ServerOptions server;

    @Override
    protected Map<Setting, FlagValue> flags() {
      Map<Setting, FlagValue> flags = super.flags();
      server.addTo(flags);
      return flags;
    }

    /** Returns the settings and a client for their server. */
    Connected connect() {
      Settings settings = loadSettings();
      return new Connected(settings, ServerConnection.open(settings, context().env()));
    }

    void printJson(JsonNode json) throws IOException {
      out().println(StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
      out().flush();
    }
  }

  /** The settings of a jobs command and its client. */
  record Connected(Settings settings, SuperviselyApi api) {
    LabelingJobApi jobs() {
      return api.labelingJobs();
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = "Lists the labeling jobs of a team, with filters (jobs.list).")
  static final class ListJobs extends JobsSubcommand {
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

    @Option(
        names = "--json",
        description = "Prints the jobs as received, as JSON. Default: a table.")
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
      JobListQuery query = query(connected.settings().requireTeam());
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

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = "Shows one labeling job with every field (jobs.info).")
  static final class Info extends JobsSubcommand {
    @Parameters(paramLabel = "JOB_ID", description = "The job to show.")
    long id;

    @Option(
        names = "--json",
        description = "Prints the job as received, as JSON. Default: a list" + " of fields.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Connected connected = connect();
      if (json) {
        JsonNode raw = connected.jobs().getInfoByIdRaw(id).orElseThrow(() -> noSuchJob(id));
        printJson(raw);
        return ExitCodes.OK;
      }
      LabelingJobInfo info = connected.jobs().getInfoById(id).orElseThrow(() -> noSuchJob(id));
      JobTables.info(info).print(out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = "Creates labeling jobs over a dataset, one per labeler (jobs.add).")
  static final class Create extends JobsSubcommand {
    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "Names the jobs. Required; there is no default.")
    String name;

    @Option(
        names = "--dataset",
        required = true,
        paramLabel = "ID",
        description = "Labels the images of this dataset. Required; there is no default.")
    long dataset;

    @Option(
        names = "--user",
        required = true,
        paramLabel = "USER_ID",
        split = ",",
        description =
            "Creates one job for each of these labelers, comma-separated. Required;"
                + " there is no default.")
    List<Long> users = new ArrayList<>();

    @Option(
        names = "--reviewer",
        paramLabel = "USER_ID",
        description = "Has this user review the jobs. Default: no reviewer.")
    Long reviewer;

    @Option(
        names = "--readme",
        paramLabel = "TEXT",
        description = "Shows this text to the labelers. Default: none.")
    String readme;

    @Option(
        names = "--description",
        paramLabel = "TEXT",
        description = "Describes the jobs. Default: none.")
    String description;

    @Option(
        names = "--classes",
        paramLabel = "NAME",
        split = ",",
        description = "Lets labelers use only these classes, comma-separated. Default: all.")
    List<String> classes = new ArrayList<>();

    @Option(
        names = "--objects-limit",
        paramLabel = "N",
        description = "Allows at most N labels per image. Default: no limit.")
    Integer objectsLimit;

    @Option(
        names = "--tags",
        paramLabel = "NAME",
        split = ",",
        description = "Lets labelers use only these tags, comma-separated. Default: all.")
    List<String> tags = new ArrayList<>();

    @Option(
        names = "--tags-limit",
        paramLabel = "N",
        description = "Allows at most N tags per image. Default: no limit.")
    Integer tagsLimit;

    @Option(
        names = "--include-images-with-tags",
        paramLabel = "NAME",
        split = ",",
        description = "Includes only images with these tags. Default: all images.")
    List<String> includeTags = new ArrayList<>();

    @Option(
        names = "--exclude-images-with-tags",
        paramLabel = "NAME",
        split = ",",
        description = "Leaves out images with these tags. Default: none left out.")
    List<String> excludeTags = new ArrayList<>();

    @Option(
        names = "--images-range",
        paramLabel = "START:END",
        description =
            "Gives each labeler this slice of the dataset's images, e.g. 0:100."
                + " Default: all images.")
    String imagesRange;

    @Option(
        names = "--image-ids",
        paramLabel = "ID",
        split = ",",
        description = "Labels only these images, comma-separated. Default: all images.")
    List<Long> imageIds = new ArrayList<>();

    @Option(
        names = "--guide",
        paramLabel = "ID",
        description = "Shows this labeling guide. Default: none.")
    Long guide;

    @Option(names = "--json", description = "Prints the created jobs as JSON. Default: a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      CreateJobRequest request = request();
      Connected connected = connect();
      List<LabelingJobInfo> created = connected.jobs().create(request);
      LOG.info(
          "created {} jobs: {}",
          created.size(),
          created.stream().map(LabelingJobInfo::id).toList());
      if (json) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (LabelingJobInfo job : created) {
          connected.jobs().getInfoByIdRaw(job.id()).ifPresent(all::add);
        }
        printJson(all);
        return ExitCodes.OK;
      }
      JobTables.list(created).print(out());
      return ExitCodes.OK;
    }

    private CreateJobRequest request() {
      CreateJobRequest.Builder builder =
          CreateJobRequest.builder(name, dataset, users)
              .readme(readme)
              .description(description)
              .classesToLabel(classes)
              .objectsLimitPerImage(objectsLimit)
              .tagsToLabel(tags)
              .tagsLimitPerImage(tagsLimit)
              .includeImagesWithTags(includeTags)
              .excludeImagesWithTags(excludeTags)
              .reviewerId(reviewer)
              .imageIds(imageIds)
              .guideId(guide);
      if (imagesRange != null) {
        int[] range = range(imagesRange);
        builder.imagesRange(range[0], range[1]);
      }
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }

    private int[] range(String text) {
      String[] parts = text.split(":");
      try {
        if (parts.length == 2) {
          return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      throw new ParameterException(
          spec.commandLine(),
          "--images-range '" + text + "' is not START:END; give two whole numbers, e.g. 0:100");
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = "Stops labeling jobs: their labelers can no longer work on them (jobs.stop).")
  static final class Stop extends JobsSubcommand {
    @Parameters(paramLabel = "JOB_ID", arity = "1..*", description = "The jobs to stop.")
    List<Long> ids = new ArrayList<>();

    @Override
    public Integer call() {
      Connected connected = connect();
      for (long id : ids) {
        connected.jobs().stop(id);
        out().println("stopped job " + id);
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "archive",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Archives labeling jobs: they then show only with --show-disabled" + " (jobs.archive).")
  static final class Archive extends JobsSubcommand {
    @Parameters(paramLabel = "JOB_ID", arity = "1..*", description = "The jobs to archive.")
    List<Long> ids = new ArrayList<>();

    @Override
    public Integer call() {
      Connected connected = connect();
      for (long id : ids) {
        connected.jobs().archive(id);
        out().println("archived job " + id);
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = "Prints the status of a labeling job, such as in_progress.")
  static final class StatusOf extends JobsSubcommand {
    @Parameters(paramLabel = "JOB_ID", description = "The job.")
    long id;

    @Option(
        names = "--json",
        description = "Prints {\"id\": ..., \"status\": ...}. Default: the" + " status alone.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Status status = connect().jobs().getStatus(id);
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

  @Command(
      name = "wait",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description = {
        "Waits until a labeling job has a status. Exits 0 when it does, 1 when the attempts run"
            + " out first."
      })
  static final class Wait extends JobsSubcommand {
    @Parameters(paramLabel = "JOB_ID", description = "The job.")
    long id;

    @Option(
        names = "--status",
        required = true,
        paramLabel = "STATUS",
        description = "Waits for this status, e.g. completed. Required; there is no default.")
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
      if (attempts < 1) {
        throw new ParameterException(
            spec.commandLine(), "--attempts must be 1 or more, got " + attempts);
      }
      connect().jobs().waitFor(id, Status.of(status), attempts, pause);
      out().println("job " + id + " is " + status);
      out().flush();
      return ExitCodes.OK;
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

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Shows a labeling job's statistics: progress, durations and classes" + " (jobs.stats).")
  static final class Stats extends JobsSubcommand {
    @Parameters(paramLabel = "JOB_ID", description = "The job.")
    long id;

    @Option(
        names = "--images",
        description = "Lists every image too. Default: job and classes" + " only.")
    boolean images;

    @Option(
        names = "--json",
        description = "Prints the stats as received, as JSON. Default:" + " tables.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Connected connected = connect();
      if (json) {
        printJson(connected.jobs().getStatsRaw(id));
        return ExitCodes.OK;
      }
      JobStats stats = connected.jobs().getStats(id);
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

  @Command(
      name = "activity",
      mixinStandardHelpOptions = true,
      usageHelpAutoWidth = true,
      description =
          "Shows the activity log of a labeling job (teams.activity), or writes it as"
              + " CSV with all 18 columns.")
  static final class Activity extends JobsSubcommand {
    private static final Logger LOG = LoggerFactory.getLogger(Activity.class);

    @Mixin TeamOptions team;

    @Parameters(paramLabel = "JOB_ID", description = "The job.")
    long id;

    @Option(
        names = "--csv",
        paramLabel = "FILE",
        description =
            "Writes the events to FILE as CSV (texts that look like formulas are"
                + " defused). Default: print a table.")
    Path csv;

    @Option(
        names = "--json",
        description = "Prints the events as received, as JSON. Default: a" + " table.")
    boolean json;

    @Override
    protected Map<Setting, FlagValue> flags() {
      Map<Setting, FlagValue> flags = super.flags();
      team.addTo(flags);
      return flags;
    }

    @Override
    public Integer call() throws IOException {
      if (csv != null && json) {
        throw new ParameterException(spec.commandLine(), "give either --csv or --json, not both");
      }
      Connected connected = connect();
      ActivityQuery query = ActivityQuery.team(connected.settings().requireTeam()).withJobId(id);
      if (csv != null) {
        Path file = context().workingDir().resolve(csv);
        long rows = writeCsv(connected, query, file);
        LOG.info("activity: wrote {} events of job {} to {}", rows, id, file);
        out().println(file);
        out().flush();
        return ExitCodes.OK;
      }
      if (json) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        connected.api().activity().forEachPage(query, page -> all.addAll(page.entities()));
        printJson(all);
        return ExitCodes.OK;
      }
      JobTables.activity(connected.api().activity().getEvents(query)).print(out());
      return ExitCodes.OK;
    }

    private static long writeCsv(Connected connected, ActivityQuery query, Path file)
        throws IOException {
      long[] rows = {0};
      AtomicFiles.write(
          file,
          stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CsvWriter out = new CsvWriter(writer);
            out.writeRow(ActivityEvent.KEYS);
            try {
              connected
                  .api()
                  .activity()
                  .forEachEventPage(
                      query,
                      page -> {
                        for (ActivityEvent event : page.entities()) {
                          writeEvent(out, event);
                          rows[0]++;
                        }
                      });
            } catch (UncheckedIOException e) {
              throw e.getCause();
            }
            writer.flush();
          });
      return rows[0];
    }

    private static void writeEvent(CsvWriter out, ActivityEvent e) {
      try {
        out.writeRow(
            java.util.Arrays.asList(
                e.userId(),
                e.action(),
                e.date() == null ? null : e.date().toString(),
                e.user(),
                e.projectId(),
                e.project(),
                e.datasetId(),
                e.dataset(),
                e.imageId(),
                e.image(),
                e.classId(),
                e.className(),
                e.figureId(),
                e.job(),
                e.jobId(),
                e.tag(),
                e.tagId(),
                e.metaJson()));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(JobsCommand.class);

  static CommandFailure noSuchJob(long id) {
    return new CommandFailure(
        "labeling job "
            + id
            + " does not exist on the server; check the id with 'labelmeter"
            + " jobs list --show-disabled'");
  }
}
