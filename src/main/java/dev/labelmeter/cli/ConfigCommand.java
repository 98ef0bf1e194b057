package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.config.Suggestions;
import dev.labelmeter.cli.output.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Prints the effective configuration and where each value came from; the token stays masked. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Prints the effective configuration: every setting after conf/labelmeter.yaml, the"
          + " environment and the flags given here, and where each value came from. The API"
          + " token is shown masked, never its value.",
      ""
    })
final class ConfigCommand extends BaseCommand {
  @Mixin private TeamOptions team;
  @Mixin private ServerOptions server;
  @Mixin private PullFlags pull;
  @Mixin private StoreOptions store;
  @Mixin private ReportOptions report;

  @Option(
      names = "--get",
      paramLabel = "KEY",
      description =
          "Prints only the value of KEY (such as retention.report-days), one line per --get, for"
              + " scripts. Default: print the whole configuration.")
  private List<String> keys = new ArrayList<>();

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    server.addTo(flags);
    pull.addTo(flags);
    store.addTo(flags);
    report.addTo(flags);
    return flags;
  }

  @Override
  public Integer call() {
    List<Setting> wanted = keys.stream().map(this::settingOf).toList();
    Settings settings = loadSettings();
    if (!wanted.isEmpty()) {
      wanted.forEach(setting -> out().println(settings.display(setting)));
      out().flush();
      return ExitCodes.OK;
    }
    printAll(settings, out());
    return ExitCodes.OK;
  }

  private void printAll(Settings settings, PrintWriter out) {
    out.println("Installation directory: " + context().home());
    out.println(
        "Configuration file:     "
            + settings.configFile().map(Path::toString).orElse("(none found; defaults apply)"));
    out.println();
    TextTable table = TextTable.withHeaders("SETTING", "VALUE", "FROM");
    for (Setting setting : Setting.values()) {
      String origin =
          settings.value(setting).isPresent() ? settings.origin(setting).describe() : "";
      table.addRow(setting.displayName(), settings.display(setting), origin);
    }
    table.print(out);
    settings.warnings().forEach(warning -> out.println("warning: " + warning));
    out.flush();
  }

  private Setting settingOf(String key) {
    if (key.equals(Setting.TOKEN.displayName()) || key.equalsIgnoreCase("token")) {
      throw new ParameterException(
          spec.commandLine(),
          "the API token is never printed; 'labelmeter config' shows it masked");
    }
    Optional<Setting> setting = Setting.byKey(key);
    if (setting.isPresent()) {
      return setting.get();
    }
    String hint =
        Suggestions.closest(key, Setting.fileKeys())
            .map(known -> "did you mean '" + known + "'?")
            .orElse("known keys: " + String.join(", ", Setting.fileKeys()));
    throw new ParameterException(spec.commandLine(), "unknown key '" + key + "'; " + hint);
  }
}
