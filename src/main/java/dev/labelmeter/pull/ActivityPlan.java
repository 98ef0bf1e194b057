package dev.labelmeter.pull;

import dev.labelmeter.store.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity range of one pull.
 *
 * @param fetchFrom where this pull's queries start: {@code --since} or the last pull's end minus
 *     the overlap, whichever is earlier, else the snapshot minus the history; earlier still when
 *     the store holds days before its range, left by a pull stopped before its manifest
 * @param storeFrom where the store's continuous range starts once this pull is done
 * @param recheck the stored days (each the part of a UTC day inside the store's range) whose
 *     count the pull compares with the server's, to fetch again those that gained events dated
 *     before {@code fetchFrom} since they were fetched: from the day {@code options.recheck()}
 *     before {@code fetchFrom} to the day of {@code fetchFrom}
 */
record ActivityPlan(Instant fetchFrom, Instant storeFrom, List<ActivityStep.Slice> recheck) {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityPlan.class);

  /**
   * Returns the plan for a pull that fixed its end at {@code snapshotAt}, of a store whose day
   * partitions start at {@code firstStoredDay}.
   */
  static ActivityPlan of(
      Optional<Manifest> previous,
      PullOptions options,
      Instant snapshotAt,
      Optional<LocalDate> firstStoredDay)
      throws PullException {
    Optional<Manifest.ActivityRange> before =
        previous.map(Manifest::activity).filter(r -> r.from() != null && r.to() != null);
    Optional<Instant> since = options.since();
    if (since.filter(start -> start.isAfter(snapshotAt)).isPresent()) {
      throw new PullException(
          PullException.Reason.BAD_OPTION,
          "--since "
              + since.get()
              + " is after now ("
              + snapshotAt
              + "): give a --since in the past, or check the clock");
    }
    Optional<Instant> incremental = before.map(r -> r.to().minus(options.overlap()));
    Instant planned =
        since
            .map(start -> earliest(start, incremental))
            .orElseGet(() -> incremental.orElse(snapshotAt.minus(options.history())));
    Instant from = reachingStrayDays(planned, before, firstStoredDay);
    if (from.isAfter(snapshotAt)) {
      throw new PullException(
          PullException.Reason.BAD_OPTION,
          "the activity would start at "
              + from
              + ", after now ("
              + snapshotAt
              + "): the last pull ended at "
              + before.map(r -> r.to().toString()).orElse("?")
              + "; check the clock of this machine");
    }
    Instant storeFrom = storeFrom(before, from);
    return new ActivityPlan(
        from, storeFrom, recheck(before, from, storeFrom, options.recheck(), snapshotAt));
  }

  private static List<ActivityStep.Slice> recheck(
      Optional<Manifest.ActivityRange> before,
      Instant from,
      Instant storeFrom,
      Duration recheck,
      Instant snapshotAt) {
    if (before.isEmpty() || recheck.isZero()) {
      return List.of();
    }
    Instant firstDay = dayStart(from.minus(recheck));
    Instant start = firstDay.isAfter(storeFrom) ? firstDay : storeFrom;
    if (!start.isBefore(from)) {
      return List.of(); // nothing stored before this pull's range
    }
    Instant lastDayEnd = dayStart(from).plus(Duration.ofDays(1)).minusNanos(1);
    return ActivityStep.slices(start, lastDayEnd.isBefore(snapshotAt) ? lastDayEnd : snapshotAt);
  }

  /**
   * Returns where a pull with {@code --since} starts: the since, or the incremental start when
   * that is earlier, so that a since after the last pull cannot leave a gap in the store.
   */
  private static Instant earliest(Instant since, Optional<Instant> incremental) {
    Optional<Instant> earlier = incremental.filter(start -> start.isBefore(since));
    earlier.ifPresent(
        start ->
            LOG.info(
                "--since {} is after the last pull; starting at {}, where this pull would have"
                    + " started anyway, so that the store keeps no gap",
                since,
                start));
    return earlier.orElse(since);
  }

  /**
   * Returns {@code planned}, or the start of {@code firstStoredDay} when that day is before the
   * day where the store's range would start: a pull stopped before its manifest (a first pull with
   * {@code --since}, say) left days that no manifest covers, and this pull fetches them again so
   * that they end up complete and inside the range.
   */
  private static Instant reachingStrayDays(
      Instant planned,
      Optional<Manifest.ActivityRange> before,
      Optional<LocalDate> firstStoredDay) {
    Instant rangeStart = before.map(Manifest.ActivityRange::from).orElse(planned);
    if (planned.isBefore(rangeStart)) {
      rangeStart = planned;
    }
    LocalDate rangeDay = LocalDate.ofInstant(rangeStart, ZoneOffset.UTC);
    Optional<LocalDate> stray = firstStoredDay.filter(day -> day.isBefore(rangeDay));
    if (stray.isEmpty()) {
      return planned;
    }
    Instant start = stray.get().atStartOfDay(ZoneOffset.UTC).toInstant();
    LOG.info(
        "the store holds days from {} that no finished pull covers (a pull was stopped before it"
            + " finished); starting at {} to fetch them again",
        stray.get(),
        start);
    return start;
  }

  private static Instant dayStart(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The store's range stays continuous: it only reaches back further when this pull does. */
  private static Instant storeFrom(Optional<Manifest.ActivityRange> before, Instant from) {
    if (before.isEmpty() || from.isAfter(before.get().to())) {
      return from;
    }
    return from.isBefore(before.get().from()) ? from : before.get().from();
  }
}
