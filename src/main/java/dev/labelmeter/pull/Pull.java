package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The nightly pull: brings a team's jobs, stats, members and activity from the server into its
 * store ({@code docs/data-layout.md}), incrementally, with bounded concurrency.
 *
 * <pre>{@code
 * PullOptions options = PullOptions.builder(teamId, Path.of("data")).build();
 * PullSummary summary = Pull.create(SuperviselyApi.fromEnv(), options).run();
 * System.exit(summary.exitCode());
 * }</pre>
 *
 * <p>Crash safety: every file is replaced atomically, day partitions only by supersets of
 * themselves, and the manifest last. A pull killed at any moment leaves the previous manifest and
 * every file complete; the next pull cleans up and completes the store.
 */
public final class Pull {
  private static final Logger LOG = LoggerFactory.getLogger(Pull.class);

  /** The name of {@link #SUMMARY_LOG}: a constant, so a log filter can match it early. */
  public static final String SUMMARY_LOG_NAME = "PULL_SUMMARY";

  /**
   * Marks the line that ends a pull with its {@link PullSummary#oneLine()}: an application that
   * shows its user the summary itself can keep this line in its log file only.
   */
  public static final Marker SUMMARY_LOG = MarkerFactory.getMarker(SUMMARY_LOG_NAME);

  /** Most days of activity fetched at once: each holds a page of up to 20000 events. */
  static final int MAX_ACTIVITY_WORKERS = 4;

  /**
   * A range longer than this many days (a far {@code --since}) is first counted by stretches,
   * so that stretches without events cost one request instead of one a day.
   */
  static final int LONG_RANGE_DAYS = 92;

  /** The days of one counted stretch of a long range. */
  static final int STRETCH_DAYS = 31;

  /** How long a failed pull waits for its cancelled tasks to stop before closing their files. */
  private static final long CANCEL_WAIT_SECONDS = 10;

  private final PullSource source;
  private final CircuitBreaker breaker;
  private final PullOptions options;
  private final Checkpoint checkpoint;

  /** Returns a pull of the server {@code api} connects to. */
  public static Pull create(SuperviselyApi api, PullOptions options) {
    return new Pull(new SuperviselySource(api), options);
  }

  /** Returns a pull that reads from {@code source}. */
  public Pull(PullSource source, PullOptions options) {
    this(source, options, Checkpoint.NONE);
  }

