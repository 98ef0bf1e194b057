package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labelmeter simulator generate}, then the reports of the generated store. */
class SimulatorCommandTest {
  @TempDir Path home;

  @Test
  void generateWritesAStoreThatReportReadsIntoAWorkbookAndAPage() throws IOException {
    CliRun.Result generated =
        new CliRun(home).run("simulator", "generate", "--size", "small", "--out", "gen");

    assertThat(generated.exitCode()).as(generated.err()).isEqualTo(ExitCodes.OK);
    assertThat(generated.out()).contains("Wrote team").contains("small");
    long team = onlyTeam(home.resolve("gen"));
    Manifest manifest = Manifest.read(StoreLayout.of(home.resolve("gen"), team)).orElseThrow();
    assertThat(manifest.count("events")).isPositive();

    CliRun.Result report =
        new CliRun(home)
            .run("report", "--data-dir", "gen", "--team", Long.toString(team), "--out", "out");

    assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
    List<Path> files = ReportChecks.filesUnder(home.resolve("out"));
    assertThat(files).hasSize(2);
    ReportChecks.assertWorkbook(ReportChecks.single(files, ".xlsx"));
    ReportChecks.assertPage(ReportChecks.single(files, ".html"));
  }

  @Test
  void anUnknownSizeIsAUsageError() {
    CliRun.Result result =
        new CliRun(home).run("simulator", "generate", "--size", "huge", "--out", "gen");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("'huge' is not a team size").contains("medium");
  }

  @Test
  void generateNeedsAnOutputDirectory() {
    CliRun.Result result = new CliRun(home).run("simulator", "generate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--out");
  }

  private static long onlyTeam(Path dataDir) throws IOException {
    try (var dirs = java.nio.file.Files.list(dataDir)) {
      List<Path> teams = dirs.toList();
      assertThat(teams).hasSize(1);
      return Long.parseLong(teams.get(0).getFileName().toString());
    }
  }
}
