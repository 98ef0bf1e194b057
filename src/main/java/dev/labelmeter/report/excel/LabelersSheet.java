package dev.labelmeter.report.excel;

import static dev.labelmeter.metrics.Metric.ACCEPTANCE_RATE;
import static dev.labelmeter.metrics.Metric.ACCEPTED;
import static dev.labelmeter.metrics.Metric.ACTIVE_HOURS;
import static dev.labelmeter.metrics.Metric.DAYS_ACTIVE;
import static dev.labelmeter.metrics.Metric.FIRST_PASS_ACCEPTANCE;
import static dev.labelmeter.metrics.Metric.FIRST_PASS_IMAGES;
import static dev.labelmeter.metrics.Metric.IMAGES_FINISHED;
import static dev.labelmeter.metrics.Metric.IMAGES_PER_ACTIVE_HOUR;
import static dev.labelmeter.metrics.Metric.OBJECTS_CREATED;
import static dev.labelmeter.metrics.Metric.OBJECTS_PER_ACTIVE_HOUR;
import static dev.labelmeter.metrics.Metric.PLATFORM_HOURS;
import static dev.labelmeter.metrics.Metric.REJECTED;
import static dev.labelmeter.metrics.Metric.SESSIONS;

import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.Metric;
import dev.labelmeter.metrics.MetricsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The scorecard: one row per labeler, each figure beside the previous window and the change. */
final class LabelersSheet {

  static final String NAME = "Labelers";
  static final String LOGIN = "Login";
  static final String IMAGES_PER_ACTIVE_HOUR_HEADER = "Images per active hour";

  private LabelersSheet() {}

  static void write(SheetWriter out, MetricsResult result) {
    TableWriter.write(out, columns(), result.labelers());
    out.freeze(2, 1);
    out.applyWidths();
  }

  /** Returns the sheet's columns, in order. */
  static List<Column<LabelerRow>> columns() {
    List<Column<LabelerRow>> columns = new ArrayList<>();
    columns.add(Column.of("User id", Kind.ID, LabelerRow::userId));
    columns.add(Column.of(LOGIN, Kind.TEXT, LabelerRow::login));
    figure(columns, "Active hours", Kind.HOURS, true, ACTIVE_HOURS, f -> f.activeHours());
    figure(columns, "Platform hours", Kind.HOURS, true, PLATFORM_HOURS, f -> f.platformHours());
    figure(columns, "Images finished", Kind.COUNT, true, IMAGES_FINISHED, f -> f.imagesFinished());
    figure(columns, "Objects created", Kind.COUNT, true, OBJECTS_CREATED, f -> f.objectsCreated());
    figure(
        columns,
        IMAGES_PER_ACTIVE_HOUR_HEADER,
        Kind.DECIMAL,
        false,
        IMAGES_PER_ACTIVE_HOUR,
        f -> f.imagesPerActiveHour());
    figure(
        columns,
        "Objects per active hour",
        Kind.DECIMAL,
        false,
        OBJECTS_PER_ACTIVE_HOUR,
        f -> f.objectsPerActiveHour());
    figure(columns, "Accepted", Kind.COUNT, true, ACCEPTED, LabelerFigures::accepted);
    figure(columns, "Rejected", Kind.COUNT, true, REJECTED, LabelerFigures::rejected);
    figure(columns, "Acceptance rate", Kind.RATE, false, ACCEPTANCE_RATE, f -> f.acceptanceRate());
    figure(
        columns,
        "First-pass images",
        Kind.COUNT,
        true,
        FIRST_PASS_IMAGES,
        LabelerFigures::firstPassImages);
    figure(
        columns,
        "First-pass acceptance",
        Kind.RATE,
        false,
        FIRST_PASS_ACCEPTANCE,
        f -> f.firstPassAcceptance());
    figure(columns, "Sessions", Kind.COUNT, true, SESSIONS, LabelerFigures::sessions);
    figure(columns, "Days active", Kind.COUNT, false, DAYS_ACTIVE, LabelerFigures::daysActive);
    return columns;
  }

  /** Returns the index of the column with {@code header}. */
  static int columnIndex(String header) {
    List<Column<LabelerRow>> columns = columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).header().equals(header)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the Labelers sheet has no column '" + header + "'");
  }

  private static void figure(
      List<Column<LabelerRow>> columns,
      String name,
      Kind kind,
      boolean additive,
      Metric metric,
      Function<LabelerFigures, ? extends Number> figure) {
    Function<LabelerRow, Number> current = r -> Changes.figureOf(r.current(), figure);
    Function<LabelerRow, Number> previous = r -> Changes.figureOf(r.previous(), figure);
    columns.add(Column.of(name, kind, current, additive));
    columns.add(Column.of(name + " (previous)", kind, previous, additive));
    columns.add(
        Column.change(
            name + " change",
            kind.change(),
            r -> Changes.between(current.apply(r), previous.apply(r)),
            metric.direction()));
  }
}
