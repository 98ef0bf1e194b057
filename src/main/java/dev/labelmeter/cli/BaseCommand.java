package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.config.SettingsLoader;
import dev.labelmeter.cli.logging.Logging;
import dev.labelmeter.cli.logging.Redactor;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the global options, the context, and loading the settings. */
public abstract class BaseCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BaseCommand.class);

  @Spec protected CommandSpec spec;

  @Mixin protected GlobalOptions globals;

  /** Returns the top command, which holds the context. */
  protected LabelmeterCommand top() {
    return (LabelmeterCommand) spec.root().userObject();
  }

  protected CliContext context() {
    return top().context();
  }

  /** Returns where results go (standard output in a process). */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Returns where messages for the user go (standard error in a process). */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Returns the line to print when a signal (Ctrl-C, {@code kill}) ends this command before it
   * returns; empty prints nothing. Commands that write the store or reports say what they leave.
   */
  protected Optional<String> stopNotice() {
    return Optional.empty();
  }

  /** Returns the settings of this command's flags, for {@link #loadSettings()}. */
  protected Map<Setting, FlagValue> flags() {
    return new EnumMap<>(Setting.class);
  }

  /**
   * Returns the effective settings, masks the token in every later log line, and starts the log
   * file when this is a real process.
   */
  protected Settings loadSettings() {
    CliContext context = context();
    SettingsLoader loader =
        new SettingsLoader(context.env(), context.home(), context.workingDir(), context.userHome());
    Settings settings = loader.load(globals.configFile(), flags());
    settings.token().ifPresent(token -> Redactor.register(token.reveal()));
    if (top().logToFile()) {
      Logging.attachFile(settings.logDir(), settings.logRetentionDays())
          .ifPresent(
              why ->
                  LOG.warn(
                      "no log file this run: {} (log-dir, {}); give a directory you can write to"
                          + " with LABELMETER_LOG_DIR or 'log-dir:' in the configuration file",
                      why,
                      settings.origin(Setting.LOG_DIR).describe()));
    }
    settings.warnings().forEach(warning -> LOG.warn("{}", warning));
    return settings;
  }
}
