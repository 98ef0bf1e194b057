package dev.labelmeter.simulator;

import java.util.List;

/**
 * A labeling project with its classes, tags, datasets and staff.
 *
 * @param id project id
 * @param name project name
 * @param classes classes to label
 * @param tags image tags
 * @param datasets datasets
 * @param labelingQueueId the labeling queue its jobs come from, or null for hand-made jobs
 * @param labelers labelers who work on it
 * @param reviewers reviewers who review it
 * @param meanFigures mean number of objects per image
 * @param createdAtMillis when it was created
 */
record Project(
    long id,
    String name,
    List<LabelClass> classes,
    List<TagDef> tags,
    List<Dataset> datasets,
    Long labelingQueueId,
    List<Person> labelers,
    List<Person> reviewers,
    double meanFigures,
    long createdAtMillis) {

  Ref ref() {
    return new Ref(id, name);
  }
}
