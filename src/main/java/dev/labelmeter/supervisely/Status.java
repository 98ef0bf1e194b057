package dev.labelmeter.supervisely;

import java.util.List;
import java.util.Objects;

/**
 * A labeling job status as the server sends it. The six documented values are constants; any
 * other string is kept as is (see {@link #isKnown()}) so that a new server status never breaks a
 * read. Compared by value.
 *
 * @param value the status string, e.g. {@code in_progress}
 */
public record Status(String value) {
  /** Created, the labeler has not started. */
  public static final Status PENDING = new Status("pending");

  /** The labeler has started but not finished. */
  public static final Status IN_PROGRESS = new Status("in_progress");

  /** The labeler finished and the reviewer is working. */
  public static final Status ON_REVIEW = new Status("on_review");

  /** The reviewer completed the job. */
  public static final Status COMPLETED = new Status("completed");

  /** The job was stopped at some stage. */
  public static final Status STOPPED = new Status("stopped");

  /** Review completed (newer servers; meaning not documented). */
  public static final Status REVIEW_COMPLETED = new Status("review_completed");

  /** The six documented statuses, in lifecycle order. */
  public static final List<Status> KNOWN =
      List.of(PENDING, IN_PROGRESS, ON_REVIEW, COMPLETED, STOPPED, REVIEW_COMPLETED);

  /** Validates the value. */
  public Status {
    Objects.requireNonNull(value, "value");
  }

  /** Returns the status for {@code value}, known or not. */
  public static Status of(String value) {
    return new Status(value);
  }

  /** Returns whether this is one of the six documented statuses. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /** Returns the status string. */
  @Override
  public String toString() {
    return value;
  }
}
