package dev.labelmeter.metrics;

import static dev.labelmeter.metrics.Direction.HIGHER_IS_BETTER;
import static dev.labelmeter.metrics.Direction.LOWER_IS_BETTER;
import static dev.labelmeter.metrics.Direction.NEUTRAL;

/**
 * The figures the reports compare (with the previous window, or across rows on a colour scale),
 * each with the direction in which it is better. Every report writer colours a change or a scale
 * from here, so that green means better in every report.
 *
 * <p>Output and quality are judged: images finished and objects created (and per active hour),
 * accepted decisions, acceptance rates are better higher; rejected decisions, review turnaround
 * and stale jobs are better lower. Effort and activity counts are neutral: active and platform
 * hours (more hours are not in themselves better), active users, sessions, days active, decisions
 * and first-pass images (how many images were reviewed, not how well they were labeled).
 */
public enum Metric {
  ACTIVE_HOURS(NEUTRAL),
  PLATFORM_HOURS(NEUTRAL),
  IMAGES_FINISHED(HIGHER_IS_BETTER),
  OBJECTS_CREATED(HIGHER_IS_BETTER),
  IMAGES_PER_ACTIVE_HOUR(HIGHER_IS_BETTER),
  OBJECTS_PER_ACTIVE_HOUR(HIGHER_IS_BETTER),
  ACCEPTED(HIGHER_IS_BETTER),
  REJECTED(LOWER_IS_BETTER),
  ACCEPTANCE_RATE(HIGHER_IS_BETTER),
  FIRST_PASS_IMAGES(NEUTRAL),
  FIRST_PASS_ACCEPTANCE(HIGHER_IS_BETTER),
  /** The median and the 90th percentile of review turnaround. */
  REVIEW_TURNAROUND(LOWER_IS_BETTER),
  DECISIONS(NEUTRAL),
  ACTIVE_USERS(NEUTRAL),
  /** The team's active hours at the 100 s and 900 s idle thresholds, for sensitivity. */
  ACTIVE_HOURS_AT_OTHER_THRESHOLDS(NEUTRAL),
  SESSIONS(NEUTRAL),
  DAYS_ACTIVE(NEUTRAL),
  STALE_JOBS(LOWER_IS_BETTER);

  private final Direction direction;

  Metric(Direction direction) {
    this.direction = direction;
  }

  /** Returns the direction in which the metric is better. */
  public Direction direction() {
    return direction;
  }

  /** Returns what {@code change} (this window's value minus the previous one) means. */
  public Direction.Judgement judge(double change) {
    return direction.judge(change);
  }
}
