package dev.labelmeter.report.excel;

import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The scorecard: one row per labeler, each figure beside the previous window and the change. */
final class LabelersSheet {

  static final String NAME = "Labelers";
  static final String LOGIN = "Login";
  static final String IMAGES_PER_ACTIVE_HOUR = "Images per active hour";

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
    figure(columns, "Active hours", Kind.HOURS, true, LabelerFigures::activeHours);
    figure(columns, "Platform hours", Kind.HOURS, true, LabelerFigures::platformHours);
    figure(columns, "Images finished", Kind.COUNT, true, LabelerFigures::imagesFinished);
    figure(columns, "Objects created", Kind.COUNT, true, LabelerFigures::objectsCreated);
    figure(columns, IMAGES_PER_ACTIVE_HOUR, Kind.DECIMAL, false, f -> f.imagesPerActiveHour());
    figure(columns, "Objects per active hour", Kind.DECIMAL, false, f -> f.objectsPerActiveHour());
    figure(columns, "Accepted", Kind.COUNT, true, LabelerFigures::accepted);
    figure(columns, "Rejected", Kind.COUNT, true, LabelerFigures::rejected);
    figure(columns, "Acceptance rate", Kind.RATE, false, f -> f.acceptanceRate());
    figure(columns, "First-pass images", Kind.COUNT, true, LabelerFigures::firstPassImages);
    figure(columns, "First-pass acceptance", Kind.RATE, false, f -> f.firstPassAcceptance());
    figure(columns, "Sessions", Kind.COUNT, true, LabelerFigures::sessions);
    figure(columns, "Days active", Kind.COUNT, false, LabelerFigures::daysActive);
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
      Function<LabelerFigures, ? extends Number> figure) {
    Function<LabelerRow, Number> current = r -> Changes.figureOf(r.current(), figure);
    Function<LabelerRow, Number> previous = r -> Changes.figureOf(r.previous(), figure);
    columns.add(new Column<>(name, kind, current, additive));
    columns.add(new Column<>(name + " (previous)", kind, previous, additive));
    columns.add(
        Column.of(
            name + " change",
            kind.change(),
            r -> Changes.between(current.apply(r), previous.apply(r))));
  }
}
