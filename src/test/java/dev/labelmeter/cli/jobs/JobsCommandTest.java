package dev.labelmeter.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.cli.CliContext;
import dev.labelmeter.cli.ExitCodes;
import dev.labelmeter.cli.Main;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.store.StoreJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code labelmeter jobs ...} against the simulator, checked against its ground truth. */
class JobsCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  @TempDir Path home;
  private SimulatorServer server;

  @BeforeEach
  void startSimulator() throws IOException {
    server =
        SimulatorServer.builder().teamSize(TeamSize.SMALL).seed(7).now(NOW).port(0).build().start();
  }

  @AfterEach
  void stopSimulator() {
    server.close();
  }

  @Test
  void listShowsTheActiveJobsOfTheTeam() {
    Result result = jobs("list", "--team", team());

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().lines().findFirst().orElseThrow()).matches(" *ID  NAME +STATUS .*");
    assertThat(idsInTable(result.out())).containsExactlyInAnyOrderElementsOf(activeJobIds());
  }

  @Test
  void listAsJsonWithDisabledJobsHasEveryJobAsReceived() throws IOException {
    Result result = jobs("list", "--team", team(), "--show-disabled", "--json");

    assertThat(result.code()).isEqualTo(ExitCodes.OK);
    List<Long> ids = new ArrayList<>();
    StoreJson.MAPPER.readTree(result.out()).forEach(job -> ids.add(job.get("id").asLong()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(allJobIds());
  }

  @Test
  void infoShowsTheJobAndAnUnknownJobIsAUsageErrorPointingToTheList() {
    ObjectNode job = server.jobs().get(0);

    Result found = jobs("info", job.get("id").asText());
    Result missing = jobs("info", "987654321");

    assertThat(found.code()).isEqualTo(ExitCodes.OK);
    assertThat(found.out()).contains(job.get("name").asText());
    assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .startsWith("labelmeter: labeling job 987654321 does not exist")
        .contains("'labelmeter jobs list --team ID --show-disabled'");
  }

  @Test
  void anUnknownJobIsAUsageErrorForEveryCommandThatTakesAJobId() {
    for (List<String> args :
        List.of(
            List.of("stats", "987654321"),
            List.of("status", "987654321"),
            List.of("stop", "987654321"),
            List.of("archive", "987654321"),
            List.of("wait", "987654321", "--status", "completed", "--attempts", "1"),
            List.of("activity", "987654321"))) {
      Result result = jobs(args.toArray(String[]::new));

      assertThat(result.code()).as(args + ": " + result.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err())
          .as(args.toString())
          .startsWith("labelmeter: labeling job 987654321 does not exist")
          .contains("jobs list");
    }
  }

  @Test
  void anUnknownTeamIsAUsageErrorLikeInPull() {
    long job = openJobId();

    Result list = jobs("list", "--team", "999");
    Result activity = jobs("activity", Long.toString(job), "--team", "999");

    for (Result result : List.of(list, activity)) {
      assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines())
          .containsExactly(
              "labelmeter: team 999 does not exist on "
                  + server.baseUrl()
                  + " or the token cannot see it: check the team id (it is in the team's URL)");
    }
  }

  @Test
  void aJobIdThatIsNotANumberIsAUsageErrorSayingWhatAJobIdIs() {
    Result info = jobs("info", "abc");
    Result stop = jobs("stop", "abc");

    for (Result result : List.of(info, stop)) {
      assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err())
          .startsWith("labelmeter: ")
          .contains("'abc' is not a job id: give the job's id number, e.g. 12345")
          .doesNotContain("not a long");
    }
  }

  @Test
  void waitRefusesAnUnknownStatusBeforeCallingTheServer() {
    Result result = jobs("wait", Long.toString(openJobId()), "--status", "nonsense");

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "labelmeter: --status 'nonsense' is not a labeling job status; use one of pending,"
                + " in_progress, on_review, completed, stopped, review_completed");
    assertThat(server.requestCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
  }

  @Test
  void aUsageErrorAndARunFailureSayWhatWentWrongWithTheSamePrefix() {
    long id = openJobId();

    Result usage = jobs("info", "987654321");
    Result failure =
        jobs(
            "wait",
            Long.toString(id),
            "--status",
            "completed",
            "--attempts",
            "1",
            "--interval",
            "0s");

    assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(failure.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(usage.err()).startsWith("labelmeter: labeling job");
    assertThat(failure.err())
        .startsWith("labelmeter: ")
        .doesNotStartWith("labelmeter: error:")
        .contains(Long.toString(id));
  }

  @Test
  void infoShowsTheImagesRangeInWords() {
    ObjectNode model = server.jobs().get(0);
    Result created =
        jobs(
            "create",
            "--name",
            "ranged",
            "--dataset",
            model.get("datasetId").asText(),
            "--user",
            model.get("userId").asText(),
            "--images-range",
            "0:10",
            "--json");
    long id = server.jobs().get(server.jobs().size() - 1).get("id").asLong();

    Result info = jobs("info", Long.toString(id));

    assertThat(created.code()).as(created.err()).isEqualTo(ExitCodes.OK);
    assertThat(info.code()).as(info.err()).isEqualTo(ExitCodes.OK);
    assertThat(info.out())
        .containsPattern("(?m)^images range +0 to 10 *$")
        .containsPattern("(?m)^archived +no *$")
        .doesNotContain("ImagesRange");
  }

  @Test
  void stopThenStatusThenWait() {
    long id = openJobId();

    assertThat(jobs("stop", Long.toString(id)).out()).contains("stopped job " + id);
    Result status = jobs("status", Long.toString(id));
    Result reached =
        jobs(
            "wait",
            Long.toString(id),
            "--status",
            "stopped",
            "--attempts",
            "2",
            "--interval",
            "0s");
    Result timedOut =
        jobs(
            "wait",
            Long.toString(id),
            "--status",
            "completed",
            "--attempts",
            "2",
            "--interval",
            "0s");

    assertThat(status.out().strip()).isEqualTo("stopped");
    assertThat(reached.code()).isEqualTo(ExitCodes.OK);
    assertThat(timedOut.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(timedOut.err()).contains(Long.toString(id)).contains("completed");
  }

  @Test
  void archiveHidesTheJobFromTheDefaultList() {
    long id = activeJobIds().get(0);

    Result archived = jobs("archive", Long.toString(id));

    assertThat(archived.code()).isEqualTo(ExitCodes.OK);
    assertThat(idsInTable(jobs("list", "--team", team()).out())).doesNotContain(id);
    assertThat(idsInTable(jobs("list", "--team", team(), "--show-disabled").out())).contains(id);
  }

  @Test
  void statsShowsJobAndClasses() throws IOException {
    long id = activeJobIds().get(0);

    Result table = jobs("stats", Long.toString(id));
    Result json = jobs("stats", Long.toString(id), "--json");

    assertThat(table.code()).as(table.err()).isEqualTo(ExitCodes.OK);
    assertThat(table.out()).contains("CLASS").contains("annotation duration");
    JsonNode stats = StoreJson.MAPPER.readTree(json.out());
    assertThat(stats).isEqualTo(server.stats().get(id));
  }

  @Test
  void activityCsvHasTheEighteenColumnsAndDefusesFormulas() throws IOException {
    long id = activeJobIds().get(0);
    ObjectNode evil = StoreJson.MAPPER.createObjectNode();
    evil.put("action", "create_figure")
        .put("date", "2026-11-29T12:00:00.000Z")
        .put("userId", 1)
        .put("jobId", id)
        .put("imageId", 1)
        .put("image", "=HYPERLINK(\"http://x\",\"y\")");
    server.appendEvents(List.of(evil));
    long expected = server.events().stream().filter(e -> e.path("jobId").asLong() == id).count();

    Result result = jobs("activity", Long.toString(id), "--team", team(), "--csv", "activity.csv");

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<String> lines = Files.readAllLines(home.resolve("activity.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "userId,action,date,user,projectId,project,datasetId,dataset,imageId,image,"
                + "classId,class,figureId,job,jobId,tag,tagId,meta");
    assertThat(lines).hasSize((int) expected + 1);
    assertThat(String.join("\n", lines))
        .contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        .doesNotContain(",=HYPERLINK");
  }

  @Test
  void activityWithoutTeamTakesTheTeamOfTheJob() throws IOException {
    long id = activeJobIds().get(0);
    long expected = server.events().stream().filter(e -> e.path("jobId").asLong() == id).count();

    Result result =
        run(
            Map.of(
                "SERVER_ADDRESS",
                server.baseUrl(),
                "API_TOKEN",
                server.token(),
                // Another team in the environment: the job's own team wins.
                "LABELMETER_TEAM",
                Long.toString(server.teamId() + 1000)),
            "jobs",
            "activity",
            Long.toString(id),
            "--csv",
            "activity.csv");

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(expected).isPositive();
    assertThat(Files.readAllLines(home.resolve("activity.csv"))).hasSize((int) expected + 1);
  }

  @Test
  void activityHelpSaysWhereTheTeamComesFrom() {
    Result help = jobs("activity", "--help");

    assertThat(help.code()).isEqualTo(ExitCodes.OK);
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--team=ID Reads the activity log of this team. Default: the team of the job");
  }

  @Test
  void createMakesOneJobPerLabeler() {
    ObjectNode model = server.jobs().get(0);
    String dataset = model.get("datasetId").asText();
    String labeler = model.get("userId").asText();
    int before = server.jobs().size();

    Result result = jobs("create", "--name", "new round", "--dataset", dataset, "--user", labeler);

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("new round");
    assertThat(server.jobs()).hasSize(before + 1);
  }

  @Test
  void aWrongTokenIsAUsageErrorNamingTheToken() {
    Result result =
        run(
            Map.of(
                "SERVER_ADDRESS",
                server.baseUrl(),
                "API_TOKEN",
                "x".repeat(128),
                "LABELMETER_RETRIES",
                "0"),
            "jobs",
            "list",
            "--team",
            team());

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).containsIgnoringCase("token").doesNotContain("x".repeat(128));
  }

  private record Result(int code, String out, String err) {}

  private Result jobs(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "jobs";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(Map.of("SERVER_ADDRESS", server.baseUrl(), "API_TOKEN", server.token()), all);
  }

  private Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(env, home, home, home.resolve("user"), Clock.fixed(NOW, ZoneOffset.UTC));
    CommandLine commandLine = Main.commandLine(context, false);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private String team() {
    return Long.toString(server.teamId());
  }

  private List<Long> allJobIds() {
    return server.jobs().stream().map(job -> job.get("id").asLong()).toList();
  }

  private List<Long> activeJobIds() {
    return server.jobs().stream()
        .filter(job -> !job.path("disabled").asBoolean(false))
        .map(job -> job.get("id").asLong())
        .toList();
  }

  private long openJobId() {
    return server.jobs().stream()
        .filter(job -> !job.path("disabled").asBoolean(false))
        .filter(
            job ->
                job.path("status").asText().equals("in_progress")
                    || job.path("status").asText().equals("pending"))
        .map(job -> job.get("id").asLong())
        .findFirst()
        .orElseThrow();
  }

  private static List<Long> idsInTable(String table) {
    return table
        .lines()
        .skip(2)
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(line -> Long.parseLong(line.split("\\s+")[0]))
        .toList();
  }
}
