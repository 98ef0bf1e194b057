package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of commands that read or write the local data store. */
public final class StoreOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Uses the data store in DIR (one folder per team). Default: 'data-dir' of the"
              + " configuration, data/ in the installation directory.")
  private String dataDir;

  public void addTo(Map<Setting, FlagValue> flags) {
    FlagValue.put(flags, Setting.DATA_DIR, "--data-dir", dataDir);
  }
}
