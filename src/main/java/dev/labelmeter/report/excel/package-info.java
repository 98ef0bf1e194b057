/**
 * The Excel workbook managers open each morning: {@link
 * dev.labelmeter.report.excel.ExcelReportWriter} renders a {@link
 * dev.labelmeter.metrics.MetricsResult} (and optionally the window's raw events) as an
 * {@code .xlsx} file with Apache POI. Apache POI is used in this package only.
 */
package dev.labelmeter.report.excel;
