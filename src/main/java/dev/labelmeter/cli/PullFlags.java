package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of commands that pull from the server. */
public final class PullFlags {
  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "Sends at most N requests to the server at once (1 to 64). Default:"
              + " 'pull.concurrency' of the configuration, 8.")
  private String concurrency;

  public void addTo(Map<Setting, FlagValue> flags) {
    FlagValue.put(flags, Setting.CONCURRENCY, "--concurrency", concurrency);
  }
}
