package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --team} option. */
public final class TeamOptions {
  @Option(
      names = "--team",
      paramLabel = "ID",
      description =
          "Works on the Supervisely team with this id. Default: LABELMETER_TEAM, else 'team' of"
              + " the configuration.")
  private String team;

  public void addTo(Map<Setting, FlagValue> flags) {
    FlagValue.put(flags, Setting.TEAM, "--team", team);
  }
}
