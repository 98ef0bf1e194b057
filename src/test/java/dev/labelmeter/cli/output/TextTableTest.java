package dev.labelmeter.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void columnsAlignAndNumbersAlignRight() {
    TextTable table = TextTable.withHeaders("ID", "NAME").alignRight(0);
    table.addRow(7, "cats");
    table.addRow(1234, null);

    assertThat(print(table))
        .isEqualTo(String.join("\n", "  ID  NAME", "----  ----", "   7  cats", "1234", ""));
  }

  @Test
  void controlCharactersFromTheServerCannotBreakTheLayout() {
    TextTable table = TextTable.withHeaders("NAME");
    table.addRow("evil\nname\u001b[2J");

    assertThat(print(table).lines()).hasSize(3).last().asString().isEqualTo("evil name [2J");
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> TextTable.withHeaders("A", "B").addRow("only one"))
        .hasMessageContaining("needs 2 cells");
  }

  private static String print(TextTable table) {
    StringWriter out = new StringWriter();
    table.print(new PrintWriter(out));
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
