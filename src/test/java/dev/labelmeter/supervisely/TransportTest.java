package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class TransportTest {
  private RecordingServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger rootLogger;
  private Logger transportLogger;
  private ch.qos.logback.classic.Level transportLevel;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    rootLogger.addAppender(logs);
    // The per-call line of a success is DEBUG; see it whatever the logging configuration says.
    transportLogger = (Logger) LoggerFactory.getLogger(ApiTransport.class);
    transportLevel = transportLogger.getLevel();
    transportLogger.setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  @AfterEach
  void stop() {
    transportLogger.setLevel(transportLevel);
    rootLogger.detachAppender(logs);
    server.close();
  }

  private SuperviselyApi api() {
    return server.client(TOKEN, sleeper).build();
  }

  @Test
  void postsJsonToThePublicApiPathWithTheTokenHeader() {
    server.enqueue("teams.info", Reply.json("{\"id\": 8, \"name\": \"Team\"}"));

    JsonNode answer = api().post("teams.info", ClientJson.object().put("id", 8));

    RecordingServer.Recorded request = server.requests().get(0);
    assertThat(request.verb()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/public/api/v3/teams.info");
    assertThat(request.header("x-api-key")).isEqualTo(TOKEN);
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.json().get("id").asLong()).isEqualTo(8);
    assertThat(answer.get("name").asText()).isEqualTo("Team");
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @ValueSource(ints = {408, 429, 499, 500, 502, 503, 504, 509, 598, 599})
  void everyRetryableStatusIsRetriedUntilSuccess(int status) {
    server.enqueue(
        "jobs.info",
        Reply.json(status, "{\"error\": \"busy\"}"),
        Reply.json(status, "{\"error\": \"busy\"}"),
        Reply.json(Fixtures.job(5, "pending")));

    JsonNode answer = api().post("jobs.info", ClientJson.object().put("id", 5));

    assertThat(answer.get("id").asLong()).isEqualTo(5);
    assertThat(server.requests("jobs.info")).hasSize(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndStopsAtTheCap() {
    SuperviselyApi api =
        server
            .client(TOKEN, sleeper)
            .maxRetries(5)
            .backoffBase(Duration.ofSeconds(1))
            .backoffCap(Duration.ofSeconds(4))
            .build();
    for (int i = 0; i < 5; i++) {
      server.enqueue("jobs.info", Reply.json(503, "{}"));
    }
    server.enqueue("jobs.info", Reply.json("{\"id\": 1}"));

    api.post("jobs.info", ClientJson.object().put("id", 1));

    // unjittered waits 1, 2, 4, 4, 4 s; each is scaled by a factor in [0.5, 1]
    long[] ceilings = {1000, 2000, 4000, 4000, 4000};
    assertThat(sleeper.sleeps()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(sleeper.sleeps().get(i).toMillis()).isBetween(ceilings[i] / 2, ceilings[i]);
    }
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(
        "jobs.list",
        Reply.json(429, "{\"error\": \"Too many requests\"}").withHeader("Retry-After", "7"),
        Reply.json(Fixtures.page(0, 500, 1, java.util.List.of())));

    api().labelingJobs().getList(4);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredFromTheClock() {
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    String in90Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(now.plusSeconds(90), ZoneOffset.UTC));
    SuperviselyApi api =
        server.client(TOKEN, sleeper).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    server.enqueue(
        "jobs.stats",
        Reply.json(503, "{}").withHeader("Retry-After", in90Seconds),
        Reply.json(Fixtures.STATS_3));

    api.labelingJobs().getStatsRaw(3);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    server.enqueue("jobs.info", Reply.drop(), Reply.json(Fixtures.job(9, "completed")));

    JsonNode answer = api().post("jobs.info", ClientJson.object().put("id", 9));

    assertThat(answer.get("status").asText()).isEqualTo("completed");
    assertThat(server.requests("jobs.info")).hasSize(2);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void connectionsThatKeepDroppingExhaustTheRetriesOfAServerThatHasAnswered() {
    server.enqueue("teams.info", Reply.json("{\"id\": 8}"));
    server.fallback("jobs.info", request -> Reply.drop());
    SuperviselyApi api = api();
    api.post("teams.info", ClientJson.object().put("id", 8));

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> api.post("jobs.info", ClientJson.object().put("id", 9)));

    assertThat(e.kind()).isEqualTo(Kind.RETRIES_EXHAUSTED);
    assertThat(e.status()).isEmpty();
    assertThat(e.getMessage()).contains("jobs.info", "4 times");
    assertThat(server.requests("jobs.info")).hasSize(4);
  }

  @Test
  void aRetryableStatusThatPersistsReportsTheLastStatusAndAttempts() {
    server.fallback("jobs.list", request -> Reply.json(502, "<html>bad gateway</html>"));

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api().labelingJobs().getList(4));

    assertThat(e.kind()).isEqualTo(Kind.RETRIES_EXHAUSTED);
    assertThat(e.status()).hasValue(502);
    assertThat(e.getMessage()).contains("HTTP 502", "after 4 attempts");
    assertThat(sleeper.sleeps()).hasSize(3);
  }

  @Test
  void aNonJsonErrorBodyIsQuotedOnce() {
    server.enqueue("jobs.add", Reply.text(400, "text/plain", "name\n  taken"));

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> api().post("jobs.add", ClientJson.object().put("name", "x")));

    assertThat(e.serverMessage()).hasValue("name taken");
    assertThat(e.getMessage()).contains("server says \"name taken\"").doesNotContain("\"\"");
  }

  @ParameterizedTest(name = "an error body of {0} quotes nothing from the server")
  @ValueSource(strings = {"", "  \n", "{\"error\": \"\", \"details\": \" \"}"})
  void anEmptyErrorBodyQuotesNothing(String body) {
    server.enqueue("jobs.add", Reply.text(400, "application/json", body));

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> api().post("jobs.add", ClientJson.object().put("name", "x")));

    assertThat(e.serverError()).isEmpty();
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.getMessage()).contains("HTTP 400").doesNotContain("server says");
  }

  @ParameterizedTest(name = "HTTP {0} is not retried")
  @ValueSource(ints = {400, 409, 422, 501})
  void otherErrorsAreNotRetried(int status) {
    server.enqueue(
        "jobs.add",
        Reply.json(status, "{\"error\": \"Bad\", \"details\": [{\"message\": \"name taken\"}]}"));

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> api().post("jobs.add", ClientJson.object().put("name", "x")));

    assertThat(e.status()).hasValue(status);
    assertThat(e.serverError()).hasValue("Bad");
    assertThat(e.serverMessage()).hasValue("name taken");
    assertThat(e.getMessage()).contains("jobs.add", "HTTP " + status, "name taken");
    assertThat(server.requests("jobs.add")).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void unauthorisedSaysToCheckTheTokenAndNeverShowsIt() {
    server.enqueue(
        "jobs.list",
        Reply.json(
            401,
            "{\"error\": \"Unauthorized\", \"details\": {\"message\": \"bad token "
                + TOKEN
                + "\"}}"));

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api().labelingJobs().getList(4));

    assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
    assertThat(e.method()).hasValue("jobs.list");
    assertThat(e.status()).hasValue(401);
    assertThat(e.serverError()).hasValue("Unauthorized");
    assertThat(e.hint()).contains("API_TOKEN", "member of the team");
    assertThat(e.getMessage()).contains("API_TOKEN").doesNotContain(TOKEN);
    assertThat(e.serverMessage().orElseThrow()).doesNotContain(TOKEN).contains("<API_TOKEN>");
    assertThat(server.requests("jobs.list")).hasSize(1);
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(TOKEN));
  }

  @Test
  void forbiddenIsAnAccessErrorToo() {
    server.enqueue("teams.info", Reply.json(403, "{\"error\": \"Forbidden\"}"));

    assertThatThrownBy(() -> api().teams().getInfoById(8))
        .isInstanceOfSatisfying(
            SuperviselyException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED))
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("Check API_TOKEN");
  }

  @Test
  void aRedirectIsAConfigurationErrorAndIsNotFollowed() {
    server.enqueue(
        "jobs.list",
        Reply.text(301, "text/html", "moved")
            .withHeader("Location", "https://app.example.com/public/api/v3/jobs.list"));

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api().labelingJobs().getList(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .contains("redirect", "HTTP 301", "https://app.example.com", "SERVER_ADDRESS");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anHtmlPageInsteadOfJsonIsAConfigurationError() {
    server.enqueue(
        "jobs.list", Reply.text(200, "text/html", "<!DOCTYPE html><html>Sign in</html>"));

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api().labelingJobs().getList(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("not JSON", "text/html", "<!DOCTYPE", "SERVER_ADDRESS");
  }

  @Test
  void brokenJsonIsAMalformedResponse() {
    server.enqueue("jobs.info", Reply.json("{\"id\": 2, \"name\": "));

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api().labelingJobs().getInfoById(2));

    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    assertThat(e.getMessage())
        .contains("jobs.info", "broken JSON", "Unexpected end-of-input", "at line 1, column ")
        .doesNotContain("Source:");
  }

  @Test
  void aPathTheServerDoesNotKnowIsAConfigurationError() {
    SuperviselyApi api =
        server.client(TOKEN, sleeper).apiBaseUrl(server.address() + "/wrong/prefix").build();

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.labelingJobs().getInfoById(2));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("has no API method jobs.info", "SERVER_ADDRESS");
  }

  @Test
  void anUnreachableServerSaysToCheckTheAddress() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    SuperviselyApi api =
        server.client(TOKEN, sleeper).server("http://127.0.0.1:" + freePort).build();

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.labelingJobs().getList(4));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.hint()).contains("SERVER_ADDRESS");
    // A server that never answered gets two quick retries, not the client's three.
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void everyCallLogsOneLineWithMethodStatusAndMilliseconds() {
    server.enqueue("jobs.info", Reply.json(503, "{}"), Reply.json(Fixtures.job(1, "pending")));

    api().labelingJobs().getInfoById(1);

    assertThat(logs.list)
        .filteredOn(event -> event.getLoggerName().equals(ApiTransport.class.getName()))
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            first ->
                assertThat(first).matches("POST jobs.info -> 503 in \\d+ ms \\(attempt 1\\).*"),
            second ->
                assertThat(second).matches("POST jobs.info -> 200 in \\d+ ms \\(attempt 2\\)"));
  }

  @Test
  void eightThreadsShareOneClient() throws Exception {
    server.fallback(
        "jobs.info",
        request -> Reply.json(Fixtures.job(request.json().get("id").asLong(), "pending")));
    SuperviselyApi api = api();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.List<java.util.concurrent.Future<Long>> futures = new java.util.ArrayList<>();
    for (long id = 1; id <= 200; id++) {
      long jobId = id;
      futures.add(pool.submit(() -> api.labelingJobs().getInfoById(jobId).orElseThrow().id()));
    }

    long sum = 0;
    for (java.util.concurrent.Future<Long> future : futures) {
      sum += future.get();
    }
    pool.shutdown();

    assertThat(sum).isEqualTo(200L * 201 / 2);
    assertThat(server.requests("jobs.info")).hasSize(200);
  }
}
