package dev.labelmeter.metrics.spark;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two metrics results field by field, through records, lists and maps: doubles to 1e-9
 * relative, everything else exactly, nulls equal only to nulls, lists in order. Each difference is
 * reported with its path, for example {@code labelers[3](userId=7).current.activeHours}.
 */
final class ResultComparator {
  static final double RELATIVE_TOLERANCE = 1e-9;
  private static final int MAX_REPORTED = 25;

  private final List<String> differences = new ArrayList<>();

  private ResultComparator() {}

  /** Returns the differences between {@code expected} and {@code actual}, first ones first. */
  static List<String> differences(Object expected, Object actual) {
    ResultComparator comparator = new ResultComparator();
    comparator.compare("result", expected, actual);
    return comparator.differences;
  }

  private void differ(String path, Object expected, Object actual) {
    if (differences.size() < MAX_REPORTED) {
      differences.add(path + ": expected (Tablesaw) " + expected + " but Spark gave " + actual);
    }
  }

  private void compare(String path, Object expected, Object actual) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        differ(path, expected, actual);
      }
    } else if (expected instanceof Double e && actual instanceof Double a) {
      if (!close(e, a)) {
        differ(path, e, a);
      }
    } else if (expected instanceof Record && expected.getClass() == actual.getClass()) {
      compareRecord(path, (Record) expected, (Record) actual);
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      compareList(path, e, a);
    } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      compareMap(path, e, a);
    } else if (!Objects.equals(expected, actual)) {
      differ(path, expected, actual);
    }
  }

  static boolean close(double expected, double actual) {
    if (expected == actual) {
      return true;
    }
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * scale;
  }

  private void compareRecord(String path, Record expected, Record actual) {
    for (RecordComponent component : expected.getClass().getRecordComponents()) {
      try {
        Object e = component.getAccessor().invoke(expected);
        Object a = component.getAccessor().invoke(actual);
        compare(path + "." + component.getName(), e, a);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException("cannot read " + path + "." + component.getName(), ex);
      }
    }
  }

  private void compareList(String path, List<?> expected, List<?> actual) {
    if (expected.size() != actual.size()) {
      differ(path + ".size()", expected.size(), actual.size());
    }
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      compare(path + "[" + i + "]" + label(expected.get(i)), expected.get(i), actual.get(i));
    }
  }

  private void compareMap(String path, Map<?, ?> expected, Map<?, ?> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      differ(path + ".keySet()", expected.keySet(), actual.keySet());
      return;
    }
    Iterator<?> e = expected.keySet().iterator();
    Iterator<?> a = actual.keySet().iterator();
    while (e.hasNext() && a.hasNext()) {
      Object ek = e.next();
      Object ak = a.next();
      if (!Objects.equals(ek, ak)) {
        differ(path + " key order", ek, ak);
        return;
      }
      compare(path + "[" + ek + "]", expected.get(ek), actual.get(ek));
    }
  }

  /** Returns a short label of a row (its id or user id) to find it in the report. */
  private static String label(Object row) {
    if (!(row instanceof Record record)) {
      return "";
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      String name = component.getName();
      if (name.equals("id") || name.equals("userId") || name.equals("date")) {
        try {
          return "(" + name + "=" + component.getAccessor().invoke(record) + ")";
        } catch (ReflectiveOperationException ex) {
          return "";
        }
      }
    }
    return "";
  }
}
