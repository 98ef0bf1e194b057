package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.LabelerClassRow;
import dev.labelmeter.metrics.MetricsResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes as one filterable table: first a row per class over all jobs (level "class"), then a
 * row per labeler and class (level "labeler x class"). Filter the Level column to see either.
 */
final class ClassesSheet {

  static final String NAME = "Classes";
  static final String CLASS_LEVEL = "class";
  static final String LABELER_LEVEL = "labeler x class";

  /** A row of either level. */
  record Line(
      String level,
      Long userId,
      String login,
      String name,
      String shape,
      long jobs,
      long labelsCount,
      long imagesCount,
      double totalDurationSeconds,
      Double secondsPerLabel) {}

  private ClassesSheet() {}

  static void write(SheetWriter out, MetricsResult result) {
    TableWriter.write(out, columns(), lines(result));
    out.freeze(0, 1);
    out.applyWidths();
  }

  static List<Line> lines(MetricsResult result) {
    List<Line> lines = new ArrayList<>();
    for (ClassRow c : result.classes()) {
      lines.add(
          new Line(
              CLASS_LEVEL,
              null,
              null,
              c.name(),
              c.shape(),
              c.jobs(),
              c.labelsCount(),
              c.imagesCount(),
              c.totalDurationSeconds(),
              c.secondsPerLabel()));
    }
    for (LabelerClassRow c : result.labelerClasses()) {
      lines.add(
          new Line(
              LABELER_LEVEL,
              c.userId(),
              c.login(),
              c.name(),
              c.shape(),
              c.jobs(),
              c.labelsCount(),
              c.imagesCount(),
              c.totalDurationSeconds(),
              c.secondsPerLabel()));
    }
    return lines;
  }

  static List<Column<Line>> columns() {
    return List.of(
        Column.of("Level", Kind.TEXT, Line::level),
        Column.of("Labeler id", Kind.ID, Line::userId),
        Column.of("Labeler", Kind.TEXT, Line::login),
        Column.of("Class", Kind.TEXT, Line::name),
        Column.of("Shape", Kind.TEXT, Line::shape),
        Column.of("Jobs", Kind.COUNT, Line::jobs),
        Column.of("Labels", Kind.COUNT, Line::labelsCount),
        Column.of("Images", Kind.COUNT, Line::imagesCount),
        Column.of(
            "Total duration (hours)", Kind.HOURS, l -> Hours.ofSeconds(l.totalDurationSeconds())),
        Column.of("Seconds per label", Kind.DECIMAL, Line::secondsPerLabel));
  }
}
