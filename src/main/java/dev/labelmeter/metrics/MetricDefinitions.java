package dev.labelmeter.metrics;

import java.util.List;

/** One sentence per metric, for the Definitions sheet and section of the reports. */
public final class MetricDefinitions {

  /**
   * A metric in a manager's words.
   *
   * @param section the report section the metric appears in
   * @param metric the metric's name as shown in the reports
   * @param definition one sentence
   */
  public record Definition(String section, String metric, String definition) {}

  private static final List<Definition> ALL =
      List.of(
          new Definition(
              "All",
              "Window",
              "The local dates reported, from the first date to the last, both days included;"
                  + " the previous window has as many days and ends the day before the window"
                  + " starts."),
          new Definition(
              "All",
              "Change colours",
              "Green marks a change for the better, red one for the worse: more images finished,"
                  + " objects or accepted decisions and a higher acceptance are better; more"
                  + " rejections and a longer review turnaround are worse. Changes of hours and"
                  + " activity counts are neither and are not coloured."),
          new Definition(
              "All",
              "Active hours",
              "Time between consecutive events of a user that are at most the idle threshold"
                  + " apart, credited to the date and job of the later event."),
          new Definition(
              "All",
              "Platform hours",
              "The time Supervisely itself recorded in annotation_duration events, shown beside"
                  + " active hours and never mixed with it."),
          new Definition(
              "Labelers",
              "Images finished",
              "Images a labeler marked done for the first time in the window, counted once per"
                  + " job and image."),
          new Definition(
              "Labelers", "Objects created", "Labels (figures) a user created in the window."),
          new Definition(
              "Labelers",
              "Accepted, rejected",
              "Reviewers' decisions in the window on images of the jobs assigned to the labeler."),
          new Definition(
              "Labelers",
              "Images per active hour",
              "Images finished divided by active hours; n/a when there were no active hours."),
          new Definition(
              "Labelers",
              "Acceptance rate",
              "Accepted decisions divided by all accept and reject decisions in the window on"
                  + " the labeler's jobs."),
          new Definition(
              "Labelers",
              "First-pass acceptance",
              "Of the images whose very first review decision (across restarted rounds) fell in"
                  + " the window, the share accepted at that first decision."),
          new Definition(
              "Labelers",
              "Sessions",
              "Runs of work without a gap longer than the idle threshold that start in the"
                  + " window."),
          new Definition(
              "Labelers", "Days active", "Dates of the window with at least one work event."),
          new Definition(
              "Reviewers",
              "Review turnaround",
              "Time from the latest done on an image to the reviewer's decision on it; the"
                  + " median and the 90th percentile are shown."),
          new Definition(
              "Jobs",
              "Progress",
              "Images done, accepted or rejected divided by the job's images, as of the"
                  + " snapshot."),
          new Definition(
              "Jobs",
              "Stale",
              "An open job (pending, in progress or on review) with no work for more than the"
                  + " stale days before the snapshot."),
          new Definition(
              "Jobs",
              "ETA",
              "For pending and in-progress jobs, the date the remaining images would be done at"
                  + " the labeler's pace of the last 7 days; n/a without a pace."),
          new Definition(
              "Summary",
              "Team ETA",
              "The date all remaining images of pending and in-progress jobs would be done at the"
                  + " whole team's pace of the last 7 days; n/a without a pace."),
          new Definition(
              "Summary",
              "Active hours at 100 s and 900 s",
              "The team's active hours with a shorter and a longer idle threshold, to show how"
                  + " much the figure depends on the threshold."),
          new Definition(
              "Jobs",
              "Reconciliation flag",
              "Set when active hours and Supervisely's annotation duration both exceed 10"
                  + " minutes and one is more than twice the other."),
          new Definition(
              "Classes",
              "Seconds per label",
              "Total labeling time of a class divided by its labels, weighted over all jobs."),
          new Definition(
              "Data quality",
              "Data quality",
              "Events and jobs that could not be used as they are, counted and never silently"
                  + " dropped."));

  private MetricDefinitions() {}

  /** Returns every definition, in report order. */
  public static List<Definition> all() {
    return ALL;
  }
}
