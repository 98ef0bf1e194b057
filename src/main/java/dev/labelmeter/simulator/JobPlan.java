package dev.labelmeter.simulator;

/**
 * What is decided about a job before it is simulated: who, which images, when it is created and
 * what will happen to it (stopped half-way, archived, removed).
 *
 * @param key a stable key of the job, the source of its random draws
 * @param createdAtMillis when the manager creates it
 * @param name its name
 * @param project its project
 * @param dataset its dataset
 * @param imageIndexes the images, by position in the dataset, ascending
 * @param manager who creates it
 * @param labeler who labels it
 * @param reviewer who reviews it
 * @param round 1 for a new job, 2 and more for a restarted round of rejected images
 * @param fate what happens to it besides labeling and review
 */
record JobPlan(
    long key,
    long createdAtMillis,
    String name,
    Project project,
    Dataset dataset,
    int[] imageIndexes,
    Person manager,
    Person labeler,
    Person reviewer,
    int round,
    Fate fate)
    implements Comparable<JobPlan> {

  /** What happens to a job besides labeling and review. */
  enum Fate {
    /** Labeled, reviewed, maybe restarted. */
    NORMAL,
    /** Stopped by its manager when about half of it is labeled. */
    STOPPED,
    /** Archived (disabled) a day or two after its review. */
    ARCHIVED_AFTER_REVIEW,
    /** Archived before anyone started it. */
    CANCELLED,
    /** Removed with {@code jobs.bulk.remove} after its review; its events stay in the log. */
    REMOVED,
    /** Finished with the status {@code review_completed}, which few clients know. */
    REVIEW_COMPLETED
  }

  @Override
  public int compareTo(JobPlan other) {
    int byTime = Long.compare(createdAtMillis, other.createdAtMillis);
    return byTime != 0 ? byTime : Long.compare(key, other.key);
  }
}
