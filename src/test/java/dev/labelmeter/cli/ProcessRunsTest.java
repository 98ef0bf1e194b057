package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a real process ({@code java -cp ... dev.labelmeter.cli.Main}, as the launcher
 * starts it): exit codes, standard output and error, and the log file.
 */
class ProcessRunsTest {
  @TempDir Path home;

  @Test
  void demoWritesBothReportsAndLogsEachStage() throws Exception {
    Outcome outcome =
        main(
            Map.of(),
            "demo",
            "--team-size",
            "small",
            "--reports-dir",
            "reports",
            "--data-dir",
            "data");

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    List<Path> files = ReportChecks.filesUnder(home.resolve("reports"));
    ReportChecks.assertWorkbook(ReportChecks.single(files, ".xlsx"));
    ReportChecks.assertPage(ReportChecks.single(files, ".html"));
    assertThat(outcome.out()).contains("Report: ").contains("Work: ").contains("Data quality: ");
    assertThat(outcome.err()).contains("pull ").contains("compute: ").contains("write: ");
    String log = Files.readString(home.resolve("logs/labelmeter.log"));
    assertThat(log).contains("compute: tablesaw engine").contains("write: 2 report files");
  }

  @Test
  void aFailureWhileRunningSaysWhichLogFileHoldsItsDetails() throws Exception {
    Outcome outcome =
        main(
            Map.of("SERVER_ADDRESS", "http://127.0.0.1:9", "API_TOKEN", "t".repeat(128)),
            "pull",
            "--team",
            "7",
            "--data-dir",
            "data");

    assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
    Path log = home.resolve("logs").resolve("labelmeter.log").toAbsolutePath().normalize();
    assertThat(outcome.err().lines().toList())
        .last()
        .isEqualTo("See " + log + " for details, or run again with -v.");
    assertThat(Files.readString(log)).contains("pull failed");
  }

  @Test
  void aBadFlagExitsTwoWithASuggestion() throws Exception {
    Outcome outcome = main(Map.of(), "run", "--tema", "7");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines())
        .singleElement()
        .asString()
        .startsWith("labelmeter: unknown option '--tema'; did you mean --team?");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aMissingTokenExitsTwoSayingWhereToPutIt() throws Exception {
    Outcome outcome =
        main(Map.of("SERVER_ADDRESS", "https://sv.example.invalid"), "run", "--team", "7");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("no API token given").contains("supervisely.env");
    assertThat(home.resolve("reports")).doesNotExist();
  }

  @Test
  void sqlKeepsSparksOwnWarningsInTheLogFileAndOffTheConsole() throws Exception {
    CliRun.Result generated =
        new CliRun(home).run("simulator", "generate", "--size", "small", "--out", "data");
    assertThat(generated.exitCode()).as(generated.err()).isZero();

    Outcome outcome = main(Map.of(), "sql", "--data", "data", "SELECT nope FROM jobs");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines())
        .singleElement()
        .asString()
        .startsWith("labelmeter: the query failed: [UNRESOLVED_COLUMN")
        .contains("DESCRIBE jobs");
    List<String> libraryWarnings =
        Files.readAllLines(home.resolve("logs/labelmeter.log")).stream()
            .filter(line -> line.matches("\\S+ WARN  \\[[^]]+\\] (org|o)\\.apache\\..*"))
            .map(line -> line.substring(line.indexOf(" - ") + 3))
            .toList();
    assertThat(libraryWarnings).isNotEmpty();
    libraryWarnings.forEach(warning -> assertThat(outcome.err()).doesNotContain(warning));
  }

  @Test
  void aPullEndedBySignalSaysTheDataStoreKeepsItsLastCompleteState() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      silent.setSoTimeout(120_000);
      Map<String, String> env =
          Map.of(
              "SERVER_ADDRESS",
              "http://127.0.0.1:" + silent.getLocalPort(),
              "API_TOKEN",
              "t".repeat(128));
      Process process = start(env, "pull", "--team", "7", "--data-dir", "data");

      try (Socket firstCall = silent.accept()) {
        process.destroy();
        Outcome outcome = finish(process);

        assertThat(outcome.err())
            .contains(
                "labelmeter: pull stopped before the end; the data store keeps its last complete"
                    + " state")
            .doesNotContain("reports");
      }
    }
  }

  @Test
  void aSimulatorStoppedAsDocumentedSaysNothingAboutStoresOrReports() throws Exception {
    Process process = start(Map.of(), "simulator", "--port", "0", "--team-size", "small");
    awaitOutput("Stop it with Ctrl-C.");

    process.destroy();
    Outcome outcome = finish(process);

    assertThat(outcome.err()).doesNotContain("stopped before the end");
  }

  private record Outcome(int exitCode, String out, String err) {}

  /** Runs Main in a new JVM with the test's class path, home as installation and user home. */
  private Outcome main(Map<String, String> env, String... args) throws Exception {
    return finish(start(env, args));
  }

  private void awaitOutput(String text) throws Exception {
    Path out = home.resolve("stdout.txt");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!(Files.exists(out) && read(out).contains(text))) {
      assertThat(System.nanoTime()).as("waiting for " + text).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private Outcome finish(Process process) throws Exception {
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return new Outcome(
        process.exitValue(), read(home.resolve("stdout.txt")), read(home.resolve("stderr.txt")));
  }

  /** Starts Main in a new JVM with the test's class path, home as installation and user home. */
  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Duser.timezone=UTC");
    command.add("-Duser.home=" + home);
    // The flags Spark needs on Java 17, as the launcher passes them.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect"))
        .forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("LABELMETER_")
                    || name.equals("SERVER_ADDRESS")
                    || name.equals("API_TOKEN"));
    builder.environment().put("LABELMETER_HOME", home.toString());
    builder.environment().putAll(env);
    Path out = home.resolve("stdout.txt");
    Path err = home.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return builder.start();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
