package dev.labelmeter.metrics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One job as of the snapshot. Texts are as received from the server (report writers escape them).
 *
 * @param id job id
 * @param name job name
 * @param projectId project id, if known
 * @param project project title
 * @param datasetId dataset id, if known
 * @param dataset dataset title
 * @param labelerId the job's labeler ({@code userId} of the job)
 * @param labeler the labeler's login
 * @param reviewerId the job's reviewer
 * @param reviewer the reviewer's login
 * @param status status as received, unknown values included
 * @param disabled whether the job is archived
 * @param createdAt when the job was created
 * @param images {@code imagesCount}
 * @param labeled entities whose review status is done, accepted or rejected
 * @param accepted entities accepted
 * @param rejected entities rejected
 * @param untouched entities with review status {@code none}
 * @param progress labeled / images; null for a job with 0 images
 * @param activeHours active time credited to the job, all time, in hours
 * @param platformHours platform time on the job, all time, in hours
 * @param statsAnnotationHours {@code annotationDuration} of {@code jobs.stats}, in hours
 * @param lastActivity the job's last work event by anyone; null when never worked on
 * @param stale open and idle for more than the stale days
 * @param remaining images − labeled, for pending and in-progress jobs; otherwise null
 * @param paceImagesPerDay the labeler's pace over the 7 days before the snapshot; null for closed
 *     jobs
 * @param eta local date when the job would be done at the labeler's pace; null when not open or
 *     pace is 0
 * @param reconciliationFlag active and stats hours both over 10 minutes and one more than twice
 *     the other
 * @param turnaroundMedianSeconds median turnaround of the window's decisions on this job
 * @param turnaroundP90Seconds 90th percentile turnaround of the same
 */
public record JobRow(
    long id,
    String name,
    Long projectId,
    String project,
    Long datasetId,
    String dataset,
    Long labelerId,
    String labeler,
    Long reviewerId,
    String reviewer,
    String status,
    boolean disabled,
    Instant createdAt,
    long images,
    long labeled,
    long accepted,
    long rejected,
    long untouched,
    Double progress,
    double activeHours,
    double platformHours,
    Double statsAnnotationHours,
    Instant lastActivity,
    boolean stale,
    Long remaining,
    Double paceImagesPerDay,
    LocalDate eta,
    boolean reconciliationFlag,
    Double turnaroundMedianSeconds,
    Double turnaroundP90Seconds) {}
