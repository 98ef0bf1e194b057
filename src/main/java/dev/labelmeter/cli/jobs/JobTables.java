package dev.labelmeter.cli.jobs;

import dev.labelmeter.cli.output.TextTable;
import dev.labelmeter.supervisely.ActivityEvent;
import dev.labelmeter.supervisely.ImagesRange;
import dev.labelmeter.supervisely.JobStats;
import dev.labelmeter.supervisely.LabelingJobInfo;
import java.util.List;

/** The readable tables of the jobs commands. Missing values show as empty cells. */
final class JobTables {

  private JobTables() {}

  /** Returns one row per job: id, name, status, people, place and counters. */
  static TextTable list(List<LabelingJobInfo> jobs) {
    TextTable table =
        TextTable.withHeaders(
                "ID",
                "NAME",
                "STATUS",
                "LABELER",
                "REVIEWER",
                "PROJECT",
                "DATASET",
                "IMAGES",
                "FINISHED",
                "ACCEPTED",
                "REJECTED",
                "CREATED",
                "ARCHIVED")
            .alignRight(0, 7, 8, 9, 10);
    for (LabelingJobInfo job : jobs) {
      table.addRow(
          job.id(),
          job.name(),
          job.status(),
          job.assignedToLogin(),
          job.reviewerLogin(),
          job.projectName(),
          job.datasetName(),
          job.imagesCount(),
          job.finishedImagesCount(),
          job.acceptedImagesCount(),
          job.rejectedImagesCount(),
          job.createdAt(),
          Boolean.TRUE.equals(job.disabled()) ? "yes" : "");
    }
    return table;
  }

  /** Returns one row per field of the job. */
  static TextTable info(LabelingJobInfo job) {
    TextTable table = TextTable.withHeaders("FIELD", "VALUE");
    table.addRow("id", job.id());
    table.addRow("name", job.name());
    table.addRow("status", job.status());
    table.addRow("archived", job.disabled() == null ? null : job.disabled() ? "yes" : "no");
    table.addRow("team", job.teamId());
    table.addRow("workspace", both(job.workspaceId(), job.workspaceName()));
    table.addRow("project", both(job.projectId(), job.projectName()));
    table.addRow("dataset", both(job.datasetId(), job.datasetName()));
    table.addRow("created by", both(job.createdById(), job.createdByLogin()));
    table.addRow("labeler", both(job.assignedToId(), job.assignedToLogin()));
    table.addRow("reviewer", both(job.reviewerId(), job.reviewerLogin()));
    table.addRow("created", job.createdAt());
    table.addRow("started", job.startedAt());
    table.addRow("finished", job.finishedAt());
    table.addRow("annotation finished", job.annotationFinishedAt());
    table.addRow("review finished", job.reviewFinishedAt());
    table.addRow("images", job.imagesCount());
    table.addRow("finished images", job.finishedImagesCount());
    table.addRow("accepted images", job.acceptedImagesCount());
    table.addRow("rejected images", job.rejectedImagesCount());
    table.addRow("images in progress", job.progressImagesCount());
    table.addRow("classes to label", String.join(", ", job.classesToLabel()));
    table.addRow("tags to label", String.join(", ", job.tagsToLabel()));
    table.addRow("objects limit per image", job.objectsLimitPerImage());
    table.addRow("tags limit per image", job.tagsLimitPerImage());
    table.addRow("include images with tags", String.join(", ", job.includeImagesWithTags()));
    table.addRow("exclude images with tags", String.join(", ", job.excludeImagesWithTags()));
    table.addRow("images range", range(job.imagesRange()));
    table.addRow("labeling queue", job.labelingQueueId());
    table.addRow("labeling exam", job.labelingExamId());
    table.addRow("priority", job.priority());
    table.addRow("guide", job.guideId());
    table.addRow("entities", job.entities() == null ? null : job.entities().size());
    table.addRow("description", job.description());
    table.addRow("readme", job.readme());
    return table;
  }

  /** Returns the job block of the stats. */
  static TextTable statsJob(JobStats stats) {
    JobStats.Job job = stats.job();
    TextTable table = TextTable.withHeaders("FIELD", "VALUE");
    table.addRow("id", job.id());
    table.addRow("name", job.name());
    table.addRow("started", job.startedAt());
    table.addRow("finished", job.finishedAt());
    table.addRow("images", job.imagesCount());
    table.addRow("finished images", job.finishedImagesCount());
    table.addRow("editing duration", job.editingDuration());
    table.addRow("annotation duration", job.annotationDuration());
    return table;
  }

  /** Returns one row per class of the stats. */
  static TextTable statsClasses(JobStats stats) {
    TextTable table =
        TextTable.withHeaders(
                "CLASS", "SHAPE", "IMAGES", "LABELS", "TOTAL DURATION", "AVERAGE DURATION")
            .alignRight(2, 3, 4, 5);
    for (JobStats.ClassStats row : stats.classes()) {
      table.addRow(
          row.name(),
          row.shape(),
          row.imagesCount(),
          row.labelsCount(),
          row.totalDuration(),
          row.avgDuration());
    }
    return table;
  }

  /** Returns one row per image of the stats. */
  static TextTable statsImages(JobStats stats) {
    TextTable table =
        TextTable.withHeaders(
                "IMAGE ID",
                "IMAGE",
                "REVIEW STATUS",
                "LABELS",
                "ANNOTATION DURATION",
                "TOTAL DURATION")
            .alignRight(0, 3, 4, 5);
    for (JobStats.ImageStats row : stats.images().images()) {
      table.addRow(
          row.id(),
          row.name(),
          row.reviewStatus(),
          row.labelsCount(),
          row.annotationDuration(),
          row.totalDuration());
    }
    return table;
  }

  /** Returns one row per event with the columns a person reads; CSV and JSON have all 18. */
  static TextTable activity(List<ActivityEvent> events) {
    TextTable table =
        TextTable.withHeaders("DATE", "USER", "ACTION", "IMAGE", "CLASS", "TAG", "META");
    for (ActivityEvent e : events) {
      table.addRow(e.date(), e.user(), e.action(), e.image(), e.className(), e.tag(), e.metaJson());
    }
    return table;
  }

  /**
   * Returns the slice of the dataset's images in words: {@code 0 to 100}, {@code from 5} or {@code
   * up to 100}; null when not set.
   */
  static String range(ImagesRange range) {
    if (range == null || (range.start() == null && range.end() == null)) {
      return null;
    }
    if (range.end() == null) {
      return "from " + range.start();
    }
    if (range.start() == null) {
      return "up to " + range.end();
    }
    return range.start() + " to " + range.end();
  }

  private static String both(Long id, String name) {
    if (id == null && name == null) {
      return null;
    }
    return (name == null ? "" : name) + (id == null ? "" : " (" + id + ")");
  }
}
