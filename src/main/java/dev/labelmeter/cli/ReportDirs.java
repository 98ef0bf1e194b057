package dev.labelmeter.cli;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.cli.config.Origin;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before any network call or computation and without writing anything, that the reports
 * can be written where they are to go: the folder, or the nearest folder above it that exists, is
 * a writable directory. A failed check is a configuration error naming the setting that chose the
 * folder.
 */
final class ReportDirs {

  private ReportDirs() {}

  /**
   * Checks that {@code target}, a folder at or below the reports directory of {@code settings},
   * can receive the reports.
   *
   * @throws ConfigException naming the reports-dir setting, where it was set and how to change it
   */
  static void requireReportsDir(Settings settings, Path target) {
    problem(target)
        .ifPresent(
            problem -> {
              throw new ConfigException(
                  "cannot write the reports: "
                      + problem
                      + " (reports-dir "
                      + settings.reportsDir()
                      + ", "
                      + setBy(settings.origin(Setting.REPORTS_DIR))
                      + "); give a directory you can write to with --reports-dir DIR, the"
                      + " environment variable "
                      + Setting.REPORTS_DIR.envVar()
                      + " or 'reports-dir:' in "
                      + settings.configFile().map(Path::toString).orElse("conf/labelmeter.yaml"));
            });
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

  private static String setBy(Origin origin) {
    return origin.kind() == Origin.Kind.DEFAULT
        ? "the default reports/ of the installation"
        : "set by " + origin.describe();
  }
}
