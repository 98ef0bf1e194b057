package dev.labelmeter.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the effective {@link Settings} from four layers, each overriding the one before: the
 * defaults, the configuration file, {@code ~/supervisely.env} (server and token only, and only
 * where the environment lacks them), the environment, and the command-line flags.
 *
 * <p>Relative paths from the file and the environment are resolved against the installation
 * directory ({@code LABELMETER_HOME}), so that a scheduled run finds the same folders whatever its
 * working directory; relative paths given as flags are resolved against the working directory.
 */
public final class SettingsLoader {
  /** The configuration file, relative to the installation directory. */
  public static final String DEFAULT_CONFIG = "conf/labelmeter.yaml";

  /** The dotenv file of Supervisely's SDK, relative to the user's home. */
  public static final String DOTENV = "supervisely.env";

  /** Environment variables the launcher reads that are not settings. */
  private static final Set<String> LAUNCHER_VARIABLES =
      Set.of(
          "LABELMETER_HOME",
          "LABELMETER_CONFIG",
          "LABELMETER_JAVA_OPTS",
          "LABELMETER_LOCK_FILE",
          "LABELMETER_LAUNCHER");

  private final Map<String, String> env;
  private final Path home;
  private final Path workingDir;
  private final Path userHome;

  /**
   * Returns a loader.
   *
   * @param env the environment variables (injected so that tests need not change the real one)
   * @param home the installation directory
   * @param workingDir the directory relative flags are resolved against
   * @param userHome the user's home, where {@code supervisely.env} is looked for
   */
  public SettingsLoader(Map<String, String> env, Path home, Path workingDir, Path userHome) {
    this.env = Map.copyOf(env);
    this.home = home.toAbsolutePath().normalize();
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.userHome = userHome;
  }

  /**
   * Returns the effective settings.
   *
   * @param explicitConfig the {@code --config} file, if given
   * @param flags the values given on the command line, as typed
   * @throws ConfigException naming the setting, its origin and how to fix it
   */
  public Settings load(Optional<Path> explicitConfig, Map<Setting, FlagValue> flags) {
    Optional<Path> configPath = configPath(explicitConfig);
    ConfigFile file = configPath.map(ConfigFile::read).orElse(ConfigFile.empty(home));
    Map<String, String> dotenv = readDotenv();
    List<String> warnings = unknownVariables();

    Map<Setting, Object> values = new EnumMap<>(Setting.class);
    Map<Setting, Origin> origins = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      resolve(setting, file, dotenv, flags)
          .ifPresent(
              raw -> {
                values.put(setting, parse(setting, raw));
                origins.put(setting, raw.origin());
              });
    }
    return new Settings(values, origins, configPath, warnings);
  }

  /** A value as typed, with its origin and the directory a relative path is resolved against. */
  private record Raw(String text, Origin origin, Path base) {}

  private Optional<Raw> resolve(
      Setting setting, ConfigFile file, Map<String, String> dotenv, Map<Setting, FlagValue> flags) {
    FlagValue flag = flags.get(setting);
    if (flag != null) {
      return Optional.of(
          new Raw(flag.text(), new Origin(Origin.Kind.FLAG, flag.flag()), workingDir));
    }
    String fromEnv = env.get(setting.envVar());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(
          new Raw(fromEnv, new Origin(Origin.Kind.ENVIRONMENT, setting.envVar()), home));
    }
    String fromDotenv = dotenv.get(setting.envVar());
    if (fromDotenv != null && !fromDotenv.isBlank()) {
      return Optional.of(
          new Raw(
              fromDotenv,
              new Origin(Origin.Kind.DOTENV, userHome.resolve(DOTENV) + " " + setting.envVar()),
              home));
    }
    Optional<Raw> fromFile = setting.key().flatMap(key -> fromFile(file, key));
    if (fromFile.isPresent()) {
      return fromFile;
    }
    return setting.defaultText().map(text -> new Raw(text, Origin.byDefault(), home));
  }

  private Optional<Raw> fromFile(ConfigFile file, String key) {
    return file.get(key)
        .flatMap(
            entry ->
                entry
                    .text()
                    .map(
                        text ->
                            new Raw(
                                text,
                                new Origin(Origin.Kind.FILE, file.path() + " line " + entry.line()),
                                home)));
  }

  private static Object parse(Setting setting, Raw raw) {
    try {
      Object value = setting.parse(raw.text());
      if (setting.isPath()) {
        return raw.base().resolve((Path) value).normalize();
      }
      return value;
    } catch (IllegalArgumentException e) {
      String message = where(setting, raw.origin()) + ": " + e.getMessage();
      throw raw.origin().kind() == Origin.Kind.FLAG
          ? ConfigException.inCommandLine(message)
          : new ConfigException(message);
    }
  }

  private static String where(Setting setting, Origin origin) {
    return switch (origin.kind()) {
      case FLAG -> "invalid value for option " + origin.detail();
      case FILE -> "configuration error in " + origin.detail() + ": " + setting.displayName();
      case ENVIRONMENT -> "invalid environment variable " + origin.detail();
      case DOTENV -> "invalid value in " + origin.detail();
      case DEFAULT -> "invalid default of " + setting.displayName();
    };
  }

  private Optional<Path> configPath(Optional<Path> explicitConfig) {
    if (explicitConfig.isPresent()) {
      return Optional.of(requireFile(workingDir.resolve(explicitConfig.get()), "--config"));
    }
    String fromEnv = env.get("LABELMETER_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(requireFile(workingDir.resolve(fromEnv), "LABELMETER_CONFIG"));
    }
    Path standard = home.resolve(DEFAULT_CONFIG);
    return Files.isRegularFile(standard) ? Optional.of(standard) : Optional.empty();
  }

  private static Path requireFile(Path path, String source) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          "the configuration file "
              + path
              + " given by "
              + source
              + " does not exist; check the path, or leave it out to use "
              + DEFAULT_CONFIG);
    }
    return path.normalize();
  }

  /**
   * Returns SERVER_ADDRESS and API_TOKEN from ~/supervisely.env where the environment lacks them.
   */
  private Map<String, String> readDotenv() {
    boolean complete = isSet("SERVER_ADDRESS") && isSet("API_TOKEN");
    Path file = userHome.resolve(DOTENV);
    if (complete || "production".equals(env.get("ENV")) || !Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return Dotenv.parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read "
              + file
              + " ("
              + e
              + "); fix its permissions or"
              + " set SERVER_ADDRESS and API_TOKEN in the environment",
          e);
    }
  }

  private boolean isSet(String variable) {
    String value = env.get(variable);
    return value != null && !value.isBlank();
  }

  private List<String> unknownVariables() {
    Map<String, Setting> known = new LinkedHashMap<>();
    for (Setting setting : Setting.values()) {
      known.put(setting.envVar(), setting);
    }
    List<String> warnings = new ArrayList<>();
    env.keySet().stream()
        .filter(name -> name.startsWith("LABELMETER_"))
        .filter(name -> !known.containsKey(name) && !LAUNCHER_VARIABLES.contains(name))
        .sorted()
        .forEach(
            name ->
                warnings.add(
                    "unknown environment variable "
                        + name
                        + " is ignored"
                        + Suggestions.closest(name, known.keySet())
                            .map(s -> "; did you mean " + s + "?")
                            .orElse("")));
    return warnings;
  }
}
