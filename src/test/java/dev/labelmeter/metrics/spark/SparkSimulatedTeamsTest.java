package dev.labelmeter.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.simulator.SnapshotWriter;
import dev.labelmeter.simulator.TeamSize;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Spark engine on the simulator's small and medium teams: the result adds up. */
class SparkSimulatedTeamsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

  private static SparkEngine engine;

  @TempDir static Path dir;

  @BeforeAll
  static void startSpark() {
    QuietSparkLogs.apply();
    engine = SparkEngine.start("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    engine.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = TeamSize.class,
      names = {"SMALL", "MEDIUM"})
  void dailyRowsHeatmapAndLabelersAddUpToTheTeamFigures(TeamSize size) throws IOException {
    Manifest manifest = SnapshotWriter.write(size, 11, NOW, dir.resolve(size.label()));
    StoreLayout store = StoreLayout.of(dir.resolve(size.label()), manifest.teamId());
    MetricsParams params = MetricsParams.defaults().withZone(ZoneId.of("Europe/Berlin"));

    MetricsResult result = engine.compute(store, params);

    var team = result.summary().current();
    assertThat(team.teamActiveHours()).isPositive();
    assertThat(result.daily().stream().mapToDouble(DailyRow::activeHours).sum())
        .isCloseTo(team.teamActiveHours(), within(1e-9));
    assertThat(result.daily().stream().mapToLong(DailyRow::imagesFinished).sum())
        .isEqualTo(team.teamImagesFinished());
    assertThat(result.daily().stream().mapToLong(DailyRow::accepted).sum())
        .isEqualTo(team.accepted());
    assertThat(result.labelers().stream().mapToDouble(l -> l.current().activeHours()).sum())
        .isCloseTo(team.teamActiveHours(), within(1e-9));
    for (int i = 0; i < result.labelers().size(); i++) {
      LabelerRow labeler = result.labelers().get(i);
      Heatmap.HeatmapRow row = result.heatmap().rows().get(i);
      assertThat(row.userId()).isEqualTo(labeler.userId());
      assertThat(row.activeHours().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(labeler.current().activeHours(), within(1e-9));
    }
    for (JobRow job : result.jobs()) {
      assertThat(job.labeled()).isLessThanOrEqualTo(job.images());
      assertThat(job.activeHours()).isNotNegative();
    }
    assertThat(result.jobs()).hasSize((int) manifest.count("jobs"));
    assertThat(result.dataQuality().eventsReceived()).isEqualTo(manifest.count("events"));
  }
}
