package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.labelmeter.simulator.FaultConfig;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.store.CanonicalJson;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls over HTTP from the simulator, with faults, and checks the store against its truth. */
class PullSimulatorTest {
  static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
  static final Duration ALL_HISTORY = Duration.ofDays(400);

  @TempDir Path dataDir;
  SimulatorServer server;
  final SettableClock serverClock = new SettableClock(NOW);

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  SimulatorServer start(FaultConfig faults) throws Exception {
    server =
        SimulatorServer.builder()
            .teamSize(TeamSize.SMALL)
            .seed(7)
            .now(NOW)
            // events that arrive while a pull pages are dated after its snapshot, as in life
            .clock(serverClock)
            .faults(faults)
            .port(0)
            .build()
            .start();
    return server;
  }

  SuperviselyApi client(String token) {
    return SuperviselyApi.builder()
        .server(server.baseUrl())
        .token(token)
        .backoffBase(Duration.ofMillis(1))
        .backoffCap(Duration.ofMillis(20))
        .build();
  }

  PullSummary pull(Instant now) throws Exception {
    serverClock.set(now.plusSeconds(60));
    PullOptions options =
        PullOptions.builder(server.teamId(), dataDir)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .history(ALL_HISTORY)
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    return Pull.create(client(server.token()), options).run();
  }

  static FaultConfig rough() {
    return FaultConfig.builder()
        .errors(0.15, 503)
        .drops(0.05)
        .appendDuringPaging(3)
        .seed(11)
        .build();
  }

  @Test
  void aPullThroughFaultsHoldsEveryJobStatsObjectAndEventOfTheServerExactlyOnce() throws Exception {
    start(rough());

    PullSummary summary = pull(NOW);

    StoreContents store = StoreContents.read(StoreLayout.of(dataDir, server.teamId()));
    assertThat(summary.exitCode()).isZero();
    assertThat(canonical(store.jobs())).containsExactlyInAnyOrderElementsOf(truthJobs());
    assertThat(store.stats()).hasSameSizeAs(server.stats().entrySet());
    for (JsonNode line : store.stats()) {
      assertThat(CanonicalJson.canonical(line.get("stats")))
          .isEqualTo(CanonicalJson.canonical(server.stats().get(line.get("jobId").asLong())));
    }
    assertThat(canonical(store.members()))
        .containsExactlyInAnyOrderElementsOf(canonical(server.members()));
    assertThat(store.canonicalDayEvents())
        .containsExactlyInAnyOrderElementsOf(truthEvents(store.manifest()));
    assertThat(store.manifest().activity().countMatched()).isTrue();
    assertThat(store.manifest().count("events")).isEqualTo(store.dayEvents().size());
  }

  @Test
  void aPullThroughRateLimitsCompletes() throws Exception {
    start(FaultConfig.builder().errors(0.2, 429).retryAfterSeconds(0).seed(3).build());

    PullSummary summary = pull(NOW);

    StoreContents store = StoreContents.read(StoreLayout.of(dataDir, server.teamId()));
    assertThat(summary.exitCode()).isZero();
    assertThat(store.jobs()).hasSize(server.jobs().size());
    assertThat(store.canonicalDayEvents())
        .containsExactlyInAnyOrderElementsOf(truthEvents(store.manifest()));
  }

  @Test
  void aSecondPullAfterNewWorkAddsExactlyTheNewEventsAndSkipsClosedUnchangedJobs()
      throws Exception {
    start(rough());
    pull(NOW);
    long infosBefore = server.requestCount("jobs.info");
    int eventsBefore = StoreContents.read(layout()).dayEvents().size();
    server.appendActivity(Duration.ofHours(20));
    Instant later = server.now();

    PullSummary second = pull(later);

    StoreContents store = StoreContents.read(layout());
    List<String> truth = truthEvents(store.manifest());
    assertThat(store.canonicalDayEvents()).containsExactlyInAnyOrderElementsOf(truth);
    assertThat(second.eventsAdded()).isEqualTo(truth.size() - eventsBefore).isPositive();
    assertThat(canonical(store.jobs())).containsExactlyInAnyOrderElementsOf(truthJobs());
    long closedUnchanged = second.jobsCarriedOver();
    assertThat(closedUnchanged).isPositive();
    assertThat(server.requestCount("jobs.info") - infosBefore)
        .as("jobs.info requests, retries of injected faults included")
        .isGreaterThanOrEqualTo(server.jobs().size() - closedUnchanged)
        .isLessThan(server.jobs().size());
  }

