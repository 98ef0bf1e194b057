package dev.labelmeter.metrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parity comparator finds the first differing table, row and field. */
class ResultComparatorTest {
  record Row(Long userId, String login, Double hours, Map<String, Long> counts) {}

  record Result(List<Row> rows, long total) {}

  private static Result result(Double hours, String login, long total) {
    return new Result(
        List.of(new Row(1L, "ann", 1.0, Map.of("a", 1L)), new Row(7L, login, hours, Map.of())),
        total);
  }

  @Test
  void equalResultsAndDoublesWithinOneBillionthRelativeHaveNoDifference() {
    assertThat(ResultComparator.differences(result(2.0, "bob", 3), result(2.0 + 1e-9, "bob", 3)))
        .isEmpty();
  }

  @Test
  void eachDifferenceNamesItsPathRowAndBothValues() {
    assertThat(ResultComparator.differences(result(2.0, "bob", 3), result(2.1, "Bob", 4)))
        .containsExactly(
            "result.rows[1](userId=7).login: expected (Tablesaw) bob but Spark gave Bob",
            "result.rows[1](userId=7).hours: expected (Tablesaw) 2.0 but Spark gave 2.1",
            "result.total: expected (Tablesaw) 3 but Spark gave 4");
  }

  @Test
  void aNullIsEqualOnlyToNullAndRowCountsAndMapKeysAreCompared() {
    assertThat(ResultComparator.differences(result(null, "bob", 3), result(0.0, "bob", 3)))
        .containsExactly(
            "result.rows[1](userId=7).hours: expected (Tablesaw) null but Spark gave 0.0");
    assertThat(
            ResultComparator.differences(
                new Result(List.of(), 0), new Result(List.of(new Row(1L, "a", 0.0, Map.of())), 0)))
        .containsExactly("result.rows.size(): expected (Tablesaw) 0 but Spark gave 1");
    assertThat(
            ResultComparator.differences(
                new Row(1L, "a", 0.0, Map.of("x", 1L)), new Row(1L, "a", 0.0, Map.of("y", 1L))))
        .containsExactly("result.counts.keySet(): expected (Tablesaw) [x] but Spark gave [y]");
  }
}
