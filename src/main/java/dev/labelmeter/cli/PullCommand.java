package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.cli.logging.Logging;
import dev.labelmeter.pull.Pull;
import dev.labelmeter.pull.PullException;
import dev.labelmeter.pull.PullOptions;
import dev.labelmeter.pull.PullSummary;
import dev.labelmeter.pull.SuperviselySource;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code labelmeter pull}: the extract step alone. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Pulls a team's jobs, stats, members and activity from the server into the local store"
          + " (<data-dir>/<team>/), incrementally: later pulls fetch only what is new.",
      "Exits 0 when everything was fetched, 1 when some of it could not be (the rest is"
          + " written and the manifest names what is missing), 2 when the command line or"
          + " configuration is wrong (such as a data directory that cannot be written), the"
          + " token is refused or the team is unknown.",
      ""
    })
final class PullCommand extends BaseCommand {
  @Mixin private TeamOptions team;
  @Mixin private ServerOptions server;
  @Mixin private PullFlags pull;
  @Mixin private StoreOptions store;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Fetches activity from this ISO date (UTC midnight) or instant on, instead of since the"
              + " last pull. Default: since the last pull, or pull.history-days for a new store.")
  private String since;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    team.addTo(flags);
    server.addTo(flags);
    pull.addTo(flags);
    store.addTo(flags);
    return flags;
  }

  @Override
  protected Optional<String> stopNotice() {
    return Optional.of(StopNotices.store(spec.name()));
  }

  @Override
  public Integer call() throws IOException, PullException {
    Instant start = since == null ? null : parseSince(since);
    Settings settings = loadSettings();
    long teamId = settings.requireTeam();
    WritableDirs.requireDataDir(settings, StoreLayout.of(settings.dataDir(), teamId).teamDir());
    PullOptions options =
        PullOptions.builder(teamId, settings.dataDir())
            .concurrency(settings.concurrency())
            .history(Duration.ofDays(settings.historyDays()))
            .overlap(settings.overlap())
            .recheck(Duration.ofDays(settings.recheckDays()))
            .since(start)
            .clock(context().clock())
            .progress(progress())
            .build();
    SuperviselySource source =
        new SuperviselySource(ServerConnection.open(settings, context().env()));
    // The summary is this command's result, printed on standard output: once is enough.
    Logging.fileOnlyThisRun(Pull.SUMMARY_LOG);
    PullSummary summary = new Pull(source, options).run();
    out().println(summary.oneLine());
    out().flush();
    if (summary.missing().isPresent()) {
      err()
          .println(
              "labelmeter: the pull could not fetch "
                  + summary.missing().get()
                  + " (see the warnings above); the store keeps everything else, and the manifest"
                  + " lists the failures. Run the pull again once the server answers.");
      err().flush();
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private Instant parseSince(String text) {
    Instant start;
    try {
      start =
          text.contains("T")
              ? OffsetDateTime.parse(text).toInstant()
              : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--since '"
              + text
              + "' is neither an ISO date (2026-11-01) nor an instant"
              + " (2026-11-01T06:00Z or 2026-11-01T08:00+02:00: a time needs its zone, Z or an"
              + " offset)");
    }
    if (start.isAfter(context().clock().instant())) {
      throw new ParameterException(
          spec.commandLine(), "--since '" + text + "' is in the future; give a date in the past");
    }
    if (start.isBefore(PullOptions.EARLIEST_SINCE)) {
      throw new ParameterException(
          spec.commandLine(),
          "--since '"
              + text
              + "' is before "
              + LocalDate.ofInstant(PullOptions.EARLIEST_SINCE, ZoneOffset.UTC)
              + ", older than any activity a server holds; give a later date, such as the day"
              + " the team started labeling");
    }
    return start;
  }

  /** Returns the pull's progress display: none with {@code -q}, else a bar or log lines. */
  private PullOptions.ProgressMode progress() {
    return globals.verbosity() < 0 ? PullOptions.ProgressMode.NONE : PullOptions.ProgressMode.AUTO;
  }
}
