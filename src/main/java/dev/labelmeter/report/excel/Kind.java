package dev.labelmeter.report.excel;

/** What a cell holds, which fixes its style and number format. */
enum Kind {
  TEXT(null),
  ID("0"),
  COUNT("#,##0"),
  COUNT_CHANGE("+#,##0;-#,##0;0"),
  HOURS("0.00"),
  HOURS_CHANGE("+0.00;-0.00;0.00"),
  DECIMAL("0.0"),
  DECIMAL_CHANGE("+0.0;-0.0;0.0"),
  RATE("0.0%"),
  RATE_CHANGE("+0.0%;-0.0%;0.0%"),
  DATE("yyyy-mm-dd"),
  DATE_TIME("yyyy-mm-dd hh:mm:ss"),
  /** A yes/no flag, written as text so that it filters as words. */
  FLAG(null);

  private final String format;

  Kind(String format) {
    this.format = format;
  }

  /** Returns the Excel number format, or null for text kinds. */
  String format() {
    return format;
  }

  /** Returns the kind of the difference between two values of this kind. */
  Kind change() {
    return switch (this) {
      case COUNT, COUNT_CHANGE -> COUNT_CHANGE;
      case HOURS, HOURS_CHANGE -> HOURS_CHANGE;
      case DECIMAL, DECIMAL_CHANGE -> DECIMAL_CHANGE;
      case RATE, RATE_CHANGE -> RATE_CHANGE;
      default -> throw new IllegalStateException("no change is shown for " + this + " cells");
    };
  }

  /** Returns whether cells of this kind hold the difference between two windows. */
  boolean isChange() {
    return this == COUNT_CHANGE
        || this == HOURS_CHANGE
        || this == DECIMAL_CHANGE
        || this == RATE_CHANGE;
  }

  /** Returns whether the values of a column of this kind may be added up in a total. */
  boolean numeric() {
    return format != null && this != DATE && this != DATE_TIME;
  }
}
