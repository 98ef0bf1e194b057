package dev.labelmeter.report.html;

import dev.labelmeter.metrics.Direction;
import dev.labelmeter.metrics.Metric;
import dev.labelmeter.report.html.TableView.Cell;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Returns table cells that show a value formatted by {@link Formats} and sort by the value. */
final class Cells {

  private Cells() {}

  /** Texts longer than this many characters are cut, with a marker saying so. */
  static final int MAX_TEXT = 300;

  /** A word longer than this may be broken anywhere to fit its column. */
  private static final int LONG_WORD = 30;

  /** Returns a text cell; n/a for null; cut with a visible marker past {@value #MAX_TEXT}. */
  static Cell text(String text) {
    return text(text, "");
  }

  /** Returns a text cell with a highlight class. */
  static Cell text(String text, String cssClass) {
    if (text == null) {
      return missing();
    }
    String shown = Formats.cut(text, MAX_TEXT);
    String classes = hasLongWord(shown) ? (cssClass + " long").trim() : cssClass;
    return new Cell(shown, shown, classes);
  }

  /** Returns a count cell. */
  static Cell count(long value) {
    return new Cell(Formats.count(value), Long.toString(value), "");
  }

  /** Returns a count cell that may be missing. */
  static Cell count(Long value) {
    return value == null ? missing() : count(value.longValue());
  }

  /** Returns an hours cell with 2 decimals. */
  static Cell hours(Double hours) {
    return numeric(hours, Formats.hours(hours));
  }

  /** Returns a number cell with 1 decimal. */
  static Cell oneDecimal(Double value) {
    return numeric(value, Formats.oneDecimal(value));
  }

  /** Returns a percentage cell with 1 decimal from a fraction. */
  static Cell percent(Double fraction) {
    return numeric(fraction, Formats.percent(fraction));
  }

  /** Returns an hours cell from seconds. */
  static Cell secondsAsHours(Double seconds) {
    return numeric(seconds, Formats.secondsAsHours(seconds));
  }

  /** Returns the signed difference of two counts of {@code metric}, coloured by its direction. */
  static Cell countChange(Metric metric, long current, long previous) {
    return judged(metric, current - previous, Formats.countChange(current, previous));
  }

  /** Returns the signed difference of two hour figures; n/a when either is missing. */
  static Cell hoursChange(Metric metric, Double current, Double previous) {
    if (current == null || previous == null) {
      return missing();
    }
    return judged(metric, current - previous, Formats.hoursChange(current, previous));
  }

  /** Returns the signed difference of two fractions in percentage points. */
  static Cell percentPointChange(Metric metric, Double current, Double previous) {
    if (current == null || previous == null) {
      return missing();
    }
    return judged(metric, current - previous, Formats.percentPointChange(current, previous));
  }

  /** Returns a date cell; n/a for null. */
  static Cell date(LocalDate date) {
    return date == null ? missing() : new Cell(Formats.date(date), date.toString(), "");
  }

  /** Returns a date cell with a highlight class. */
  static Cell date(LocalDate date, String cssClass) {
    Cell cell = date(date);
    return new Cell(cell.text(), cell.sortKey(), cssClass);
  }

  /** Returns a local date and time cell in {@code zone}; n/a for null. */
  static Cell dateTime(Instant instant, ZoneId zone) {
    if (instant == null) {
      return missing();
    }
    return new Cell(Formats.dateTime(instant, zone), Long.toString(instant.getEpochSecond()), "");
  }

  /** Returns "yes" (highlighted with {@code cssClass}) or "no". */
  static Cell flag(boolean set, String cssClass) {
    return set ? new Cell("yes", "1", cssClass) : new Cell("no", "0", "");
  }

  /** Returns a cell that shows a missing value. */
  static Cell missing() {
    return new Cell(Formats.MISSING, null, "missing");
  }

  private static boolean hasLongWord(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
      if (run > LONG_WORD) {
        return true;
      }
    }
    return false;
  }

  private static Cell numeric(Double value, String text) {
    return value == null ? missing() : new Cell(text, Double.toString(value), "");
  }

  /**
   * Returns a change cell whose class says what the change means: {@code better} (green), {@code
   * worse} (red) or none, from the metric's direction, never from the sign alone.
   */
  private static Cell judged(Metric metric, double change, String text) {
    return new Cell(text, Double.toString(change), judgementClass(metric.judge(change)));
  }

  /** Returns the class of a judged change: {@code better}, {@code worse} or empty. */
  static String judgementClass(Direction.Judgement judgement) {
    return switch (judgement) {
      case BETTER -> "better";
      case WORSE -> "worse";
      case NONE -> "";
    };
  }
}
