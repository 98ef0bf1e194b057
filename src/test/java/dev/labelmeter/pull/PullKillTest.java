package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.store.CanonicalJson;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kills a pull with SIGKILL at chosen points and checks what the store looks like after. */
class PullKillTest {
  @TempDir Path dataDir;

  @ParameterizedTest(name = "killed at \"{0}\"")
  @ValueSource(strings = {"page 3", "checkpoint 1", "checkpoint 3", "checkpoint 5"})
  void aKilledPullLeavesTheLastStoreReadableAndTheNextPullCompletesIt(String killAt)
      throws Exception {
    StoreLayout layout = StoreLayout.of(dataDir, FakeTeams.TEAM);
    pullInProcess(FakeTeams.busy(false), FakeTeams.NIGHT_1);
    Manifest before = Manifest.read(layout).orElseThrow();

    killChildPullAt(killAt);

    StoreContents afterKill = StoreContents.read(layout);
    assertThat(afterKill.manifest()).isEqualTo(before);
    assertThat(afterKill.canonicalDayEvents()).doesNotHaveDuplicates().hasSizeGreaterThan(500);
    assertThat(afterKill.jobIds()).hasSize(12).doesNotHaveDuplicates();
    assertThat(afterKill.statsJobIds()).hasSize(12).doesNotHaveDuplicates();

    FakeSource night2 = FakeTeams.busy(true);
    PullSummary summary = pullInProcess(night2, FakeTeams.NIGHT_2);

    StoreContents done = StoreContents.read(layout);
    assertThat(summary.exitCode()).isZero();
    assertThat(done.canonicalDayEvents())
        .containsExactlyInAnyOrderElementsOf(expectedEvents(night2, done.manifest()));
    assertThat(done.manifest().count("events")).isEqualTo(done.canonicalDayEvents().size());
    assertThat(done.jobs())
        .filteredOn(j -> j.path("id").asLong() == 2)
        .extracting(j -> j.path("finishedImagesCount").asInt())
        .containsExactly(4);
    assertThat(leftovers(layout)).isEmpty();
  }

  private void killChildPullAt(String killAt) throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KillablePull.class.getName(),
                "fake",
                dataDir.toString(),
                FakeTeams.NIGHT_2.toString(),
                "true")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith(killAt)) {
        assertThat(line).as("the pull ended before " + killAt).isNotEqualTo("done");
      }
      assertThat(line).as("the pull printed " + killAt).isNotNull();
      child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private PullSummary pullInProcess(FakeSource team, Instant now) throws Exception {
    PullOptions options =
        PullOptions.builder(FakeTeams.TEAM, dataDir)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .progress(PullOptions.ProgressMode.NONE)
            .build();
    return new Pull(team, options).run();
  }

  private static List<String> expectedEvents(FakeSource team, Manifest manifest) {
    return team.events.stream()
        .filter(
            e -> {
              Instant date = EventDates.of(e).orElseThrow();
              return !date.isBefore(manifest.activity().from())
                  && !date.isAfter(manifest.activity().to());
            })
        .map(CanonicalJson::canonical)
        .toList();
  }

  private static List<Path> leftovers(StoreLayout layout) throws IOException {
    try (Stream<Path> files = Files.walk(layout.teamDir())) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith(Leftovers.STAGING_PREFIX)
                      || p.getFileName().toString().endsWith(".tmp"))
          .toList();
    }
  }
}
