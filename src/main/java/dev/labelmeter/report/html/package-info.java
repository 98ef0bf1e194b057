/**
 * The HTML report: {@link dev.labelmeter.report.html.HtmlReportWriter} writes a metrics result as
 * one self-contained page (sections as in the workbook, charts by the inlined Chart.js, sortable
 * tables) that opens offline without any network request. Reads only the result model of {@code
 * dev.labelmeter.metrics}; the template engine is used only here.
 */
package dev.labelmeter.report.html;
