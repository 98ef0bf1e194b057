/**
 * Report writers of a {@link dev.labelmeter.metrics.MetricsResult}: Excel, HTML and JSON, one
 * package each, plus {@link dev.labelmeter.report.ReportFiles} to write any of them atomically.
 * Writers read the result only, never the store or the server.
 */
package dev.labelmeter.report;
