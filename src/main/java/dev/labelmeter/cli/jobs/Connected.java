package dev.labelmeter.cli.jobs;

import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.supervisely.LabelingJobApi;
import dev.labelmeter.supervisely.SuperviselyApi;

/**
 * The settings of a jobs command and its client.
 *
 * @param settings the effective settings
 * @param api the client of their server
 */
record Connected(Settings settings, SuperviselyApi api) {
  LabelingJobApi jobs() {
    return api.labelingJobs();
  }
}
