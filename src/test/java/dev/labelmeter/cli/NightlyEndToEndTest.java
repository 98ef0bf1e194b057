package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.simulator.FaultConfig;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job end to end, in-process: {@code demo} and {@code run} against the simulator over
 * HTTP, with the reports read back; and the failures a user meets first, each with its documented
 * message and exit code and no report left behind.
 */
class NightlyEndToEndTest {
  static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  @TempDir Path home;

  @Test
  void demoWritesTheWorkbookAndThePageOfTheNight() throws IOException {
    CliRun.Result result =
        cli().run("demo", "--team-size", "small", "--reports-dir", "reports", "--data-dir", "data");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    List<Path> reports = reportFiles(home.resolve("reports"));
    assertThat(reports).hasSize(2);
    assertThat(result.out()).contains("Report: " + reports.get(0)).contains("Work: ");
    assertWorkbook(single(reports, ".xlsx"));
    assertPage(single(reports, ".html"));
    assertThat(reports.get(0).getFileName().toString())
        .matches("labelmeter-team\\d+-2026-11-30\\.(xlsx|html)");
  }

  @Test
  void runWithFaultsInjectedStillWritesCompleteReportsWithTheSameNumbers() throws IOException {
    List<String> clean;
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result = runAgainst(server, "clean");
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
      clean = summaryLines(result.out());
    }
    FaultConfig faults = FaultConfig.builder().errors(0.1, 503).drops(0.05).build();
    try (SimulatorServer server = simulator(faults)) {
      CliRun.Result result = runAgainst(server, "faulty");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
      assertThat(summaryLines(result.out())).isEqualTo(clean);
      List<Path> reports = reportFiles(home.resolve("faulty/reports"));
      assertWorkbook(single(reports, ".xlsx"));
      assertPage(single(reports, ".html"));
    }
  }

  @Test
  void aMissingTokenIsAUsageErrorAndWritesNothing() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .run("run", "--team", Long.toString(server.teamId()), "--reports-dir", "reports");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).contains("no API token given").contains("API_TOKEN");
      assertThat(home.resolve("reports")).doesNotExist();
      assertThat(server.requestCounts().values().stream().mapToLong(Long::longValue).sum())
          .isZero();
    }
  }

  @Test
  void anUnknownTeamIsAUsageErrorAndWritesNothing() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .env("API_TOKEN", server.token())
              .run("run", "--team", "987654", "--reports-dir", "reports", "--data-dir", "data");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).contains("team 987654 does not exist");
      assertThat(result.err() + result.out()).doesNotContain(server.token());
      assertThat(home.resolve("reports")).doesNotExist();
      assertThat(home.resolve("data/987654")).doesNotExist();
    }
  }

  @Test
  void aRefusedTokenIsAUsageErrorAndWritesNothing() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      String wrong = "w".repeat(128);
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .env("API_TOKEN", wrong)
              .env("LABELMETER_RETRIES", "0")
              .run("run", "--team", Long.toString(server.teamId()), "--reports-dir", "reports");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).contains("refused the API token").doesNotContain(wrong);
      assertThat(home.resolve("reports")).doesNotExist();
    }
  }

  @Test
  void anUnreachableServerIsAFailureAndWritesNothing() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun.Result result =
        cli()
            .env("SERVER_ADDRESS", "http://127.0.0.1:" + closedPort)
            .env("API_TOKEN", "t".repeat(128))
            .env("LABELMETER_RETRIES", "1")
            .run("run", "--team", "7", "--reports-dir", "reports", "--data-dir", "data");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err()).contains("cannot reach the server at http://127.0.0.1:" + closedPort);
    assertThat(home.resolve("reports")).doesNotExist();
    assertThat(home.resolve("data/7")).doesNotExist();
  }

  @Test
  void aPasswordInTheServerAddressIsAUsageErrorAndReachesNoFile() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      String withPassword = server.baseUrl().replace("http://", "http://me:SECRETX@");
      CliRun.Result result =
          cli()
              .env("API_TOKEN", server.token())
              .run("pull", "--team", "7", "--server", withPassword, "--data-dir", "data");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err())
          .contains("http://***@127.0.0.1", "API_TOKEN")
          .doesNotContain("SECRETX");
      assertThat(home.resolve("data")).doesNotExist();
      assertThat(filesMentioning(home, "SECRETX")).isEmpty();
    }
  }

  @Test
  void anApiPathInTheServerAddressIsAUsageErrorNamingTheAddressToUse() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl() + "/public/api/v3")
              .env("API_TOKEN", server.token())
              .run("pull", "--team", "7", "--data-dir", "data");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err())
          .contains("ends in the API path /public/api/v3")
          .contains("without that path: " + server.baseUrl());
      assertThat(home.resolve("data")).doesNotExist();
    }
  }

  private static List<Path> filesMentioning(Path dir, String text) throws IOException {
    try (var files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> readQuietly(file).contains(text))
          .toList();
    }
  }

  private static String readQuietly(Path file) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aReportsDirThatIsAFileStopsRunBeforeThePullNamingTheSetting() throws IOException {
    Files.writeString(home.resolve("reports.txt"), "not a folder");
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .env("API_TOKEN", server.token())
              .env("LABELMETER_REPORTS_DIR", "reports.txt")
              .run("run", "--team", Long.toString(server.teamId()), "--data-dir", "data");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err())
          .startsWith("labelmeter: cannot write the reports: " + home.resolve("reports.txt"))
          .contains("is a file, not a directory")
          .contains("set by environment LABELMETER_REPORTS_DIR")
          .contains("--reports-dir DIR");
      assertThat(server.requestCounts().values().stream().mapToLong(Long::longValue).sum())
          .isZero();
      assertThat(home.resolve("data")).doesNotExist();
      assertThat(home.resolve("reports.txt")).hasContent("not a folder");
    }
  }

  @Test
  void aDataDirThatIsAFileStopsPullAndRunBeforeTheServerNamingTheSetting() throws IOException {
    Files.writeString(home.resolve("afile"), "not a folder");
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      String team = Long.toString(server.teamId());
      CliRun cli = cli().env("SERVER_ADDRESS", server.baseUrl()).env("API_TOKEN", server.token());

      CliRun.Result pull = cli.run("pull", "--team", team, "--data-dir", "afile");
      CliRun.Result run =
          cli.run("run", "--team", team, "--data-dir", "afile", "--reports-dir", "reports");

      for (CliRun.Result result : List.of(pull, run)) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines())
            .containsExactly(
                "labelmeter: cannot write the store: "
                    + home.resolve("afile")
                    + " is a file, not a directory, so "
                    + home.resolve("afile/" + team)
                    + " cannot be created (data-dir "
                    + home.resolve("afile")
                    + ", set by flag --data-dir); give a directory you can write to with"
                    + " --data-dir DIR, the environment variable LABELMETER_DATA_DIR or"
                    + " 'data-dir:' in conf/labelmeter.yaml");
      }
      assertThat(server.requestCounts().values().stream().mapToLong(Long::longValue).sum())
          .isZero();
      assertThat(home.resolve("afile")).hasContent("not a folder");
      assertThat(home.resolve("reports")).doesNotExist();
    }
  }

  @Test
  void aWindowAfterTodayStopsRunBeforeThePull() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .env("API_TOKEN", server.token())
              .run(
                  "run",
                  "--team",
                  Long.toString(server.teamId()),
                  "--data-dir",
                  "data",
                  "--reports-dir",
                  "reports",
                  "--from",
                  "2026-12-01");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).contains("flag --from/--to").contains("snapshot date 2026-11-30");
      assertThat(server.requestCounts().values().stream().mapToLong(Long::longValue).sum())
          .isZero();
      assertThat(home.resolve("data")).doesNotExist();
    }
  }

  @Test
  void aReportsDirInsideAFileStopsDemoBeforeItStarts() throws IOException {
    Files.writeString(home.resolve("reports.txt"), "not a folder");

    CliRun.Result result =
        cli()
            .run(
                "demo",
                "--team-size",
                "small",
                "--reports-dir",
                "reports.txt/nightly",
                "--data-dir",
                "data");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains(home.resolve("reports.txt") + " is a file, not a directory, so ")
        .contains("set by flag --reports-dir");
    assertThat(home.resolve("data")).doesNotExist();
  }

  @Test
  void pullFillsTheStoreAndSaysWhatItFetched() throws IOException {
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .env("API_TOKEN", server.token())
              .run("pull", "--team", Long.toString(server.teamId()), "--data-dir", "data");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
      assertThat(result.out())
          .contains("team " + server.teamId() + ": " + server.jobs().size() + " jobs")
          .contains(server.eventCount() + " events received");
      assertThat(home.resolve("data/" + server.teamId() + "/manifest.json")).isRegularFile();
      assertThat(home.resolve("reports")).doesNotExist();
    }
  }

  @Test
  void reportRecomputesFromTheStoreWithoutTheNetwork() throws IOException {
    long team;
    try (SimulatorServer server = simulator(FaultConfig.none())) {
      assertThat(runAgainst(server, "night").exitCode()).isEqualTo(ExitCodes.OK);
      team = server.teamId();
    }

    CliRun.Result result =
        cli()
            .run(
                "report",
                "--team",
                Long.toString(team),
                "--data-dir",
                "night/data",
                "--window",
                "last-week",
                "--zone",
                "Europe/Berlin",
                "--out",
                "adhoc");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("2026-11-23 through 2026-11-29 (Europe/Berlin)");
    assertThat(reportFiles(home.resolve("adhoc"))).hasSize(2);
  }

  private CliRun cli() {
    return new CliRun(home).clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private CliRun.Result runAgainst(SimulatorServer server, String dir) {
    return cli()
        .env("SERVER_ADDRESS", server.baseUrl())
        .env("API_TOKEN", server.token())
        .run(
            "run",
            "--team",
            Long.toString(server.teamId()),
            "--data-dir",
            dir + "/data",
            "--reports-dir",
            dir + "/reports");
  }

  static SimulatorServer simulator(FaultConfig faults) throws IOException {
    return SimulatorServer.builder()
        .teamSize(TeamSize.SMALL)
        .seed(7)
        .now(NOW)
        .port(0)
        .faults(faults)
        .build()
        .start();
  }

  static List<String> summaryLines(String out) {
    return out.lines().filter(line -> !line.startsWith("Report: ")).toList();
  }

  static List<Path> reportFiles(Path reportsDir) throws IOException {
    return ReportChecks.filesUnder(reportsDir);
  }

  static Path single(List<Path> files, String suffix) {
    return ReportChecks.single(files, suffix);
  }

  static void assertWorkbook(Path xlsx) throws IOException {
    ReportChecks.assertWorkbook(xlsx);
  }

  static void assertPage(Path html) throws IOException {
    ReportChecks.assertPage(html);
  }
}
