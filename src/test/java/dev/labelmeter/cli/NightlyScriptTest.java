package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/nightly.sh}: runs {@code run} under a lock, keeps a dated log, prunes old report
 * folders and passes the exit code through. The launcher is a wrapper that starts Main with the
 * test's class path, so the test needs no packaged jar.
 */
@EnabledOnOs(OS.LINUX)
class NightlyScriptTest {
  @TempDir Path home;
  private SimulatorServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        SimulatorServer.builder()
            .teamSize(TeamSize.SMALL)
            .seed(7)
            .now(Instant.now())
            .port(0)
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aNightWritesReportsKeepsALogAndPrunesOldFolders() throws Exception {
    Path reports = home.resolve("reports/" + server.teamId());
    Path old = Files.createDirectories(reports.resolve("2020-01-01"));
    Files.writeString(old.resolve("labelmeter-team1-2020-01-01.html"), "old");
    Path recent =
        Files.createDirectories(
            reports.resolve(LocalDate.now(ZoneOffset.UTC).minusDays(3).toString()));

    Outcome outcome = nightly(Map.of("LABELMETER_REPORT_RETENTION_DAYS", "30"));

    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(old).doesNotExist();
    assertThat(recent).isDirectory();
    List<Path> files = ReportChecks.filesUnder(reports);
    ReportChecks.assertWorkbook(ReportChecks.single(files, ".xlsx"));
    ReportChecks.assertPage(ReportChecks.single(files, ".html"));
    String log =
        Files.readString(home.resolve("logs/nightly-" + LocalDate.now(ZoneOffset.UTC) + ".log"));
    assertThat(log).contains("Report: ").contains("labelmeter run exited with 0");
    assertThat(log).doesNotContain(server.token());
  }

  @Test
  void aRunStillHoldingTheLockMakesTheNextOneSkipWithExitThree() throws Exception {
    Path lock = home.resolve("nightly.lock");
    Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "120").start();
    try {
      waitUntilLocked(lock);

      Outcome outcome = nightly(Map.of("LABELMETER_LOCK_FILE", lock.toString()));

      assertThat(outcome.exitCode()).isEqualTo(3);
      assertThat(outcome.err()).contains("another nightly run still holds");
      assertThat(home.resolve("reports")).doesNotExist();
    } finally {
      holder.destroy();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theExitCodeOfRunIsPassedThrough() throws Exception {
    Outcome outcome = nightly(Map.of("LABELMETER_ZONE", "Mars/Olympus"));

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("Mars/Olympus");
  }

  private void waitUntilLocked(Path lock) throws Exception {
    for (int i = 0; i < 100; i++) {
      Process probe = new ProcessBuilder("flock", "-n", lock.toString(), "true").start();
      if (probe.waitFor() != 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the lock was never taken");
  }

  private record Outcome(int exitCode, String err) {}

  private Outcome nightly(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("scripts/nightly.sh").toAbsolutePath().toString());
    builder.environment().keySet().removeIf(name -> name.startsWith("LABELMETER_"));
    builder.environment().put("LABELMETER_HOME", home.toString());
    builder.environment().put("LABELMETER_LAUNCHER", wrapper().toString());
    builder.environment().put("LABELMETER_TEAM", Long.toString(server.teamId()));
    builder.environment().put("SERVER_ADDRESS", server.baseUrl());
    builder.environment().put("API_TOKEN", server.token());
    builder.environment().putAll(env);
    builder.directory(home.toFile());
    Path err = home.resolve("nightly-stderr.txt");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return new Outcome(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Returns a launcher that starts Main in a new JVM with this test's class path. */
  private Path wrapper() throws IOException {
    Path script = home.resolve("launcher.sh");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        script,
        "#!/bin/sh\nexec '"
            + java
            + "' -Xmx1g -Duser.timezone=UTC"
            + " -Duser.home='"
            + home
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + Main.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
