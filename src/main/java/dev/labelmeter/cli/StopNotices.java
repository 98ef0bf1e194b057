package dev.labelmeter.cli;

import java.nio.file.Path;

/**
 * The lines a command prints when a signal (Ctrl-C, {@code kill}) ends it before it returns:
 * what it leaves behind, which is never a half-written file. The store's files and the reports
 * are replaced by renames (the store's manifest last), so a stopped command leaves the last
 * complete state plus, at most, hidden staging files.
 */
final class StopNotices {
  private StopNotices() {}

  /** Returns the line of a command that writes the data store, such as {@code pull}. */
  static String store(String command) {
    return stopped(command)
        + "the data store keeps its last complete state, and the next pull cleans up what this"
        + " one left";
  }

  /** Returns the line of a command that writes reports from the store, such as {@code report}. */
  static String reports(String command) {
    return stopped(command)
        + "the reports keep their last complete state; a hidden .staging-* folder left beside"
        + " them is removed by a later report into that folder once an hour old, or can be deleted";
  }

  /** Returns the line of a command that writes both, such as {@code run}. */
  static String storeAndReports(String command) {
    return stopped(command)
        + "the data store and the reports keep their last complete state, and the next run"
        + " cleans up what this one left in the store";
  }

  /**
   * Returns the line of a command that writes tables into {@code dir}, such as {@code export},
   * which overwrites them when run again.
   */
  static String tables(String command, Path dir) {
    return stopped(command)
        + dir
        + " may hold some tables and not others; run the "
        + command
        + " again to write them all";
  }

  private static String stopped(String command) {
    return ErrorHandlers.PREFIX + command + " stopped before the end; ";
  }
}