  Pull(PullSource source, PullOptions options, Checkpoint checkpoint) {
    this.options = Objects.requireNonNull(options, "options");
    this.breaker = new CircuitBreaker(Objects.requireNonNull(source, "source"));
    this.source = new LimitedSource(breaker, options.concurrency());
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /**
   * Runs the pull and returns what it did; {@link PullSummary#exitCode()} is non-zero when some
   * jobs, the members or the activity could not be fetched (the rest is written).
   *
   * @throws PullException before anything is written: unknown team, token refused, server
   *     unreachable, data directory not writable, another pull running, a start in the future
   * @throws PullStoreException when the store cannot be read or written while pulling (a full
   *     disk, a damaged file); the manifest of the last complete pull is kept
   */
  public PullSummary run() throws PullException, IOException {
    long startNanos = System.nanoTime();
    StoreLayout layout = StoreLayout.of(options.dataDir(), options.teamId());
    Preflight.checkDataDir(layout);
    List<String> warnings = new ArrayList<>();
    Optional<Manifest> previous = readPrevious(layout, warnings);
    Instant snapshotAt = options.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    ActivityPlan plan =
        ActivityPlan.of(previous, options, snapshotAt, layout.activityDays().stream().findFirst());
    Preflight.checkTeam(source, options.teamId());
    warnIfAnotherServer(previous, warnings);

    Files.createDirectories(layout.teamDir());
    try (StoreLock lock = StoreLock.acquire(layout)) {
      Leftovers.remove(layout);
      Run run = new Run(layout, previous, plan, snapshotAt, warnings);
      PullSummary summary = execute(run, layout, previous, startNanos);
      LOG.info(SUMMARY_LOG, "pull {}", summary.oneLine());
      return summary;
    }
  }

  /** Runs the pull, naming the store in a failure to read or write it. */
  private PullSummary execute(
      Run run, StoreLayout layout, Optional<Manifest> previous, long startNanos)
      throws PullStoreException {
    try {
      return run.execute(startNanos);
    } catch (IOException e) {
      throw new PullStoreException(options.teamId(), layout.teamDir(), previous.isPresent(), e);
    }
  }

  /**
   * Warns when the store was pulled from another address: a server that moved is fine, another
   * server's team of the same id would be mixed into the store.
   */
  private void warnIfAnotherServer(Optional<Manifest> previous, List<String> warnings) {
    String now = source.serverAddress();
    Optional<String> before =
        previous.map(Manifest::server).filter(server -> server != null && !server.equals(now));
    if (before.isPresent()) {
      String warning =
          "the store was pulled from "
              + before.get()
              + " and this pull is from "
              + now
              + ": if that is another server, this store now mixes both; give each server a"
              + " data directory of its own (--data-dir)";
      warnings.add(warning);
      LOG.warn("{}", warning);
    }
  }

  private static Optional<Manifest> readPrevious(StoreLayout layout, List<String> warnings)
      throws IOException {
    try {
      return Manifest.read(layout);
    } catch (StoreFormatException e) {
      String warning = e.getMessage() + "; pulled everything again as if the store were new";
      warnings.add(warning);
      LOG.warn(warning);
      return Optional.empty();
    }
  }

  /** One pull's state between its steps. */
  private final class Run {
    private final StoreLayout layout;
    private final Optional<Manifest> previous;
    private final ActivityPlan plan;
    private final Instant snapshotAt;
    private final List<String> warnings;
    private final AtomicLong jobsEndNanos = new AtomicLong();
    private final AtomicLong activityEndNanos = new AtomicLong();
    private boolean jobListFailed;

    private Progress progress;
    private ExecutorService pool;

    Run(
        StoreLayout layout,
        Optional<Manifest> previous,
        ActivityPlan plan,
        Instant snapshotAt,
        List<String> warnings) {
      this.layout = layout;
      this.previous = previous;
      this.plan = plan;
      this.snapshotAt = snapshotAt;
      this.warnings = warnings;
    }

    PullSummary execute(long startNanos) throws IOException {
      Path staging = Files.createTempDirectory(layout.teamDir(), Leftovers.STAGING_PREFIX);
      // Beyond the calls in flight (LimitedSource), threads for storing the activity pages.
      pool = Tasks.pool("pull-" + options.teamId(), options.concurrency() + activityWorkers());
      try (Progress shown = Progress.open(options.progress(), options.teamId());
          DaySpools spools = new DaySpools(staging);
          JobsStep jobs = new JobsStep(source, layout, shown);
          MembersStep members = new MembersStep(source, layout, options.teamId(), shown)) {
        progress = shown;
        ActivityStep activity =
            new ActivityStep(source, layout, options.teamId(), spools, shown, checkpoint);
        try {
          return execute(activity, jobs, members, startNanos);
        } catch (IOException | RuntimeException | Error e) {
          cancelTasks();
          throw e;
        }
      } finally {
        pool.shutdownNow();
        Leftovers.deleteTree(staging);
      }
    }

    /**
     * Stops the tasks still running after a failure, before their files are closed. A task
     * stopped this way reports nothing on the console: the failure that stopped it is the news.
     */
    private void cancelTasks() {
      pool.shutdownNow();
      try {
        if (!pool.awaitTermination(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS)) {
          LOG.debug("some tasks of the pull were still running after the failure");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private PullSummary execute(
        ActivityStep activity, JobsStep jobs, MembersStep members, long startNanos)
        throws IOException {
      List<Future<?>> futures = new ArrayList<>();
      futures.addAll(submitActivity(activity));
      futures.add(pool.submit(members.task()));
      progress.addTasks(1);
      futures.addAll(submitJobs(jobs));
      Tasks.awaitAll(futures);
      recheckStoredDays(activity);
      breaker.lostServer().ifPresent(this::warnOfLostServer);

      long writeStart = System.nanoTime();
      ActivityStep.Merged merged = activity.finish();
      Map<String, Manifest.FileEntry> fresh = new TreeMap<>(merged.files());
      commitJobs(jobs);
      Optional<Long> memberLines = members.commit();
      checkpoint.reached("committed members");
      Manifest manifest = manifest(activity, jobs, members, fresh);
      manifest.write(layout);
      long endNanos = System.nanoTime();

      return summary(
          activity, jobs, memberLines, merged, manifest, startNanos, writeStart, endNanos);
    }

    private void warnOfLostServer(SourceException lost) {
      int notMade = breaker.callsNotMade();
      String warning =
          "the server stopped answering during the pull ("
              + lost.getMessage()
              + (notMade == 0 ? ")" : "); the " + notMade + " calls after that were not made")
              + ", and what is missing comes with the next pull";
      warnings.add(warning);
      LOG.warn("{}", warning);
    }

    /**
     * Compares the stored days before this pull's range with the server's counts and fetches
     * again those that gained events, once this pull's own days are in the store.
     */
    private void recheckStoredDays(ActivityStep activity) throws IOException {
      progress.addTasks(plan.recheck().size());
      List<Future<?>> futures = new ArrayList<>();
      for (ActivityStep.Slice day : plan.recheck()) {
        futures.add(pool.submit(timed(activity.recheck(day, previous), activityEndNanos)));
      }
      Tasks.awaitAll(futures);
    }

    /**
     * Submits at most {@link #MAX_ACTIVITY_WORKERS} workers that take the days one by one, so
     * that the big activity pages in memory stay few and the other threads serve the jobs.
     */
    private List<Future<?>> submitActivity(ActivityStep activity) throws IOException {
      List<ActivityStep.Slice> slices = daysToFetch(activity);
      progress.addTasks(slices.size());
      Queue<ActivityStep.Slice> queue = new ConcurrentLinkedQueue<>(slices);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < activityWorkers(); i++) {
        Callable<Void> worker =
            () -> {
              for (ActivityStep.Slice slice = queue.poll(); slice != null; slice = queue.poll()) {
                activity.task(slice).call();
              }
              return null;
            };
        futures.add(pool.submit(timed(worker, activityEndNanos)));
      }
      return futures;
    }

    /**
     * Returns the days of the range to fetch: all of them, or in a long range those of the
     * stretches the server does not count as empty.
     */
    private List<ActivityStep.Slice> daysToFetch(ActivityStep activity) throws IOException {
      List<ActivityStep.Slice> days = ActivityStep.slices(plan.fetchFrom(), snapshotAt);
      if (days.size() <= LONG_RANGE_DAYS) {
        return days;
      }
      List<List<ActivityStep.Slice>> stretches = new ArrayList<>();
      for (int first = 0; first < days.size(); first += STRETCH_DAYS) {
        stretches.add(days.subList(first, Math.min(days.size(), first + STRETCH_DAYS)));
      }
      progress.addTasks(stretches.size());
      List<Future<Boolean>> counted = new ArrayList<>();
      for (List<ActivityStep.Slice> stretch : stretches) {
        counted.add(pool.submit(timed(() -> activity.mayHoldEvents(stretch), activityEndNanos)));
      }
      List<ActivityStep.Slice> kept = new ArrayList<>();
      for (int i = 0; i < stretches.size(); i++) {
        if (Tasks.await(counted.get(i))) {
          kept.addAll(stretches.get(i));
        }
      }
      LOG.info(
          "activity of {} days from {}: {} of them in stretches that hold events by the server's"
              + " counts; fetching those",
          days.size(),
          days.get(0).day(),
          kept.size());
      return kept;
    }

    private int activityWorkers() {
      return Math.min(options.concurrency(), MAX_ACTIVITY_WORKERS);
    }

    private List<Future<?>> submitJobs(JobsStep jobs) throws IOException {
      List<JsonNode> listed;
      try {
        listed = source.listJobs(options.teamId());
      } catch (SourceException e) {
        jobListFailed = true;
        warnings.add(
            "the job list could not be fetched ("
                + e.getMessage()
                + "); the previous jobs and stats are kept");
        Tasks.logFailure(
            LOG,
            "job list of team " + options.teamId() + " could not be fetched: " + e.getMessage(),
            e);
        return List.of();
      }
      List<Callable<Void>> tasks = jobs.plan(listed, previous);
      progress.addTasks(tasks.size());
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        futures.add(pool.submit(timed(task, jobsEndNanos)));
      }
      jobsEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
      return futures;
    }

    private void commitJobs(JobsStep jobs) throws IOException {
      if (jobListFailed) {
        return; // the writers are discarded on close; the previous files stay
      }
      jobs.commit();
      checkpoint.reached("committed jobs and stats");
    }

    private Manifest manifest(
        ActivityStep activity,
        JobsStep jobs,
        MembersStep members,
        Map<String, Manifest.FileEntry> fresh)
        throws IOException {
      Map<String, Manifest.FileEntry> files = Inventory.files(layout, previous, fresh);
      Map<String, Long> counts = new TreeMap<>();
      counts.put("jobs", Inventory.lines(files, StoreLayout.JOBS));
      counts.put("stats", Inventory.lines(files, StoreLayout.STATS));
      counts.put("members", Inventory.lines(files, StoreLayout.MEMBERS));
      counts.put("events", Inventory.dayLines(files));
      counts.put(
          "undatedEvents", Inventory.lines(files, layout.relative(layout.activityUndated())));
      checkpoint.reached("before manifest");
      return new Manifest(
          Manifest.FORMAT_VERSION,
          options.teamId(),
          snapshotAt,
          source.serverAddress(),
          files,
          counts,
          activityRange(activity),
          allWarnings(activity, jobs, members),
          failedJobIds(jobs),
          jobListFailed ? previous.map(Manifest::jobStates).orElse(Map.of()) : jobs.jobStates());
    }

    private Manifest.ActivityRange activityRange(ActivityStep activity) {
      if (!activity.complete()) {
        return previous.map(Manifest::activity).orElse(null);
      }
      return new Manifest.ActivityRange(
          plan.storeFrom(), snapshotAt, activity.serverTotal(), activity.countMatched());
    }

    private List<Long> failedJobIds(JobsStep jobs) {
      return jobListFailed
          ? previous.map(Manifest::failedJobIds).orElse(List.of())
          : jobs.failedIds();
    }

    private List<String> allWarnings(ActivityStep activity, JobsStep jobs, MembersStep members) {
      List<String> all = new ArrayList<>(warnings);
      all.addAll(jobs.warnings());
      members.failure().ifPresent(all::add);
      all.addAll(activity.warnings());
      if (!activity.complete()) {
        all.add("the activity range stays as before because some days could not be fetched");
      }
      return all;
    }

    private PullSummary summary(
        ActivityStep activity,
        JobsStep jobs,
        Optional<Long> memberLines,
        ActivityStep.Merged merged,
        Manifest manifest,
        long startNanos,
        long writeStart,
        long endNanos) {
      return new PullSummary(
          options.teamId(),
          layout.teamDir(),
          snapshotAt,
          plan.fetchFrom(),
          !jobListFailed,
          jobs.listed(),
          jobs.fetched(),
          jobs.carriedOver(),
          jobListFailed ? List.of() : jobs.failedIds(),
          memberLines,
          activity.received(),
          merged.eventsAdded(),
          manifest.count("events"),
          manifest.count("undatedEvents"),
          merged.daysWritten(),
          activity.countMatched(),
          activity.complete(),
          manifest.warnings(),
          nanos(jobsEndNanos.get() - startNanos),
          nanos(activityEndNanos.get() - startNanos),
          nanos(endNanos - writeStart),
          nanos(endNanos - startNanos));
    }
  }

  private static <T> Callable<T> timed(Callable<T> task, AtomicLong endNanos) {
    return () -> {
      try {
        return task.call();
      } finally {
        endNanos.accumulateAndGet(System.nanoTime(), Math::max);
      }
    };
  }

  private static Duration nanos(long nanos) {
    return Duration.ofNanos(Math.max(0, nanos));
  }
}
