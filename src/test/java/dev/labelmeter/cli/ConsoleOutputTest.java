package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.labelmeter.cli.logging.ConsoleFilter;
import dev.labelmeter.cli.logging.Logging;
import dev.labelmeter.simulator.FaultConfig;
import dev.labelmeter.simulator.SimulatorServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the console (standard error) shows while a command talks to the server: the log lines that
 * pass the console's filter, as the console appender of {@code logback.xml} has them, and the
 * command's own error lines.
 */
class ConsoleOutputTest {
  @TempDir java.nio.file.Path home;

  private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
  private final ListAppender<ILoggingEvent> everything = new ListAppender<>();

  @BeforeEach
  void captureTheConsole() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %msg%n");
    encoder.start();
    ConsoleFilter filter = new ConsoleFilter();
    filter.start();
    console.setContext(context);
    console.setEncoder(encoder);
    console.setOutputStream(consoleBytes);
    console.addFilter(filter);
    console.start();
    everything.setContext(context);
    everything.start();
    root().addAppender(console);
    root().addAppender(everything);
  }

  @AfterEach
  void release() {
    root().detachAppender(console);
    root().detachAppender(everything);
    console.stop();
    everything.stop();
    Logging.configure(0);
  }

  @Test
  void retriesOfAPullThatSucceedsStayOffTheConsoleByDefaultAndWithQuiet() throws IOException {
    try (SimulatorServer server = NightlyEndToEndTest.simulator(throttledJobInfo())) {
      CliRun.Result byDefault = pull(server, "data-default");
      String consoleByDefault = console();
      CliRun.Result quiet = pull(server, "data-quiet", "-q");

      assertThat(byDefault.exitCode()).as(byDefault.err()).isEqualTo(ExitCodes.OK);
      assertThat(quiet.exitCode()).as(quiet.err()).isEqualTo(ExitCodes.OK);
      assertThat(retryEvents()).as("retries happened and reached the log").isNotEmpty();
      // The summary is the result on standard output, and in the log, but not twice on a terminal.
      assertThat(byDefault.out()).startsWith("team 107: 6 jobs");
      assertThat(everything.list)
          .anyMatch(event -> event.getFormattedMessage().startsWith("pull team 107: 6 jobs"));
      assertThat(consoleByDefault).doesNotContain("team 107: ").doesNotContain("retrying in");
      assertThat(console()).doesNotContain("retrying in").doesNotContain("-> 429");
      assertThat(byDefault.err() + quiet.err()).isEmpty();
    }
  }

  @Test
  void verboseShowsEachRetryOnTheConsole() throws IOException {
    try (SimulatorServer server = NightlyEndToEndTest.simulator(throttledJobInfo())) {
      CliRun.Result result = pull(server, "data", "-v");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
      assertThat(console())
          .containsPattern("INFO  POST jobs.info -> 429 in \\d+ ms \\(attempt 1\\)");
    }
  }

  @Test
  void aRefusedTokenIsOneErrorLineWithoutTheServersStatusLineBeforeIt() throws IOException {
    try (SimulatorServer server = NightlyEndToEndTest.simulator(FaultConfig.none())) {
      CliRun.Result result =
          cli()
              .env("SERVER_ADDRESS", server.baseUrl())
              .env("API_TOKEN", "w".repeat(128))
              .run("pull", "--team", Long.toString(server.teamId()), "--data-dir", "data");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines()).singleElement().asString().contains("refused the API token");
      assertThat(console()).doesNotContain("-> 401");
      assertThat(everything.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anyMatch(line -> line.matches("POST teams.info -> 401 in \\d+ ms \\(attempt 1\\)"));
    }
  }

  /** Answers about a third of the jobs.info calls with 429, at once retryable. */
  private static FaultConfig throttledJobInfo() {
    return FaultConfig.builder()
        .errors(0.3, 429)
        .retryAfterSeconds(0)
        .onlyMethods("jobs.info")
        .build();
  }

  private CliRun.Result pull(SimulatorServer server, String dataDir, String... flags) {
    String[] args = new String[flags.length + 5];
    System.arraycopy(flags, 0, args, 0, flags.length);
    String[] pull = {"pull", "--team", Long.toString(server.teamId()), "--data-dir", dataDir};
    System.arraycopy(pull, 0, args, flags.length, pull.length);
    return cli().env("SERVER_ADDRESS", server.baseUrl()).env("API_TOKEN", server.token()).run(args);
  }

  private java.util.List<ILoggingEvent> retryEvents() {
    return everything.list.stream()
        .filter(event -> event.getFormattedMessage().contains("retrying in"))
        .toList();
  }

  private String console() {
    return consoleBytes.toString(StandardCharsets.UTF_8);
  }

  private CliRun cli() {
    return new CliRun(home).clock(Clock.fixed(NightlyEndToEndTest.NOW, ZoneOffset.UTC));
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory())
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
