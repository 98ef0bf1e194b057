package dev.labelmeter.pull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pull fetches and how.
 *
 * <pre>{@code
 * PullOptions options = PullOptions.builder(8, Path.of("data")).concurrency(4).build();
 * }</pre>
 *
 * @param teamId the team to pull
 * @param dataDir the data directory; the team's store is {@code <dataDir>/<teamId>}
 * @param concurrency how many requests may be in flight at once (1 to 64)
 * @param history how far back the first pull reaches when {@code since} is not given
 * @param since where the activity range starts instead of the history or the last pull's end
 * @param overlap how far before the last pull's end an incremental pull starts again
 * @param recheck how far back an incremental pull compares each stored day's event count with
 *     the server's and fetches again the days that the server has more events for (events it
 *     recorded late); zero turns the check off
 * @param clock the clock that fixes the snapshot instant
 * @param progress how progress is shown
 */
public record PullOptions(
    long teamId,
    Path dataDir,
    int concurrency,
    Duration history,
    Optional<Instant> since,
    Duration overlap,
    Duration recheck,
    Clock clock,
    ProgressMode progress) {

  public static final int DEFAULT_CONCURRENCY = 8;
  public static final int MAX_CONCURRENCY = 64;
  public static final Duration DEFAULT_HISTORY = Duration.ofDays(35);
  public static final int MAX_HISTORY_DAYS = 3650;
  public static final Duration MAX_OVERLAP = Duration.ofDays(7);
  public static final int MAX_RECHECK_DAYS = 90;

  /** The earliest start of a pull's activity: older than any activity a server can hold. */
  public static final Instant EARLIEST_SINCE = Instant.parse("2000-01-01T00:00:00Z");

  public static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);
  public static final Duration DEFAULT_RECHECK = Duration.ofDays(7);

  /** How progress is shown. */
  public enum ProgressMode {
    /** A progress bar when a console is attached, log lines otherwise. */
    AUTO,
    /** A progress bar on standard error. */
    BAR,
    /** A log line every few seconds. */
    LOG,
    /** Nothing but the final log line. */
    NONE
  }

  public PullOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(recheck, "recheck");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(progress, "progress");
    if (teamId <= 0) {
      throw new IllegalArgumentException("team id must be positive, got " + teamId);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
    }
    if (history.isNegative() || history.isZero()) {
      throw new IllegalArgumentException("history must be positive, got " + history);
    }
    if (history.compareTo(Duration.ofDays(MAX_HISTORY_DAYS)) > 0) {
      throw new IllegalArgumentException(
          "history must be at most " + MAX_HISTORY_DAYS + " days, got " + history.toDays());
    }
    if (since.filter(start -> start.isBefore(EARLIEST_SINCE)).isPresent()) {
      throw new IllegalArgumentException(
          "since must be " + EARLIEST_SINCE + " or later, got " + since.get());
    }
    if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
      throw new IllegalArgumentException(
          "overlap must be between 0 and " + MAX_OVERLAP + ", got " + overlap);
    }
    if (recheck.isNegative() || recheck.compareTo(Duration.ofDays(MAX_RECHECK_DAYS)) > 0) {
      throw new IllegalArgumentException(
          "recheck must be between 0 and " + MAX_RECHECK_DAYS + " days, got " + recheck);
    }
  }

  /**
   * Returns a builder with the defaults: concurrency 8, 35 days of history, 1 h overlap, 7 days
   * of recheck.
   */
  public static Builder builder(long teamId, Path dataDir) {
    return new Builder(teamId, dataDir);
  }

  /** Builds {@link PullOptions}. */
  public static final class Builder {
    private final long teamId;
    private final Path dataDir;
    private int concurrency = DEFAULT_CONCURRENCY;
    private Duration history = DEFAULT_HISTORY;
    private Instant since;
    private Duration overlap = DEFAULT_OVERLAP;
    private Duration recheck = DEFAULT_RECHECK;
    private Clock clock = Clock.systemUTC();
    private ProgressMode progress = ProgressMode.AUTO;

    private Builder(long teamId, Path dataDir) {
      this.teamId = teamId;
      this.dataDir = dataDir;
    }

    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public Builder history(Duration history) {
      this.history = history;
      return this;
    }

    /** Sets where the activity range starts; {@code null} restores the default. */
    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    public Builder overlap(Duration overlap) {
      this.overlap = overlap;
      return this;
    }

    public Builder recheck(Duration recheck) {
      this.recheck = recheck;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder progress(ProgressMode progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public PullOptions build() {
      return new PullOptions(
          teamId,
          dataDir,
          concurrency,
          history,
          Optional.ofNullable(since),
          overlap,
          recheck,
          clock,
          progress);
    }
  }
}
