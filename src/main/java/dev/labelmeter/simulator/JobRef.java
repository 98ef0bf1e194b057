package dev.labelmeter.simulator;

/**
 * What an activity event needs to know about its job.
 *
 * @param id the job id
 * @param name the job name
 * @param labelerId the user the job is assigned to, or 0 when unknown
 * @param project the job's project
 * @param dataset the job's dataset
 */
record JobRef(long id, String name, long labelerId, Ref project, Ref dataset) {}
