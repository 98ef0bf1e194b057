package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.EventFileMerge;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
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
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the activity of a range, one UTC day at a time (each day its own query with explicit
 * {@code date >=} and {@code date <=} filters, so days run in parallel and a count that disagrees
 * with the server's {@code total} points at one day), spools the events to disk and merges them
 * into the store's day partitions.
 */
final class ActivityStep {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityStep.class);
  private static final Duration LAST_NANO = Duration.ofNanos(1);

  private final PullSource source;
  private final long teamId;
  private final DaySpools spools;
  private final Progress progress;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong serverTotal = new AtomicLong();
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

  ActivityStep(PullSource source, long teamId, DaySpools spools, Progress progress) {
    this.source = source;
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

  /** Returns a task that fetches {@code slice}, once more if its count disagrees. */
  Callable<Void> task(Slice slice) {
    return () -> {
      try {
        fetchWithOneRecount(slice);
      } catch (SourceException e) {
        complete = false;
        warnings.add("activity of " + slice.day() + " could not be fetched: " + e.getMessage());
        LOG.warn("activity of {} could not be fetched", slice.day(), e);
      } finally {
        progress.taskDone();
      }
      return null;
    };
  }

  private void fetchWithOneRecount(Slice slice) throws IOException {
    Count first = fetch(slice);
    if (first.matches()) {
      serverTotal.addAndGet(Math.max(first.lastTotal, 0));
      return;
    }
    LOG.info(
        "activity of {}: received {} events, server total {}; fetching the day again",
        slice.day(),
        first.received,
        first.lastTotal);
    Count second = fetch(slice);
    serverTotal.addAndGet(Math.max(second.lastTotal, 0));
    if (!second.matches()) {
      countMatched = false;
      warnings.add(
          String.format(
              "activity of %s: received %d events but the server's total was %d, also after"
                  + " fetching the day again",
              slice.day(), second.received, second.lastTotal));
    }
  }

  private Count fetch(Slice slice) throws IOException {
    Count count = new Count();
    source.activity(
        teamId,
        slice.from(),
        slice.to(),
        (entities, total) -> {
          for (JsonNode event : entities) {
            spools.append(event);
          }
          count.page(entities.size(), total);
          received.addAndGet(entities.size());
          progress.eventsReceived(entities.size());
        });
    return count;
  }

  /**
   * Merges every spool into its day partition (or the undated file) of {@code layout}, several
   * days at once on {@code executor}, calling {@code checkpoint} after each file.
   */
  Merged merge(StoreLayout layout, ExecutorService executor, Checkpoint checkpoint)
      throws IOException {
    List<Future<EventFileMerge.Result>> results = new ArrayList<>();
    Map<String, Path> files = spools.finish();
    List<Path> targets = new ArrayList<>();
    for (Map.Entry<String, Path> spool : files.entrySet()) {
      Path target = target(layout, spool.getKey());
      targets.add(target);
      results.add(executor.submit(() -> mergeOne(target, spool.getValue(), checkpoint)));
    }
    Map<String, Manifest.FileEntry> entries = new TreeMap<>();
    long added = 0;
    int days = 0;
    for (int i = 0; i < results.size(); i++) {
      EventFileMerge.Result result = Tasks.await(results.get(i));
      added += result.linesAdded();
      days += result.linesAdded() > 0 ? 1 : 0;
      if (result.bytes() > 0) {
        entries.put(
            layout.relative(targets.get(i)),
            new Manifest.FileEntry(result.linesAfter(), result.bytes()));
      }
    }
    return new Merged(added, days, entries);
  }

  private static EventFileMerge.Result mergeOne(Path target, Path spool, Checkpoint checkpoint)
      throws IOException {
    EventFileMerge.Result result = EventFileMerge.merge(target, spool);
    Files.deleteIfExists(spool);
    checkpoint.reached("merged " + target);
    return result;
  }

  private static Path target(StoreLayout layout, String key) {
    return key.equals(DaySpools.UNDATED)
        ? layout.activityUndated()
        : layout.activityDay(LocalDate.parse(key));
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
      return List.copyOf(warnings);
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
