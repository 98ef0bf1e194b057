package dev.labelmeter.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void textsThatASpreadsheetWouldRunAsFormulasAreDefused() throws IOException {
    String csv =
        write(Arrays.asList("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "ok"));

    assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,'-2,'@SUM(A1),'\tx,ok\r\n");
  }

  @Test
  void numbersStayNumbersEvenWhenNegative() throws IOException {
    assertThat(write(Arrays.asList(-3, 2.5, 12345678901L))).isEqualTo("-3,2.5,12345678901\r\n");
  }

  @Test
  void missingValuesAreEmptyFieldsNotZero() throws IOException {
    assertThat(write(Arrays.asList("a", null, 1))).isEqualTo("a,,1\r\n");
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() throws IOException {
    assertThat(write(Arrays.asList("a,b", "say \"hi\"", "two\nlines", " padded")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\r\n");
  }

  private static String write(List<?> row) throws IOException {
    StringWriter out = new StringWriter();
    try (CsvWriter csv = new CsvWriter(out)) {
      csv.writeRow(row);
    }
    return out.toString();
  }
}
