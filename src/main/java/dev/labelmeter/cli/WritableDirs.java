package dev.labelmeter.cli;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.cli.config.Origin;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before any network call or computation and without writing anything, that files can be
 * written where a command is to put them: the folder, or the nearest folder above it that exists,
 * is a writable directory. A failed check is a configuration error naming the setting or the flag
 * that chose the folder.
 */
final class WritableDirs {

  private WritableDirs() {}

  /**
   * Checks that {@code target}, a folder at or below the reports directory of {@code settings},
   * can receive the reports.
   *
   * @throws ConfigException naming the reports-dir setting, where it was set and how to change it
   */
  static void requireReportsDir(Settings settings, Path target) {
    requireSettingDir(settings, Setting.REPORTS_DIR, settings.reportsDir(), target, "the reports");
  }

  /**
   * Checks that {@code target}, a team's store at or below the data directory of {@code settings},
   * can be created and written.
   *
   * @throws ConfigException naming the data-dir setting, where it was set and how to change it
   */
  static void requireDataDir(Settings settings, Path target) {
    requireSettingDir(settings, Setting.DATA_DIR, settings.dataDir(), target, "the store");
  }

  /**
   * Checks that {@code out}, given with {@code --out}, can receive the reports.
   *
   * @throws ConfigException naming {@code --out}
   */
  static void requireOutDir(Path out) {
    problem(out)
        .ifPresent(
            problem -> {
              throw new ConfigException(
                  "cannot write the reports: "
                      + problem
                      + " (set by flag --out); give a directory you can write to with --out DIR");
            });
  }

  /**
   * Checks that the file {@code out}, given with {@code --out}, can be written: it is not a
   * directory, and its folder exists or can be created, and can be written.
   *
   * @throws ConfigException naming {@code --out}
   */
  static void requireOutFile(Path out) {
    Path file = out.toAbsolutePath().normalize();
    Optional<String> problem =
        Files.isDirectory(file)
            ? Optional.of(file + " is a directory, not a file")
            : Optional.ofNullable(file.getParent()).flatMap(WritableDirs::problem);
    problem.ifPresent(
        text -> {
          throw new ConfigException(
              "cannot write "
                  + file
                  + ": "
                  + text
                  + " (set by flag --out); give a file in a directory you can write to with"
                  + " --out FILE");
        });
  }

  private static void requireSettingDir(
      Settings settings, Setting setting, Path configured, Path target, String what) {
    problem(target)
        .ifPresent(
            problem -> {
              throw new ConfigException(
                  "cannot write "
                      + what
                      + ": "
                      + problem
                      + " ("
                      + setting.displayName()
                      + " "
                      + configured
                      + ", "
                      + setBy(settings.origin(setting), setting)
                      + "); give a directory you can write to with "
                      + setting.flag().map(flag -> flag + " DIR, ").orElse("")
                      + "the environment variable "
                      + setting.envVar()
                      + " or '"
                      + setting.displayName()
                      + ":' in "
                      + settings.configFile().map(Path::toString).orElse("conf/labelmeter.yaml"));
            });
  }

  /** Returns what stops files from being written into {@code target}, if anything. */
  static Optional<String> problem(Path target) {
    Path dir = target.toAbsolutePath().normalize();
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.of(dir + " cannot be created");
    }
    String consequence = existing.equals(dir) ? "" : ", so " + dir + " cannot be created";
    if (!Files.isDirectory(existing)) {
      return Optional.of(existing + " is a file, not a directory" + consequence);
    }
    if (!Files.isWritable(existing)) {
      return Optional.of(existing + " is not writable for this user" + consequence);
    }
    return Optional.empty();
  }

  private static String setBy(Origin origin, Setting setting) {
    return origin.kind() == Origin.Kind.DEFAULT
        ? "the default " + setting.defaultText().orElse("") + "/ of the installation"
        : "set by " + origin.describe();
  }
}
