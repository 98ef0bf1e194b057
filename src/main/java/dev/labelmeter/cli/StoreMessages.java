package dev.labelmeter.cli;

import dev.labelmeter.cli.pipeline.ReportWriteException;
import dev.labelmeter.pull.PullStoreException;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-line messages of the store's failures while a command runs: a damaged file, named with
 * the pull that fetches it again, and a disk that fills up, or a folder this user may not write
 * in, while a pull writes the store or a command writes reports, with what to do. Other failures
 * keep their own message.
 */
final class StoreMessages {
  private static final String DATA_DIR_CHOICES =
      "--data-dir, LABELMETER_DATA_DIR or 'data-dir:' in the configuration file";
  private static final String REPORTS_DIR_CHOICES =
      "--reports-dir or --out, LABELMETER_REPORTS_DIR or 'reports-dir:' in the configuration file";

  /** Texts of the operating systems for a full disk or an exceeded quota, in lower case. */
  private static final String[] NO_SPACE = {
    "no space left on device", "disk quota exceeded", "not enough space on the disk"
  };

  private StoreMessages() {}

  /**
   * Returns the message of {@code ex} when it is a damaged store file, a full disk or a denied
   * write.
   */
  static Optional<String> describe(Throwable ex) {
    Optional<StoreFormatException> damaged =
        find(ex, StoreFormatException.class).filter(e -> e.file().isPresent());
    if (damaged.isPresent()) {
      return Optional.of(damaged(damaged.get()));
    }
    Optional<PullStoreException> pull = find(ex, PullStoreException.class);
    Optional<String> noSpace = noSpace(ex);
    if (pull.isPresent() && noSpace.isPresent()) {
      return Optional.of(full(pull.get(), noSpace.get()));
    }
    Optional<ReportWriteException> reports = find(ex, ReportWriteException.class);
    if (reports.isPresent() && noSpace.isPresent()) {
      return Optional.of(full(reports.get(), noSpace.get()));
    }
    Optional<AccessDeniedException> denied = find(ex, AccessDeniedException.class);
    if (pull.isPresent() && denied.isPresent()) {
      return Optional.of(denied(pull.get(), deniedFolder(denied.get())));
    }
    if (reports.isPresent() && denied.isPresent()) {
      return Optional.of(denied(reports.get(), deniedFolder(denied.get())));
    }
    return Optional.empty();
  }

  private static String denied(PullStoreException pull, Path folder) {
    return "cannot write the data store in "
        + pull.teamDir()
        + ": permission denied in "
        + folder
        + "; give this user write access to the store (its owner and mode), or choose another"
        + " data directory ("
        + DATA_DIR_CHOICES
        + "); "
        + kept(pull);
  }

  private static String denied(ReportWriteException reports, Path folder) {
    return "cannot write the reports in "
        + reports.directory()
        + ": permission denied in "
        + folder
        + "; give this user write access to it, or choose another reports directory ("
        + REPORTS_DIR_CHOICES
        + "); the reports already there are kept";
  }

  /** Returns the folder of the file a write was denied on (a file is written beside itself). */
  private static Path deniedFolder(AccessDeniedException e) {
    Path file = Path.of(e.getFile()).toAbsolutePath().normalize();
    return file.getParent() == null ? file : file.getParent();
  }

  private static String kept(PullStoreException pull) {
    return pull.hadManifest()
        ? "the previous store is kept"
        : "what was written is kept, and the next pull completes the store";
  }

  private static String full(ReportWriteException reports, String reason) {
    return "cannot write the reports in "
        + reports.directory()
        + ": "
        + reason
        + "; free some space or choose another reports directory ("
        + REPORTS_DIR_CHOICES
        + "); the reports already there are kept";
  }

  private static String full(PullStoreException pull, String reason) {
    return "cannot write the data store in "
        + pull.teamDir()
        + ": "
        + reason
        + "; free some space or choose another data directory ("
        + DATA_DIR_CHOICES
        + "); "
        + kept(pull);
  }

  private static String damaged(StoreFormatException e) {
    Path file = e.file().orElseThrow().toAbsolutePath().normalize();
    return e.getMessage() + "; " + fix(file);
  }

  /** Returns how to replace the damaged {@code file}, by what it holds. */
  private static String fix(Path file) {
    Path dir = file.getParent();
    Optional<LocalDate> day = StoreLayout.parseDayPartition(dir.getFileName().toString());
    if (day.isPresent()) {
      return "delete the file and run '"
          + pull(dir.getParent().getParent())
          + " --since "
          + day.get()
          + "' to fetch that day again (the other days are kept)";
    }
    if (dir.getFileName().toString().equals(StoreLayout.UNDATED_DIR)) {
      return "move the file out of the store and run '"
          + pull(dir.getParent().getParent())
          + "' (it held the events without a valid date; keep the copy to recover them)";
    }
    return "delete the file and run '"
        + pull(dir)
        + "' to fetch it again, or move "
        + dir
        + " aside to start the store anew";
  }

  /** Returns the pull command that writes the store {@code teamDir}, its data directory named. */
  private static String pull(Path teamDir) {
    return "labelmeter pull --team "
        + team(teamDir)
        + " --data-dir "
        + shellWord(teamDir.getParent());
  }

  /**
   * Returns {@code path} as one word of a shell command to copy: as it is when it holds only
   * characters no shell treats specially, else in double quotes.
   */
  static String shellWord(Path path) {
    String text = String.valueOf(path);
    if (text.matches("[A-Za-z0-9_./@%+=:,-]+")) {
      return text;
    }
    return '"' + text.replaceAll("([\\\\\"$`])", "\\\\$1") + '"';
  }

  /** Returns the team id of a store directory, as its name says. */
  private static String team(Path teamDir) {
    String name = teamDir == null ? "" : String.valueOf(teamDir.getFileName());
    return name.matches("[0-9]+") ? name : "N";
  }

  /** Returns the operating system's words for a full disk in {@code ex} or its causes. */
  private static Optional<String> noSpace(Throwable ex) {
    for (Throwable e = ex; e != null && e != e.getCause(); e = e.getCause()) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      for (String words : NO_SPACE) {
        if (message.contains(words)) {
          return Optional.of(words);
        }
      }
    }
    return Optional.empty();
  }

  private static <T extends Throwable> Optional<T> find(Throwable ex, Class<T> type) {
    for (Throwable e = ex; e != null && e != e.getCause(); e = e.getCause()) {
      if (type.isInstance(e)) {
        return Optional.of(type.cast(e));
      }
    }
    return Optional.empty();
  }
}
