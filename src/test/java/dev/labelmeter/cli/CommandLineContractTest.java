package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The exit-code contract and the help of every command. */
class CommandLineContractTest {
  @TempDir Path home;

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun.Result result = new CliRun(home).run("--help");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out())
        .contains("Usage: labelmeter")
        .contains("config")
        .contains("Exit codes");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : allCommandPaths()) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");

      CliRun.Result result = new CliRun(home).run(args.toArray(String[]::new));

      assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.OK);
      assertThat(result.out()).as(command).contains("Usage: labelmeter " + command);
    }
  }

  @Test
  void everyOptionExplainsItselfInASentenceWithItsDefault() {
    for (CommandSpec spec : allSpecs(Main.commandLine(new CliRun(home).context(), false))) {
      for (OptionSpec option : spec.options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        String help = String.join(" ", option.description());
        assertThat(help)
            .as(spec.qualifiedName() + " " + option.longestName())
            .matches("[A-Z].*\\.")
            .contains(option.required() ? "Required" : "Default");
      }
    }
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithASuggestion() {
    CliRun.Result result = new CliRun(home).run("config", "--teem", "5");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "labelmeter: unknown option '--teem'; did you mean --team?"
                + " (see 'labelmeter config --help')"
                + System.lineSeparator());
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aWrongOptionValueIsAUsageErrorPointingToTheHelpButAWrongVariableIsNot() {
    CliRun.Result flag = new CliRun(home).run("config", "--concurrency", "0");
    CliRun.Result variable = new CliRun(home).env("LABELMETER_CONCURRENCY", "0").run("config");

    assertThat(flag.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(flag.err())
        .isEqualTo(
            "labelmeter: invalid value for option --concurrency: concurrency must be 1 or more,"
                + " got 0 (see 'labelmeter config --help')"
                + System.lineSeparator());
    assertThat(variable.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(variable.err())
        .startsWith("labelmeter: invalid environment variable LABELMETER_CONCURRENCY")
        .doesNotContain("--help");
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithASuggestion() {
    CliRun.Result result = new CliRun(home).run("confg");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "labelmeter: unknown command 'confg'; did you mean 'labelmeter config'?"
                + " (see 'labelmeter --help')"
                + System.lineSeparator());
  }

  @Test
  void aStrayNumberOfACommandWithTeamSuggestsTeam() {
    for (String command : List.of("pull", "run", "report", "jobs list")) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("107");

      CliRun.Result result = new CliRun(home).run(args.toArray(String[]::new));

      assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines())
          .as(command)
          .containsExactly(
              "labelmeter: unexpected argument '107'; did you mean --team 107?"
                  + " (see 'labelmeter "
                  + command
                  + " --help')");
    }
  }

  @Test
  void aStrayNumberAfterTeamIsNotTakenForATeam() {
    CliRun.Result result = new CliRun(home).run("pull", "--team", "7", "8");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("labelmeter: unexpected argument '8' (see 'labelmeter pull --help')")
        .doesNotContain("did you mean");
  }

  @Test
  void everyUsageErrorOfTheCommandLineIsOneLineStartingWithThePrefix() {
    List<List<String>> mistakes =
        List.of(
            List.of("pull", "--team"),
            List.of("pull", "-x"),
            List.of("jobs", "info"),
            List.of("jobs", "lst"),
            List.of("config", "--window", "7d", "--from", "2026-11-01"),
            List.of("sql", "--data"));
    for (List<String> args : mistakes) {
      CliRun.Result result = new CliRun(home).run(args.toArray(String[]::new));

      assertThat(result.exitCode()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines())
          .as(args.toString())
          .singleElement()
          .asString()
          .startsWith("labelmeter: ")
          .endsWith(" --help')");
    }
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun.Result result = new CliRun(home).run();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("no command given");
  }

  @Test
  void windowAndFromToTogetherIsAUsageError() {
    CliRun.Result result = new CliRun(home).run("config", "--window", "7d", "--from", "2026-11-01");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("either --window or --from/--to");
  }

  @Test
  void toWithoutFromIsAUsageError() {
    CliRun.Result result = new CliRun(home).run("config", "--to", "2026-11-08");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--to needs --from");
  }

  @Test
  void globalOptionsWorkAfterTheCommand() {
    CliRun.Result result = new CliRun(home).run("config", "-q", "--get", "report.zone");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().strip()).isEqualTo("UTC");
  }

  private List<String> allCommandPaths() {
    List<String> paths = new ArrayList<>();
    for (CommandSpec spec : allSpecs(Main.commandLine(new CliRun(home).context(), false))) {
      if (spec.parent() != null) {
        paths.add(spec.qualifiedName().substring("labelmeter ".length()));
      }
    }
    return paths;
  }

  private static List<CommandSpec> allSpecs(CommandLine commandLine) {
    List<CommandSpec> specs = new ArrayList<>();
    specs.add(commandLine.getCommandSpec());
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      specs.addAll(allSpecs(sub));
    }
    return specs;
  }
}
