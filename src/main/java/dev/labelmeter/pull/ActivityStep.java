package dev.labelmeter.pull;

import dev.labelmeter.store.CanonicalJson;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.EventFileMerge;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the activity of a range, one UTC day at a time (each day its own query with explicit
 * {@code date >=} and {@code date <=} filters, so days run in parallel and a count that disagrees
 * with the server's {@code total} points at one day), stages each day's distinct events on disk
 * and moves or merges them into the day's partition as soon as the day is fetched.
 */
final class ActivityStep {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityStep.class);
  private static final Duration LAST_NANO = Duration.ofNanos(1);

  private final PullSource source;
  private final StoreLayout layout;
  private final Checkpoint checkpoint;
  private final long teamId;
  private final DaySpools spools;
  private final Progress progress;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong serverTotal = new AtomicLong();
  private final AtomicLong eventsAdded = new AtomicLong();
  private final AtomicInteger daysWritten = new AtomicInteger();
  private final AtomicInteger rechecksFetched = new AtomicInteger();
  private final Map<String, Manifest.FileEntry> files = new ConcurrentHashMap<>();
  private volatile boolean countMatched = true;
  private volatile boolean complete = true;

  /** One query of the range: a UTC day, or the part of it inside the range. */
  record Slice(Instant from, Instant to) {
    LocalDate day() {
      return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }
  }

  /** What merging the spools into the store did. */
  record Merged(long eventsAdded, int daysWritten, Map<String, Manifest.FileEntry> files) {}

  ActivityStep(
      PullSource source,
      StoreLayout layout,
      long teamId,
      DaySpools spools,
      Progress progress,
      Checkpoint checkpoint) {
    this.source = source;
    this.layout = layout;
    this.checkpoint = checkpoint;
    this.teamId = teamId;
    this.spools = spools;
    this.progress = progress;
  }

  /** Returns the UTC-day slices of {@code [from, to]}, both ends inclusive. */
  static List<Slice> slices(Instant from, Instant to) {
    List<Slice> slices = new ArrayList<>();
    Instant start = from;
    while (!start.isAfter(to)) {
      Instant nextDay =
          LocalDate.ofInstant(start, ZoneOffset.UTC)
              .plusDays(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      Instant end = nextDay.minus(LAST_NANO);
      slices.add(new Slice(start, end.isBefore(to) ? end : to));
      start = nextDay;
    }
    return slices;
  }

  /**
   * Returns a task that fetches {@code slice} (once more if its count disagrees) into a staging
   * file and then moves or merges it into the day's partition.
   */
  Callable<Void> task(Slice slice) {
    return task(slice, true);
  }

  /**
   * Returns a task that compares the server's count of {@code slice}, a stored day's range, with
   * the events the store holds for that day, and fetches the slice again when the server has more
   * (events it recorded late, after an earlier pull fetched the day).
   */
  Callable<Void> recheck(Slice slice, Optional<Manifest> previous) {
    return () -> {
      long stored = storedLines(slice.day(), previous);
      OptionalLong server;
      try {
        server = source.activityCount(teamId, slice.from(), slice.to());
      } catch (SourceException e) {
        if (Tasks.cancelled()) {
          LOG.debug("activity of {} not counted: the pull was cancelled", slice.day(), e);
          return null;
        }
        String warning =
            "activity of "
                + slice.day()
                + " could not be counted, so it was not checked for events recorded late"
                + " (the next pull checks it again): "
                + e.getMessage();
        warnings.add(warning);
        Tasks.logFailure(LOG, warning, e);
        progress.taskDone();
        return null;
      }
      if (server.isEmpty() || server.getAsLong() <= stored) {
        progress.taskDone();
        return null;
      }
      LOG.info(
          "activity of {}: the server has {} events, the store {}; fetching the day again"
              + " for events recorded late",
          slice.day(),
          server.getAsLong(),
          stored);
      rechecksFetched.incrementAndGet();
      return task(slice, false).call();
    };
  }

  /**
   * Returns whether the days of {@code stretch}, consecutive slices, may hold events: false only
   * when the server counts none in them. A count that fails or that the server does not give
   * leaves the days to be fetched one by one, where a failure is reported.
   */
  boolean mayHoldEvents(List<Slice> stretch) {
    Instant from = stretch.get(0).from();
    Instant to = stretch.get(stretch.size() - 1).to();
    try {
      OptionalLong count = source.activityCount(teamId, from, to);
      return count.isEmpty() || count.getAsLong() > 0;
    } catch (SourceException e) {
      LOG.debug("activity from {} to {} could not be counted; fetching its days", from, to, e);
      return true;
    } finally {
      progress.taskDone();
    }
  }

  /**
   * Returns how many events the store holds for {@code day}, with what this pull wrote: none when
   * its partition is not on disk (deleted by hand), so that the day is fetched again.
   */
  private long storedLines(LocalDate day, Optional<Manifest> previous) {
    if (!Files.exists(layout.activityDay(day))) {
      return 0;
    }
    String file = layout.relative(layout.activityDay(day));
    Manifest.FileEntry entry = files.get(file);
    if (entry == null) {
      entry = previous.map(m -> m.files().get(file)).orElse(null);
    }
    return entry == null ? 0 : entry.lines();
  }

  private Callable<Void> task(Slice slice, boolean inRange) {
    return () -> {
      Path staging = spools.dir().resolve("day-" + slice.day() + ".jsonl.gz");
      try (EventFileMerge.Staged staged = EventFileMerge.stage(staging)) {
        try {
          fetchWithOneRecount(slice, staged, inRange);
        } catch (SourceException e) {
          if (Tasks.cancelled()) {
            // Discards the staged events: the failure that cancelled the pull is reported.
            LOG.debug("activity of {} not fetched: the pull was cancelled", slice.day(), e);
            throw new InterruptedIOException("the pull was cancelled");
          }
          complete = false;
          String warning =
              "activity of " + slice.day() + " could not be fetched: " + e.getMessage();
          warnings.add(warning);
          Tasks.logFailure(LOG, warning, e);
        }
        // Even a partial day only adds events: the partition stays a superset of itself.
        record(layout.activityDay(slice.day()), staged.commitInto(layout.activityDay(slice.day())));
      } finally {
        progress.taskDone();
      }
      return null;
    };
  }

  /**
   * Fetches the slice, once more if the count disagrees; {@code inRange}: the slice is part of the
   * pull's range, so its total counts towards the range's total.
   */
  private void fetchWithOneRecount(Slice slice, EventFileMerge.Staged staged, boolean inRange)
      throws IOException {
    Count first = fetch(slice, staged);
    if (first.matches()) {
      serverTotal.addAndGet(inRange ? Math.max(first.lastTotal, 0) : 0);
      return;
    }
    LOG.info(
        "activity of {}: received {} events, server total {}; fetching the day again",
        slice.day(),
        first.received,
        first.lastTotal);
    Count second = fetch(slice, staged);
    serverTotal.addAndGet(inRange ? Math.max(second.lastTotal, 0) : 0);
    if (!second.matches()) {
      countMatched = false;
      String warning =
          String.format(
              "activity of %s: received %d events but the server's total was %d, also after"
                  + " fetching the day again",
              slice.day(), second.received, second.lastTotal);
      warnings.add(warning);
      LOG.warn(warning);
    }
  }

  private Count fetch(Slice slice, EventFileMerge.Staged staged) throws IOException {
    Count count = new Count();
    LocalDate day = slice.day();
    source.activity(
        teamId,
        slice.from(),
        slice.to(),
        (entities, total) -> {
          for (JsonBytes event : entities) {
            CanonicalJson.Scanned scanned = scan(event);
            Optional<LocalDate> eventDay =
                EventDates.parse(scanned.field())
                    .map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
            if (eventDay.filter(day::equals).isPresent()) {
              staged.add(scanned.digest(), event.buffer(), event.offset(), event.length());
            } else { // a date the server placed elsewhere, or none
              spools.append(eventDay, event.buffer(), event.offset(), event.length());
            }
          }
          count.page(entities.size(), total);
          received.addAndGet(entities.size());
          progress.eventsReceived(entities.size());
        });
    return count;
  }

  /** Returns the event's digest and {@code date}; the client has checked it is valid JSON. */
  private static CanonicalJson.Scanned scan(JsonBytes event) throws IOException {
    return CanonicalJson.scan(event.buffer(), event.offset(), event.length(), "date");
  }

  private void record(Path target, EventFileMerge.Result result) throws IOException {
    eventsAdded.addAndGet(result.linesAdded());
    if (result.linesAdded() > 0) {
      daysWritten.incrementAndGet();
      files.put(
          layout.relative(target), new Manifest.FileEntry(result.linesAfter(), result.bytes()));
      checkpoint.reached("wrote " + layout.relative(target));
    }
  }

  /**
   * Merges the events that were not in their query's day (and those without a date) into their
   * partitions, once every day's task is done, and returns what the whole step wrote.
   */
  Merged finish() throws IOException {
    for (Map.Entry<String, Path> spool : spools.finish().entrySet()) {
      Path target = target(layout, spool.getKey());
      record(target, EventFileMerge.merge(target, spool.getValue()));
      Files.deleteIfExists(spool.getValue());
    }
    return new Merged(eventsAdded.get(), daysWritten.get(), new TreeMap<>(files));
  }

  private static Path target(StoreLayout layout, String key) {
    return key.equals(DaySpools.UNDATED)
        ? layout.activityUndated()
        : layout.activityDay(LocalDate.parse(key));
  }

  /** Returns how many stored days were fetched again because the server had more events. */
  int daysFetchedAgain() {
    return rechecksFetched.get();
  }

  long received() {
    return received.get();
  }

  long serverTotal() {
    return serverTotal.get();
  }

  boolean countMatched() {
    return countMatched;
  }

  boolean complete() {
    return complete;
  }

  List<String> warnings() {
    synchronized (warnings) {
      return Tasks.capped(warnings.stream().sorted().toList(), "days of activity");
    }
  }

  /** Events received by one query against the totals the server reported with its pages. */
  private static final class Count {
    long received;
    long lastTotal = -1; // unknown until a page says, or when the server sends none
    boolean totalChanged;

    void page(int size, long total) {
      received += size;
      totalChanged |= lastTotal >= 0 && total >= 0 && lastTotal != total;
      lastTotal = total;
    }

    /** Returns whether the count agrees; a server that sends no total cannot disagree. */
    boolean matches() {
      return !totalChanged && (lastTotal < 0 || received == lastTotal);
    }
  }
}
