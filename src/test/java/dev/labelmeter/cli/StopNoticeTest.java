package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a signal that ends a command before it returns prints, command by command. */
class StopNoticeTest {
  @TempDir Path home;

  @Test
  void aStoppedPullSpeaksOfTheDataStoreOnly() {
    Optional<String> notice = noticeOf("pull", "--team", "7");

    assertThat(notice)
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("labelmeter: pull stopped before the end; the data store keeps")
                    .doesNotContain("report"));
  }

  @Test
  void aStoppedReportSpeaksOfTheReportsOnly() {
    Optional<String> notice = noticeOf("report", "--team", "7");

    assertThat(notice)
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("labelmeter: report stopped before the end; the reports keep")
                    .doesNotContain("data store"));
  }

  @Test
  void aStoppedRunOrDemoSpeaksOfBoth() {
    assertThat(noticeOf("run", "--team", "7"))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("labelmeter: run stopped before the end; ")
                    .contains("the data store and the reports keep their last complete state"));
    assertThat(noticeOf("demo"))
        .hasValueSatisfying(
            line -> assertThat(line).startsWith("labelmeter: demo stopped before the end; "));
  }

  @Test
  void aStoppedExportNamesTheFolderThatMayBeIncomplete() {
    Optional<String> notice = noticeOf("export", "--team", "7", "--out", "tables");

    assertThat(notice)
        .hasValue(
            "labelmeter: export stopped before the end; "
                + home.resolve("tables")
                + " may hold some tables and not others; run the export again to write them all");
  }

  @Test
  void theSimulatorAndCommandsThatKeepNothingSayNothing() {
    assertThat(noticeOf("simulator", "--port", "0")).isEmpty();
    assertThat(noticeOf("simulator", "generate", "--out", "data")).isEmpty();
    assertThat(noticeOf("jobs", "list", "--team", "7")).isEmpty();
    assertThat(noticeOf("config")).isEmpty();
    assertThat(noticeOf("sql", "--data", "data", "SELECT 1")).isEmpty();
  }

  @Test
  void nothingIsSaidBeforeACommandRuns() {
    LabelmeterCommand top = Main.commandLine(new CliRun(home).context(), false).getCommand();

    assertThat(top.stopNotice()).isEmpty();
  }

  private Optional<String> noticeOf(String... args) {
    CommandLine commandLine = Main.commandLine(new CliRun(home).context(), false);
    LabelmeterCommand top = commandLine.getCommand();

    top.running(Main.command(commandLine.parseArgs(args)));

    return top.stopNotice();
  }
}