  @Test
  void aWrongTokenAnUnknownTeamAndAnUnreachableServerEachSayWhatToFixAndWriteNothing()
      throws Exception {
    start(FaultConfig.none());
    Path store = dataDir.resolve("store");
    PullOptions options =
        PullOptions.builder(server.teamId(), store).progress(PullOptions.ProgressMode.NONE).build();
    PullOptions unknownTeam =
        PullOptions.builder(server.teamId() + 1000, store)
            .progress(PullOptions.ProgressMode.NONE)
            .build();

    assertThatThrownBy(() -> Pull.create(client("wrong-token"), options).run())
        .isInstanceOf(PullException.class)
        .hasMessageContaining("refused the API token");
    assertThatThrownBy(() -> Pull.create(client(server.token()), unknownTeam).run())
        .hasMessageContaining("team " + (server.teamId() + 1000) + " does not exist")
        .hasMessageContaining("the token's teams are " + server.teamId() + " (");
    SuperviselyApi nowhere =
        SuperviselyApi.builder()
            .server("http://127.0.0.1:9")
            .token("t")
            .maxRetries(0)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    assertThatThrownBy(() -> Pull.create(nowhere, options).run())
        .hasMessageContaining("cannot reach the server at http://127.0.0.1:9");
    assertThat(store).doesNotExist();
  }

  @Test
  void anAddressWithAPathThatIsNotTheApiIsAWrongAddressNotAnUnknownTeam() throws Exception {
    start(FaultConfig.none());
    Path store = dataDir.resolve("store");
    SuperviselyApi underAPath =
        SuperviselyApi.builder().server(server.baseUrl() + "/sv").token(server.token()).build();
    PullOptions options =
        PullOptions.builder(server.teamId(), store).progress(PullOptions.ProgressMode.NONE).build();

    assertThatThrownBy(() -> Pull.create(underAPath, options).run())
        .hasMessageContaining("answers 404 Not Found to teams.list as well as to teams.info")
        .hasMessageNotContaining("does not exist")
        .extracting(e -> ((PullException) e).reason())
        .isEqualTo(PullException.Reason.BAD_OPTION);
    assertThat(store).doesNotExist();
  }

  @Test
  void aPullKilledHalfWayLeavesAConsistentStoreAndTheNextPullCompletesIt() throws Exception {
    start(rough());
    pull(NOW);
    Manifest before = Manifest.read(layout()).orElseThrow();
    server.appendActivity(Duration.ofHours(30));
    Instant later = server.now();
    serverClock.set(later.plusSeconds(60));

    killChildPullAt(later, "checkpoint 2");

    StoreContents afterKill = StoreContents.read(layout());
    assertThat(afterKill.manifest()).isEqualTo(before);
    assertThat(afterKill.canonicalDayEvents()).doesNotHaveDuplicates();
    assertThat(afterKill.canonicalDayEvents())
        .as("the partitions hold at least what the manifest describes")
        .containsAll(truthEvents(before));
    PullSummary next = pull(later);
    StoreContents done = StoreContents.read(layout());
    assertThat(next.exitCode()).isZero();
    assertThat(done.canonicalDayEvents())
        .containsExactlyInAnyOrderElementsOf(truthEvents(done.manifest()));
    assertThat(canonical(done.jobs())).containsExactlyInAnyOrderElementsOf(truthJobs());
  }

  private void killChildPullAt(Instant now, String killAt) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KillablePull.class.getName(),
                server.baseUrl(),
                server.token(),
                Long.toString(server.teamId()),
                dataDir.toString(),
                now.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith(killAt)) {
        assertThat(line).as("the pull ended before " + killAt).isNotEqualTo("done");
      }
      assertThat(line).as("the pull printed " + killAt).isNotNull();
      child.destroyForcibly(); // SIGKILL
    }
    assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  private StoreLayout layout() {
    return StoreLayout.of(dataDir, server.teamId());
  }

  private List<String> truthJobs() {
    return canonical(server.jobs());
  }

  /** Compares JSON as values: {@code 7} read as an int equals {@code 7} built as a long. */
  private static List<String> canonical(List<? extends JsonNode> nodes) {
    return nodes.stream().map(CanonicalJson::canonical).toList();
  }

  /** A clock the test moves by hand. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private List<String> truthEvents(Manifest manifest) {
    return server.events().stream()
        .filter(e -> inRange(e, manifest.activity()))
        .map(CanonicalJson::canonical)
        .toList();
  }

  private static boolean inRange(ObjectNode event, Manifest.ActivityRange range) {
    Instant date = EventDates.of(event).orElseThrow();
    return !date.isBefore(range.from()) && !date.isAfter(range.to());
  }
}
