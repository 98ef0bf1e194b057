package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labelmeter.cli.pipeline.ReportWriteException;
import dev.labelmeter.pull.PullStoreException;
import dev.labelmeter.store.StoreFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreMessagesTest {
  private static final Path TEAM_DIR = Path.of("/srv/labelmeter/data/107");

  @Test
  void aDiskThatFillsUpDuringAPullNamesTheStoreAndWhereToMakeRoom() {
    IOException full = new IOException("No space left on device");

    String line = ErrorHandlers.describe(new PullStoreException(107, TEAM_DIR, true, full));

    assertThat(line)
        .isEqualTo(
            "cannot write the data store in /srv/labelmeter/data/107: no space left on device;"
                + " free some space or choose another data directory (--data-dir,"
                + " LABELMETER_DATA_DIR or 'data-dir:' in the configuration file); the previous"
                + " store is kept");
  }

  @Test
  void aDiskThatFillsUpWhileWritingReportsNamesTheFolderAndWhereToMakeRoom() {
    IOException full = new IOException("No space left on device");

    String line =
        ErrorHandlers.describe(
            new ReportWriteException(Path.of("/srv/labelmeter/reports/107/2026-11-30"), full));

    assertThat(line)
        .isEqualTo(
            "cannot write the reports in /srv/labelmeter/reports/107/2026-11-30: no space left on"
                + " device; free some space or choose another reports directory (--reports-dir or"
                + " --out, LABELMETER_REPORTS_DIR or 'reports-dir:' in the configuration file);"
                + " the reports already there are kept");
  }

  @Test
  void aDiskThatFillsUpDuringTheFirstPullSaysTheNextPullCompletesTheStore() {
    IOException full = new IOException("Disk quota exceeded");

    String line = ErrorHandlers.describe(new PullStoreException(107, TEAM_DIR, false, full));

    assertThat(line)
        .startsWith("cannot write the data store in /srv/labelmeter/data/107: disk quota exceeded;")
        .endsWith("what was written is kept, and the next pull completes the store");
  }

  @Test
  void aFolderOfTheStoreThisUserMayNotWriteInIsNamedWithWhatToDo() {
    AccessDeniedException denied =
        new AccessDeniedException(
            TEAM_DIR.resolve("activity/day=2026-11-25/.events.jsonl.gz.123.tmp").toString());

    String line = ErrorHandlers.describe(new PullStoreException(107, TEAM_DIR, true, denied));

    assertThat(line)
        .isEqualTo(
            "cannot write the data store in /srv/labelmeter/data/107: permission denied in"
                + " /srv/labelmeter/data/107/activity/day=2026-11-25; give this user write access"
                + " to the store (its owner and mode), or choose another data directory"
                + " (--data-dir, LABELMETER_DATA_DIR or 'data-dir:' in the configuration file);"
                + " the previous store is kept");
  }

  @Test
  void aReportsFolderThisUserMayNotWriteInIsNamed() {
    Path folder = Path.of("/srv/labelmeter/reports/107");
    AccessDeniedException denied =
        new AccessDeniedException(folder.resolve(".staging-2026-11-30").toString());

    String line = ErrorHandlers.describe(new ReportWriteException(folder.resolve("x"), denied));

    assertThat(line)
        .startsWith(
            "cannot write the reports in /srv/labelmeter/reports/107/x: permission denied in"
                + " /srv/labelmeter/reports/107; give this user write access to it,")
        .endsWith("the reports already there are kept");
  }

  @Test
  void aDamagedJobsFileSaysToDeleteItAndPullAgain() {
    Path jobs = TEAM_DIR.resolve("jobs.jsonl.gz");
    StoreFormatException damaged = new StoreFormatException(jobs, jobs + " is damaged: x", null);

    String line = ErrorHandlers.describe(new PullStoreException(107, TEAM_DIR, true, damaged));

    assertThat(line)
        .isEqualTo(
            "/srv/labelmeter/data/107/jobs.jsonl.gz is damaged: x; delete the file and run"
                + " 'labelmeter pull --team 107 --data-dir /srv/labelmeter/data' to fetch it again,"
                + " or move /srv/labelmeter/data/107 aside to start the store anew");
  }

  @Test
  void aDataDirectoryThatIsNotOneShellWordIsQuotedInThePullToRun() {
    Path dir = Path.of("/srv/team data/$HOME/107");
    Path day = dir.resolve("activity/day=2026-11-05/events.jsonl.gz");
    StoreFormatException damaged = new StoreFormatException(day, day + " is damaged: x", null);

    String line = ErrorHandlers.describe(damaged);

    assertThat(line)
        .contains(
            "run 'labelmeter pull --team 107 --data-dir \"/srv/team data/\\$HOME\" --since"
                + " 2026-11-05'");
  }

  @Test
  void otherFailuresKeepTheirOwnMessage() {
    IOException denied = new IOException("Permission denied");

    String line = ErrorHandlers.describe(denied);

    assertThat(line).isEqualTo("Permission denied");
  }
}
