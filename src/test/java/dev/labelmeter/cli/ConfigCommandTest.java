package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labelmeter config}: the precedence file < environment < flags, the errors of a wrong
 * configuration, and the masked token.
 */
class ConfigCommandTest {
  private static final String TOKEN = "tK9" + "x".repeat(120) + "Q7zZw";

  @TempDir Path home;
  private Path configFile;

  @BeforeEach
  void writeConfigFile() throws IOException {
    configFile = home.resolve("conf/labelmeter.yaml");
    Files.createDirectories(configFile.getParent());
  }

  @Test
  void aFileValueOverridesTheDefault() throws IOException {
    writeConfig("report:", "  zone: Europe/Berlin");

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(lineOf(result.out(), "report.zone"))
        .contains("Europe/Berlin")
        .contains(configFile + " line 2");
    assertThat(lineOf(result.out(), "report.engine")).contains("tablesaw").contains("default");
  }

  @Test
  void theEnvironmentOverridesTheFile() throws IOException {
    writeConfig("report:", "  zone: Europe/Berlin");

    CliRun.Result result = new CliRun(home).env("LABELMETER_ZONE", "Asia/Tokyo").run("config");

    assertThat(lineOf(result.out(), "report.zone"))
        .contains("Asia/Tokyo")
        .contains("environment LABELMETER_ZONE");
  }

  @Test
  void aFlagOverridesTheEnvironment() throws IOException {
    writeConfig("report:", "  zone: Europe/Berlin");

    CliRun.Result result =
        new CliRun(home)
            .env("LABELMETER_ZONE", "Asia/Tokyo")
            .run("config", "--zone", "America/New_York");

    assertThat(lineOf(result.out(), "report.zone"))
        .contains("America/New_York")
        .contains("flag --zone");
  }

