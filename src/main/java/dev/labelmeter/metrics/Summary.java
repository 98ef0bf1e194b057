package dev.labelmeter.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.Map;

/**
 * The team's KPIs.
 *
 * @param current the window's figures (serialized inline: {@code summary.teamActiveHours})
 * @param previous the previous window's figures
 * @param jobsByStatus number of jobs per status as received (unknown statuses in their own
 *     bucket), sorted by status
 * @param jobsTotal number of jobs in the snapshot, disabled ones included
 * @param staleJobs number of stale jobs
 * @param remainingImages images still to label in {@code pending} and {@code in_progress} jobs
 * @param teamPaceImagesPerDay sum of every user's pace in images per day; null when no user has a
 *     pace
 * @param teamEta the local date when the remaining images would be done at the team's pace; null
 *     when the pace is 0
 */
public record Summary(
    @JsonUnwrapped TeamFigures current,
    TeamFigures previous,
    Map<String, Long> jobsByStatus,
    long jobsTotal,
    long staleJobs,
    long remainingImages,
    Double teamPaceImagesPerDay,
    LocalDate teamEta) {

  public Summary {
    jobsByStatus = Map.copyOf(jobsByStatus);
  }
}
