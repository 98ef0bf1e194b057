package dev.labelmeter.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command accepts ({@code -v}, {@code -q}, {@code --config}). Mixed into each
 * command; whichever command they are typed after, they are stored on the top command.
 */
public final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private int verbosity;
  private Path configFile;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Shows more detail on the console, the libraries' warnings included; repeat (-vv) to"
              + " see everything. Default: milestones only.")
  void setVerbose(boolean[] flags) {
    top().verbosity = flags.length;
  }

  @Option(
      names = {"-q", "--quiet"},
      description = "Shows only warnings and errors on the console. Default: off.")
  void setQuiet(boolean quiet) {
    if (quiet) {
      top().verbosity = -1;
    }
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Reads the configuration from FILE. Default: $LABELMETER_CONFIG, else"
              + " conf/labelmeter.yaml in the installation directory.")
  void setConfigFile(Path file) {
    top().configFile = file;
  }

  /** Returns -1 for quiet, 0 by default, 1 or more for each {@code -v}. */
  public int verbosity() {
    return top().verbosity;
  }

  /** Returns the {@code --config} file, if given. */
  public Optional<Path> configFile() {
    return Optional.ofNullable(top().configFile);
  }

  private GlobalOptions top() {
    if (mixee == null) {
      return this;
    }
    Object root = mixee.root().userObject();
    return root instanceof LabelmeterCommand command ? command.globals() : this;
  }
}
