package dev.labelmeter.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingTest.class);
  private static final String TOKEN = "s3cr3t-" + "a".repeat(100) + "-token";

  @TempDir Path logDir;

  @AfterEach
  void detach() {
    Logging.detachFile();
    Logging.configure(0);
  }

  @Test
  void theLogFileHoldsMilestonesWithTimestampsAndLevels() throws IOException {
    Logging.configure(0);
    Logging.attachFile(logDir, 30);

    LOG.info("pull: {} jobs in {} ms", 200, 1234);
    LOG.debug("a detail nobody asked for");

    String log = Files.readString(logDir.resolve(Logging.LOG_FILE));
    assertThat(log)
        .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO ")
        .contains("pull: 200 jobs in 1234 ms")
        .doesNotContain("a detail nobody asked for");
  }

  @Test
  void verboseAddsDetailToTheFile() throws IOException {
    Logging.configure(1);
    Logging.attachFile(logDir, 30);

    LOG.debug("per-request detail");

    assertThat(Files.readString(logDir.resolve(Logging.LOG_FILE))).contains("per-request detail");
  }

  @Test
  void aRegisteredTokenNeverReachesTheLogEvenInsideAnException() throws IOException {
    Logging.configure(0);
    Logging.attachFile(logDir, 30);
    Redactor.register(TOKEN);

    LOG.warn("server echoed {}", "x-api-key: " + TOKEN);
    LOG.error("failed", new IllegalStateException("bad key " + TOKEN));

    String log = Files.readString(logDir.resolve(Logging.LOG_FILE));
    assertThat(log).doesNotContain(TOKEN).contains("x-api-key: ****").contains("bad key ****");
  }

  @Test
  void aLogDirectoryThatIsAFileIsReportedAndNothingIsAttached() throws IOException {
    Path file = Files.writeString(logDir.resolve("not-a-dir"), "keep me");

    Optional<String> problem = Logging.attachFile(file, 30);

    assertThat(problem).hasValue(file + " is a file, not a directory");
    assertThat(Logging.fileAttached()).isFalse();
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void aUsableLogDirectoryIsCreatedAndAttached() {
    Path nested = logDir.resolve("a/b");

    Optional<String> problem = Logging.attachFile(nested, 30);
    LOG.info("first line");

    assertThat(problem).isEmpty();
    assertThat(Logging.fileAttached()).isTrue();
    assertThat(nested.resolve(Logging.LOG_FILE)).content().contains("first line");
  }

  @Test
  void libraryWarningsStayOffTheConsoleUnlessVerbose() {
    ConsoleFilter filter = new ConsoleFilter();
    LoggingEvent hadoop = event("org.apache.hadoop.util.NativeCodeLoader", Level.WARN);
    LoggingEvent own = event("dev.labelmeter.pull.Pull", Level.WARN);

    Logging.configure(0);
    FilterReply hadoopByDefault = filter.decide(hadoop);
    FilterReply ownByDefault = filter.decide(own);
    Logging.configure(-1);
    FilterReply hadoopQuiet = filter.decide(hadoop);
    Logging.configure(1);
    FilterReply hadoopVerbose = filter.decide(hadoop);

    assertThat(hadoopByDefault).isEqualTo(FilterReply.DENY);
    assertThat(hadoopQuiet).isEqualTo(FilterReply.DENY);
    assertThat(hadoopVerbose).isEqualTo(FilterReply.NEUTRAL);
    assertThat(ownByDefault).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theClientsAttemptLinesStayOffTheConsoleUnlessVerbose() {
    ConsoleFilter filter = new ConsoleFilter();
    LoggingEvent retry = event("dev.labelmeter.supervisely.ApiTransport", Level.INFO);
    retry.addMarker(SuperviselyApi.ATTEMPT_LOG);
    LoggingEvent lastAttempt = event("dev.labelmeter.supervisely.ApiTransport", Level.WARN);
    lastAttempt.addMarker(SuperviselyApi.ATTEMPT_LOG);

    Logging.configure(0);
    FilterReply retryByDefault = filter.decide(retry);
    FilterReply lastByDefault = filter.decide(lastAttempt);
    Logging.configure(-1);
    FilterReply lastQuiet = filter.decide(lastAttempt);
    Logging.configure(1);
    FilterReply retryVerbose = filter.decide(retry);

    assertThat(retryByDefault).isEqualTo(FilterReply.DENY);
    assertThat(lastByDefault).isEqualTo(FilterReply.DENY);
    assertThat(lastQuiet).isEqualTo(FilterReply.DENY);
    assertThat(retryVerbose).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theClientsRetryLinesReachTheLogFile() throws IOException {
    Logging.configure(0);
    Logging.attachFile(logDir, 30);

    LoggerFactory.getLogger("dev.labelmeter.supervisely.ApiTransport")
        .info(SuperviselyApi.ATTEMPT_LOG, "POST jobs.info -> 429 in 12 ms (attempt 1), retrying");

    assertThat(Files.readString(logDir.resolve(Logging.LOG_FILE)))
        .contains("INFO ")
        .contains("POST jobs.info -> 429 in 12 ms (attempt 1), retrying");
  }

  @Test
  void libraryWarningsStillReachTheLogFile() throws IOException {
    Logging.configure(0);
    Logging.attachFile(logDir, 30);

    LoggerFactory.getLogger("org.apache.hadoop.util.NativeCodeLoader")
        .warn("Unable to load native-hadoop library for your platform");

    assertThat(Files.readString(logDir.resolve(Logging.LOG_FILE)))
        .contains("WARN")
        .contains("Unable to load native-hadoop library");
  }

  private static LoggingEvent event(String logger, Level level) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerName(logger);
    event.setLevel(level);
    event.setMessage("a message");
    return event;
  }

  @Test
  void redactionLeavesOtherTextAlone() {
    Redactor.register(TOKEN);

    assertThat(Redactor.redact("nothing secret here")).isEqualTo("nothing secret here");
    assertThat(Redactor.redact(null)).isNull();
  }

  @Test
  void theConsoleShowsStackTracesOnlyWhenVerboseAndTheFileAlways() throws IOException {
    Logging.configure(0);
    Logging.attachFile(logDir, 30);
    LoggingEvent failure = event("dev.labelmeter.pull.JobsStep", Level.WARN);
    failure.setThrowableProxy(
        new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("HTTP 503")));
    ConsoleThrowableConverter console = new ConsoleThrowableConverter();
    console.start();

    String byDefault = console.convert(failure);
    Logging.configure(1);
    String verbose = console.convert(failure);
    LOG.warn("job 5 could not be fetched", new IllegalStateException("HTTP 503"));

    assertThat(byDefault).isEmpty();
    assertThat(verbose).contains("IllegalStateException: HTTP 503", "at ");
    assertThat(Files.readString(logDir.resolve(Logging.LOG_FILE)))
        .contains("job 5 could not be fetched", "IllegalStateException: HTTP 503");
  }
}
