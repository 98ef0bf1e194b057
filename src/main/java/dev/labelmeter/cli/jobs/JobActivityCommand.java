package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.labelmeter.cli.CommandFailure;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Origin;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.output.CsvWriter;
import dev.labelmeter.store.AtomicFiles;
import dev.labelmeter.supervisely.ActivityEvent;
import dev.labelmeter.supervisely.ActivityQuery;
import dev.labelmeter.supervisely.LabelingJobInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code labelmeter jobs activity}: a labeling job's activity log, as a table, CSV or JSON. */
@Command(
    name = "activity",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Shows the activity log of a labeling job (teams.activity), or writes it as CSV with all"
          + " 18 columns. The team is the job's own (from jobs.info) unless --team names one."
    })
final class JobActivityCommand extends JobsSubcommand {
  private static final Logger LOG = LoggerFactory.getLogger(JobActivityCommand.class);

  @Option(
      names = "--team",
      paramLabel = "ID",
      description =
          "Reads the activity log of this team. Default: the team of the job, as jobs.info"
              + " gives it (LABELMETER_TEAM and 'team' of the configuration are not used here).")
  String team;

  @Parameters(paramLabel = "JOB_ID", converter = JobIdConverter.class, description = "The job.")
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
      description = "Prints the events as received, as JSON. Default: a table.")
  boolean json;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    FlagValue.put(flags, Setting.TEAM, "--team", team);
    return flags;
  }

  @Override
  public Integer call() throws IOException {
    if (csv != null && json) {
      throw new ParameterException(spec.commandLine(), "give either --csv or --json, not both");
    }
    Connected connected = connect();
    ActivityQuery query = ActivityQuery.team(teamOf(connected)).withJobId(id);
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

  /** Returns the team of {@code --team}, else the job's own team from {@code jobs.info}. */
  private long teamOf(Connected connected) {
    if (connected.settings().origin(Setting.TEAM).kind() == Origin.Kind.FLAG) {
      return knownTeam(connected, connected.settings().requireTeam());
    }
    LabelingJobInfo info =
        connected.jobs().getInfoById(id).orElseThrow(() -> noSuchJob(connected.settings(), id));
    if (info.teamId() == null) {
      throw new CommandFailure(
          "jobs.info of job " + id + " gave no teamId; name the job's team with --team ID");
    }
    LOG.debug("activity: job {} belongs to team {}", id, info.teamId());
    return info.teamId();
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
          Arrays.asList(
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
