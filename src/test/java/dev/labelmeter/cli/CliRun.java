package dev.labelmeter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process with an injected environment and captured output. */
final class CliRun {
  private final Map<String, String> env = new HashMap<>();
  private final Path home;
  private Path workingDir;
  private Path userHome;
  private Clock clock = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);

  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {}

  CliRun(Path home) {
    this.home = home;
    this.workingDir = home;
    this.userHome = home.resolve("user-home");
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun workingDir(Path dir) {
    this.workingDir = dir;
    return this;
  }

  CliRun userHome(Path dir) {
    this.userHome = dir;
    return this;
  }

  CliRun clock(Clock fixed) {
    this.clock = fixed;
    return this;
  }

  CliContext context() {
    return new CliContext(env, home, workingDir, userHome, clock);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(context(), false);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
