package dev.labelmeter.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labelmeter.cli.config.ReportFormat;
import dev.labelmeter.metrics.ActivitySource;
import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.MetricsEngine;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStepTest {
  @TempDir Path reports;

  @Test
  void theNightFolderIsTheSnapshotDateInTheReportZone() throws IOException {
    // 02:00 UTC on 30 November is still 21:00 on 29 November in New York.
    MetricsEngine engine = new ResultEngine(result("America/New_York"));

    ReportStep.Outcome outcome =
        ReportStep.run(
            engine,
            store(),
            MetricsParams.defaults(),
            textWriters(),
            params -> ReportFiles.under(reports, params),
            false);

    assertThat(outcome.files())
        .containsExactly(
            reports.resolve("7/2026-11-29/labelmeter-team7-2026-11-29.xlsx"),
            reports.resolve("7/2026-11-29/labelmeter-team7-2026-11-29.html"));
    assertThat(Files.readString(outcome.files().get(1))).isEqualTo("html of team 7");
  }

  @Test
  void theActivityReachesTheWritersOnlyWhenAskedFor() throws IOException {
    MetricsEngine engine = new ResultEngine(result("UTC"));
    Map<ReportFormat, ReportStep.ResultWriter> writers = new LinkedHashMap<>();
    writers.put(
        ReportFormat.XLSX,
        (result, activity, file) -> Files.writeString(file, "activity " + activity.isPresent()));

    Path without =
        ReportStep.run(
                engine,
                store(),
                MetricsParams.defaults(),
                writers,
                params -> ReportFiles.in(reports.resolve("a"), params),
                false)
            .files()
            .get(0);
    Path with =
        ReportStep.run(
                engine,
                store(),
                MetricsParams.defaults(),
                writers,
                params -> ReportFiles.in(reports.resolve("b"), params),
                true)
            .files()
            .get(0);

    assertThat(Files.readString(without)).isEqualTo("activity false");
    assertThat(Files.readString(with)).isEqualTo("activity true");
  }

  @Test
  void aStoreThatCannotBeReadWritesNothing() {
    MetricsEngine engine = new ResultEngine(null);

    assertThatThrownBy(
            () ->
                ReportStep.run(
                    engine,
                    store(),
                    MetricsParams.defaults(),
                    textWriters(),
                    params -> ReportFiles.under(reports, params),
                    false))
        .hasMessageContaining("run a pull first");

    assertThat(reports).isEmptyDirectory();
  }

  private StoreLayout store() {
    return StoreLayout.of(reports.resolve("data"), 7);
  }

  private static Map<ReportFormat, ReportStep.ResultWriter> textWriters() {
    Map<ReportFormat, ReportStep.ResultWriter> writers = new LinkedHashMap<>();
    writers.put(
        ReportFormat.XLSX,
        (result, activity, file) ->
            Files.writeString(file, "xlsx of team " + result.params().teamId()));
    writers.put(
        ReportFormat.HTML,
        (result, activity, file) ->
            Files.writeString(file, "html of team " + result.params().teamId()));
    return writers;
  }

  /** An engine that returns a prepared result, or fails as an engine does on a missing store. */
  private record ResultEngine(MetricsResult prepared) implements MetricsEngine {
    @Override
    public String name() {
      return "prepared";
    }

    @Override
    public MetricsResult compute(StoreLayout store, MetricsParams params) throws IOException {
      if (prepared == null) {
        throw new dev.labelmeter.store.StoreFormatException(
            store.teamDir() + " has no manifest; run a pull first");
      }
      return prepared;
    }

    @Override
    public ActivitySource windowActivity(StoreLayout store, MetricsParams params) {
      return handler -> {};
    }
  }

  private static MetricsResult result(String zone) {
    TeamFigures figures =
        new TeamFigures(0, 0, 0, 0, null, null, 0, 0, null, 0, null, null, null, 0, 0, 0);
    ResultParams params =
        new ResultParams(
            7,
            LocalDate.of(2026, 11, 22),
            LocalDate.of(2026, 11, 29),
            LocalDate.of(2026, 11, 15),
            zone,
            300,
            3,
            Instant.parse("2026-11-30T02:00:00Z"),
            "SECONDS");
    return new MetricsResult(
        params,
        new Summary(figures, figures, Map.of(), 0, 0, 0, null, null),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        new Heatmap(List.of(), List.of()),
        new DataQuality(0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), null, List.of()));
  }
}
