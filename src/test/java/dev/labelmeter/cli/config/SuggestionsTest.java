package dev.labelmeter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = Setting.fileKeys();

  @Test
  void aTypoFindsTheKey() {
    assertThat(Suggestions.closest("report.idle-treshold", KEYS)).contains("report.idle-threshold");
    assertThat(Suggestions.closest("data_dir", KEYS)).contains("data-dir");
  }

  @Test
  void aKeyOutsideItsSectionFindsItsSection() {
    assertThat(Suggestions.closest("stale-days", KEYS)).contains("report.stale-days");
  }

  @Test
  void somethingUnrelatedFindsNothing() {
    assertThat(Suggestions.closest("favourite-colour", KEYS)).isEmpty();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.levenshtein("", "abc")).isEqualTo(3);
    assertThat(Suggestions.levenshtein("same", "same")).isZero();
  }
}
