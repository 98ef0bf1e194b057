package dev.labelmeter.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Sheet names made from data are safe for Excel and unique ignoring case. */
class SheetNamesTest {

  private final SheetNames names = new SheetNames();

  @Test
  void forbiddenCharactersAreReplaced() {
    String name = names.claim("a[b]c:d*e?f/g\\h");

    assertThat(name).isEqualTo("a_b_c_d_e_f_g_h");
    WorkbookUtil.validateSheetName(name);
  }

  @Test
  void longNamesAreCutTo31Characters() {
    String name = names.claim("labeler with a name far longer than Excel allows");

    assertThat(name).isEqualTo("labeler with a name far longer ".strip());
    assertThat(name.length()).isLessThanOrEqualTo(31);
  }

  @Test
  void namesThatDifferOnlyInCaseBecomeDistinct() throws Exception {
    String first = names.claim("Alice");
    String second = names.claim("alice");
    String third = names.claim("ALICE");

    assertThat(first).isEqualTo("Alice");
    assertThat(second).isEqualTo("alice (2)");
    assertThat(third).isEqualTo("ALICE (3)");
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      book.createSheet(first);
      book.createSheet(second);
      book.createSheet(third); // POI refuses duplicate names ignoring case
    }
  }

  @Test
  void longNamesThatCollideAfterCuttingStayWithinTheLimit() {
    String first = names.claim("x".repeat(40));
    String second = names.claim("X".repeat(35));

    assertThat(first).hasSize(31);
    assertThat(second).isEqualTo("X".repeat(27) + " (2)");
  }

  @Test
  void emptyApostropheAndReservedNamesGetAUsableName() {
    assertThat(names.claim("")).isEqualTo("Sheet");
    assertThat(names.claim("'quoted'")).isEqualTo("quoted");
    assertThat(names.claim("history")).isEqualTo("history_");
  }

  @Test
  void anEmojiIsNeverSplitAtTheCut() {
    String name = names.claim("a".repeat(30) + "🐱");

    assertThat(name).isEqualTo("a".repeat(30));
  }
}
