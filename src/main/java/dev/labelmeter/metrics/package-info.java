/**
 * What the reports show: the parameters of a run ({@link dev.labelmeter.metrics.MetricsParams}),
 * the result model with one table per report section ({@link dev.labelmeter.metrics.MetricsResult})
 * and the engine interface ({@link dev.labelmeter.metrics.MetricsEngine}). Every number is defined
 * in {@code docs/metrics.md}; both engines produce the same result from the same store.
 */
package dev.labelmeter.metrics;
