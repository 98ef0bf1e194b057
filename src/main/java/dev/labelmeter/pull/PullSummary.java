package dev.labelmeter.pull;

import dev.labelmeter.store.Manifest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a pull did.
 *
 * @param teamId the team
 * @param teamDir the team's store directory
 * @param snapshotAt the instant the pull fixed the end of its activity range
 * @param activityFrom start of the activity range fetched by this pull
 * @param jobListComplete whether {@code jobs.list} succeeded (if not, the previous jobs stay)
 * @param jobsListed jobs returned by {@code jobs.list}
 * @param jobsFetched jobs whose info and stats were fetched by this pull
 * @param jobsCarriedOver closed, unchanged jobs whose previous lines were kept without a fetch
 * @param failedJobIds jobs whose info or stats could not be fetched after the client's retries
 * @param members members written, or empty when {@code members.list} failed
 * @param eventsReceived events received from the server, duplicates included
 * @param eventsAdded events that were new to the store
 * @param eventsInStore events in the store's day partitions afterwards
 * @param undatedEvents events in the store whose {@code date} does not parse
 * @param daysWritten day partitions rewritten by this pull
 * @param countMatched whether every activity query received as many events as its {@code total}
 * @param activityComplete whether every activity query succeeded, so the range moved forward
 * @param warnings what the pull could not reconcile, in words
 * @param jobsTime time spent listing and fetching jobs (overlaps the activity)
 * @param activityTime time spent fetching activity (overlaps the jobs)
 * @param writeTime time spent merging and writing the store after fetching
 * @param totalTime wall time of the whole pull
 */
public record PullSummary(
    long teamId,
    Path teamDir,
    Instant snapshotAt,
    Instant activityFrom,
    boolean jobListComplete,
    int jobsListed,
    int jobsFetched,
    int jobsCarriedOver,
    List<Long> failedJobIds,
    Optional<Long> members,
    long eventsReceived,
    long eventsAdded,
    long eventsInStore,
    long undatedEvents,
    int daysWritten,
    boolean countMatched,
    boolean activityComplete,
    List<String> warnings,
    Duration jobsTime,
    Duration activityTime,
    Duration writeTime,
    Duration totalTime) {

  /** Exit status of a pull that ran to the end. */
  public static final int EXIT_OK = 0;

  /** Exit status of a pull that ran to the end but could not fetch everything. */
  public static final int EXIT_INCOMPLETE = 1;

  public PullSummary {
    failedJobIds = List.copyOf(failedJobIds);
    warnings = List.copyOf(warnings);
  }

  /** Returns whether everything was fetched: job list, every job, members and activity. */
  public boolean complete() {
    return jobListComplete && failedJobIds.isEmpty() && members.isPresent() && activityComplete;
  }

  /**
   * Returns, for an incomplete pull, what it could not fetch in words, e.g. {@code "2 jobs (ids
   * 5, 9) and the members"}; empty when the pull is complete.
   */
  public Optional<String> missing() {
    List<String> parts = new ArrayList<>();
    if (!jobListComplete) {
      parts.add("the job list");
    }
    if (!failedJobIds.isEmpty()) {
      parts.add(
          failedJobIds.size()
              + (failedJobIds.size() == 1 ? " job (id " : " jobs (ids ")
              + Manifest.idsInShort(failedJobIds)
              + (failedJobIds.size() > Manifest.MAX_IDS_NAMED
                  ? ", all in the manifest's failedJobIds"
                  : "")
              + ")");
    }
    if (members.isEmpty()) {
      parts.add("the members");
    }
    if (!activityComplete) {
      parts.add("some days of activity");
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String last = parts.remove(parts.size() - 1);
    return Optional.of(parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
  }

  /** Returns {@link #EXIT_OK} when the pull is complete, else {@link #EXIT_INCOMPLETE}. */
  public int exitCode() {
    return complete() ? EXIT_OK : EXIT_INCOMPLETE;
  }

  /** Returns a one-line account for the log and the console. */
  public String oneLine() {
    String jobs =
        jobListComplete
            ? String.format(
                "%d jobs (%d fetched, %d unchanged, %d failed)",
                jobsListed, jobsFetched, jobsCarriedOver, failedJobIds.size())
            : "job list not fetched (the previous jobs kept)";
    String memberCount =
        members
            .map(count -> count + " members")
            .orElse("members not fetched (the previous list kept)");
    return String.format(
        "team %d: %s, %s, %d events received, %d new, %d in store, %d %s written,"
            + " snapshot %s, %.1f s",
        teamId,
        jobs,
        memberCount,
        eventsReceived,
        eventsAdded,
        eventsInStore,
        daysWritten,
        daysWritten == 1 ? "day" : "days",
        snapshotAt,
        totalTime.toMillis() / 1000.0);
  }
}
