package dev.labelmeter.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Texts are cut to a cell's limit with a marker, and formula-like texts are recognised. */
class SafeTextTest {

  @Test
  void textsWithinTheLimitAreUnchanged() {
    String exact = "y".repeat(32_767);

    assertThat(SafeText.fitCell(exact)).isSameAs(exact);
  }

  @Test
  void longerTextsAreCutToTheLimitWithTheMarker() {
    String cut = SafeText.fitCell("z".repeat(40_000));

    assertThat(cut).hasSize(32_767).endsWith("… [truncated]").startsWith("zzz");
  }

  @Test
  void anEmojiAtTheCutIsDroppedWholeNotSplit() {
    int keep = 32_767 - SafeText.TRUNCATION_MARKER.length();
    String text = "a".repeat(keep - 1) + "😀" + "b".repeat(100);

    String cut = SafeText.fitCell(text);

    assertThat(cut).isEqualTo("a".repeat(keep - 1) + SafeText.TRUNCATION_MARKER);
    assertThat(Character.isHighSurrogate(cut.charAt(keep - 2))).isFalse();
  }

  @Test
  void excelEscapeRunsAreProtectedAndTheResultStillFitsACell() {
    assertThat(SafeText.escapeExcelEscapes("a_x0041_b")).isEqualTo("a_x005F_x0041_b");
    assertThat(SafeText.escapeExcelEscapes("_x12G4_ and _x_")).isEqualTo("_x12G4_ and _x_");
    String many = "_x0041_".repeat(32_767 / 7);

    assertThat(SafeText.forCell(many)).hasSize(32_767).endsWith(SafeText.TRUNCATION_MARKER);
  }

  @Test
  void formulaLikeTextsAreRecognised() {
    assertThat(SafeText.looksLikeFormula("=1+1")).isTrue();
    assertThat(SafeText.looksLikeFormula("+1")).isTrue();
    assertThat(SafeText.looksLikeFormula("-1")).isTrue();
    assertThat(SafeText.looksLikeFormula("@A1")).isTrue();
    assertThat(SafeText.looksLikeFormula("alice")).isFalse();
    assertThat(SafeText.looksLikeFormula("")).isFalse();
  }

  @Test
  void wideCharactersCountTwiceForColumnWidths() {
    assertThat(SafeText.displayWidth("abc")).isEqualTo(3);
    assertThat(SafeText.displayWidth("李明")).isEqualTo(4);
    assertThat(SafeText.displayWidth("🐱")).isEqualTo(2);
    assertThat(SafeText.displayWidth("short\nlonger line")).isEqualTo(11);
  }
}
