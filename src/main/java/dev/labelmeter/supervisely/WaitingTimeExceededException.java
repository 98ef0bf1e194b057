package dev.labelmeter.supervisely;

import java.time.Duration;

/** Thrown by {@link LabelingJobApi#waitFor} when the job did not reach the status in time. */
public final class WaitingTimeExceededException extends SuperviselyException {
  private static final long serialVersionUID = 1L;

  private final long jobId;
  private final transient Status target;
  private final transient Status lastSeen;

  WaitingTimeExceededException(
      long jobId, Status target, Status lastSeen, int attempts, Duration interval) {
    super(
        Kind.WAIT_TIMEOUT,
        "jobs.info",
        null,
        null,
        null,
        "Waiting time exceeded: labeling job "
            + jobId
            + " was still "
            + lastSeen
            + " after "
            + attempts
            + " polls "
            + interval.toMillis()
            + " ms apart, expected "
            + target,
        "Wait longer (more attempts or a longer interval) or check the job in Supervisely",
        null);
    this.jobId = jobId;
    this.target = target;
    this.lastSeen = lastSeen;
  }

  /** Returns the job that was polled. */
  public long jobId() {
    return jobId;
  }

  /** Returns the status waited for. */
  public Status target() {
    return target;
  }

  /** Returns the status seen at the last poll. */
  public Status lastSeen() {
    return lastSeen;
  }
}
