package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of commands that talk to the server. The token has no flag on purpose: a flag
 * would show it in the process list and the shell history.
 */
public final class ServerOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Talks to the Supervisely server at URL. Default: SERVER_ADDRESS, else"
              + " ~/supervisely.env, else 'server' of the configuration.")
  private String server;

  public void addTo(Map<Setting, FlagValue> flags) {
    FlagValue.put(flags, Setting.SERVER, "--server", server);
  }
}
