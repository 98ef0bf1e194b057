package dev.labelmeter.metrics;

import java.util.Set;

/**
 * The job statuses, review statuses and activity actions the metrics know, from the Supervisely
 * wire contract. Any other value is shown as received and counted under data quality.
 */
public final class KnownValues {
  public static final String PENDING = "pending";
  public static final String IN_PROGRESS = "in_progress";
  public static final String ON_REVIEW = "on_review";
  public static final String COMPLETED = "completed";
  public static final String STOPPED = "stopped";

  /** Job statuses the project knows; {@code review_completed} and anything else are unknown. */
  public static final Set<String> JOB_STATUSES =
      Set.of(PENDING, IN_PROGRESS, ON_REVIEW, COMPLETED, STOPPED);

  /** Statuses of jobs that can be stale. */
  public static final Set<String> OPEN_STATUSES = Set.of(PENDING, IN_PROGRESS, ON_REVIEW);

  /** Statuses of jobs that get an ETA. */
  public static final Set<String> ETA_STATUSES = Set.of(PENDING, IN_PROGRESS);

  public static final String REVIEW_NONE = "none";
  public static final String REVIEW_DONE = "done";
  public static final String REVIEW_ACCEPTED = "accepted";
  public static final String REVIEW_REJECTED = "rejected";

  /** Review statuses that count an entity as labeled. */
  public static final Set<String> LABELED_REVIEW_STATUSES =
      Set.of(REVIEW_DONE, REVIEW_ACCEPTED, REVIEW_REJECTED);

  public static final String ACTION_REVIEW_STATUS_UPDATED = "image_review_status_updated";
  public static final String ACTION_ANNOTATION_DURATION = "annotation_duration";
  public static final String ACTION_CREATE_FIGURE = "create_figure";

  /** Every activity action of the contract's {@code ActivityAction} table. */
  public static final Set<String> ACTIONS =
      Set.of(
          "login",
          "logout",
          "login_to_team",
          "create_project",
          "update_project",
          "disable_project",
          "restore_project",
          "export_project",
          "create_backup",
          "create_dataset",
          "update_dataset",
          "disable_dataset",
          "restore_dataset",
          "create_image",
          "update_image",
          "disable_image",
          "restore_image",
          ACTION_CREATE_FIGURE,
          "update_figure",
          "disable_figure",
          "restore_figure",
          "create_class",
          "update_class",
          "disable_class",
          "restore_class",
          "attach_tag",
          "update_tag_value",
          "detach_tag",
          "model_train",
          "model_inference",
          "create_plugin",
          "disable_plugin",
          "restore_plugin",
          "create_node",
          "disable_node",
          "restore_node",
          "create_model",
          "disable_model",
          "restore_model",
          "create_workspace",
          "disable_workspace",
          "restore_workspace",
          "add_member",
          "remove_member",
          ACTION_ANNOTATION_DURATION,
          ACTION_REVIEW_STATUS_UPDATED);

  /** The bucket name of a missing status or action in the data-quality counts. */
  public static final String MISSING = "(missing)";

  private KnownValues() {}

  /** Returns whether {@code action} is in the contract's action table. */
  public static boolean isKnownAction(String action) {
    return action != null && ACTIONS.contains(action);
  }

  /** Returns whether {@code status} is a job status the project knows. */
  public static boolean isKnownJobStatus(String status) {
    return status != null && JOB_STATUSES.contains(status);
  }
}