  @Test
  void getPrintsOnlyTheValuesForScripts() throws IOException {
    writeConfig("retention:", "  report-days: 14", "report:", "  idle-threshold: 90");

    CliRun.Result result =
        new CliRun(home)
            .run("config", "--get", "retention.report-days", "--get", "report.idle-threshold");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().lines()).containsExactly("14", "90s");
  }

  @Test
  void relativePathsOfTheFileAreUnderTheHomeAndOfFlagsUnderTheWorkingDirectory()
      throws IOException {
    writeConfig("data-dir: store");
    Path workingDir = Files.createDirectories(home.resolve("elsewhere"));

    CliRun.Result result =
        new CliRun(home)
            .workingDir(workingDir)
            .run("config", "--get", "data-dir", "--get", "reports-dir", "--reports-dir", "out");

    assertThat(result.out().lines())
        .containsExactly(home.resolve("store").toString(), workingDir.resolve("out").toString());
  }

  @Test
  void theTokenIsShownMaskedWithItsLengthOnly() {
    CliRun.Result result = new CliRun(home).env("API_TOKEN", TOKEN).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(lineOf(result.out(), "API_TOKEN"))
        .contains("**** (128 characters)")
        .contains("environment API_TOKEN");
    assertThat(result.out() + result.err())
        .doesNotContain(TOKEN)
        .doesNotContain("Q7zZw")
        .doesNotContain("tK9x");
  }

  @Test
  void theTokenAndServerComeFromSuperviselyEnvWhenTheEnvironmentLacksThem() throws IOException {
    Path userHome = Files.createDirectories(home.resolve("me"));
    Files.writeString(
        userHome.resolve("supervisely.env"),
        "SERVER_ADDRESS=\"https://sv.example.com\"\nAPI_TOKEN='" + TOKEN + "'\n");

    CliRun.Result result = new CliRun(home).userHome(userHome).run("config");

    assertThat(lineOf(result.out(), "server"))
        .contains("https://sv.example.com")
        .contains("supervisely.env");
    assertThat(lineOf(result.out(), "API_TOKEN")).contains("**** (128 characters)");
    assertThat(result.out()).doesNotContain(TOKEN);
  }

  @Test
  void theTokenCannotBePrintedWithGet() {
    CliRun.Result result =
        new CliRun(home).env("API_TOKEN", TOKEN).run("config", "--get", "API_TOKEN");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out() + result.err()).doesNotContain(TOKEN).contains("never printed");
  }

  @Test
  void aPasswordInTheServerAddressIsMaskedInTheTableAndWithGet() {
    CliRun.Result table =
        new CliRun(home).run("config", "--server", "https://ann:pw-Secret-9@sv.example.com");
    CliRun.Result get =
        new CliRun(home)
            .env("SERVER_ADDRESS", "https://ann:pw-Secret-9@sv.example.com")
            .run("config", "--get", "server");

    assertThat(lineOf(table.out(), "server")).contains("https://***@sv.example.com");
    assertThat(get.out().strip()).isEqualTo("https://***@sv.example.com");
    assertThat(table.out() + table.err() + get.out() + get.err())
        .doesNotContain("pw-Secret-9")
        .doesNotContain("ann:");
  }

  @Test
  void aQueryOrFragmentOfTheServerAddressIsMasked() {
    CliRun.Result query =
        new CliRun(home).run("config", "--server", "http://h.example/?x-api-key=SeCrEt");
    CliRun.Result fragment =
        new CliRun(home).run("config", "--get", "server", "--server", "http://h.example/#SeCrEt");

    assertThat(lineOf(query.out(), "server")).contains("http://h.example/?...");
    assertThat(fragment.out().strip()).isEqualTo("http://h.example/#...");
    assertThat(query.out() + fragment.out()).doesNotContain("SeCrEt");
  }

  @Test
  void anUnknownKeyIsAUsageErrorNamingKeyFileLineAndTheLikelyKey() throws IOException {
    writeConfig("team: 7", "report:", "  idle-treshold: 5m");

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains(configFile + " line 3")
        .contains("unknown key 'report.idle-treshold'")
        .contains("did you mean 'report.idle-threshold'?");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aKeyInTheWrongSectionIsSuggestedWhereItBelongs() throws IOException {
    writeConfig("zone: UTC");

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("unknown key 'zone'").contains("'report.zone'");
  }

  @Test
  void aTokenInTheFileIsRefusedWithTheWayToGiveIt() throws IOException {
    writeConfig("token: " + TOKEN);

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("API_TOKEN").doesNotContain(TOKEN);
  }

  @Test
  void aBadZoneInTheFileIsAUsageErrorNamingKeyAndFile() throws IOException {
    writeConfig("report:", "  zone: Europe/Berln");

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains(configFile + " line 2: report.zone")
        .contains("'Europe/Berln' is not a time zone")
        .contains("Europe/Berlin");
  }

  @Test
  void aBadZoneInTheEnvironmentNamesTheVariable() {
    CliRun.Result result = new CliRun(home).env("LABELMETER_ZONE", "Mars/Olympus").run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("LABELMETER_ZONE").contains("'Mars/Olympus'");
  }

  @Test
  void aNegativeThresholdIsAUsageErrorWhereverItComesFrom() throws IOException {
    writeConfig("report:", "  idle-threshold: -5m");

    CliRun.Result fromFile = new CliRun(home).run("config");
    CliRun.Result fromFlag = new CliRun(home).run("config", "--idle-threshold=-300");

    assertThat(fromFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(fromFile.err())
        .contains(configFile + " line 2: report.idle-threshold")
        .contains("negative");
    assertThat(fromFlag.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(fromFlag.err()).contains("--idle-threshold").contains("negative");
  }

  @Test
  void malformedYamlIsAUsageErrorNamingFileAndLine() throws IOException {
    writeConfig("team: 7", "report:", "  zone: UTC", "   engine: [spark");

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains(configFile.toString())
        .containsPattern("line [34]")
        .contains("not valid YAML");
  }

  @Test
  void aFileThatIsNotAMappingIsAUsageError() throws IOException {
    writeConfig("- team", "- 7");

    CliRun.Result result = new CliRun(home).run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("must be a mapping of keys to values");
  }

  @Test
  void aMissingConfigFileGivenByFlagIsAUsageError() {
    CliRun.Result result = new CliRun(home).run("config", "--config", "nowhere.yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("nowhere.yaml").contains("does not exist");
  }

  @Test
  void anotherFileCanBeGivenWithConfig() throws IOException {
    Path other = home.resolve("other.yaml");
    Files.writeString(other, "report:\n  engine: spark\n");

    CliRun.Result result =
        new CliRun(home).run("--config", other.toString(), "config", "--get", "report.engine");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().strip()).isEqualTo("spark");
  }

  @Test
  void theShippedConfigurationFileHoldsExactlyTheDefaults() {
    Path shipped = Path.of("conf/labelmeter.yaml").toAbsolutePath();

    CliRun.Result result = new CliRun(home).run("--config", shipped.toString(), "config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    CliRun.Result defaults = new CliRun(home).run("config");
    assertThat(valuesOnly(result.out())).isEqualTo(valuesOnly(defaults.out()));
  }

  @Test
  void anUnknownLabelmeterVariableIsAWarningWithASuggestion() {
    CliRun.Result result = new CliRun(home).env("LABELMETER_ZONEE", "UTC").run("config");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("LABELMETER_ZONEE").contains("did you mean LABELMETER_ZONE");
  }

  private void writeConfig(String... lines) throws IOException {
    Files.writeString(configFile, String.join("\n", lines) + "\n");
  }

  private static String lineOf(String table, String setting) {
    return table
        .lines()
        .filter(line -> line.startsWith(setting + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + setting + " in\n" + table));
  }

  /** Returns the SETTING and VALUE columns of the table, without the origins. */
  private static String valuesOnly(String table) {
    StringBuilder values = new StringBuilder();
    table
        .lines()
        .filter(line -> line.matches("[a-zA-Z_.-]+ {2,}.*"))
        .forEach(
            line ->
                values
                    .append(line.split(" {2,}")[0])
                    .append('=')
                    .append(line.split(" {2,}")[1])
                    .append('\n'));
    return values.toString();
  }
}
