/**
 * A Java client of Supervisely's public REST API as far as labeling teams need it: labeling jobs
 * ({@link dev.labelmeter.supervisely.LabelingJobApi}), team activity ({@link
 * dev.labelmeter.supervisely.ActivityApi}), members and the team, workspace, project and dataset
 * info calls. Start at {@link dev.labelmeter.supervisely.SuperviselyApi}.
 *
 * <p>Every call is {@code POST {server}/public/api/v3/{method}} with a JSON body and the {@code
 * x-api-key} header. Connection, retries and error mapping live in one wrapper; pagination in one
 * pager. All classes are immutable and safe to share between threads. Documented with examples in
 * {@code docs/client.md}.
 */
package dev.labelmeter.supervisely;
