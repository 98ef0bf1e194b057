package dev.labelmeter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests read from bytes, token by token, against digests of parsed trees. */
class CanonicalJsonScanTest {
  @TempDir Path dir;

  private static CanonicalJson.Scanned scan(String json, String field) throws IOException {
    byte[] padded = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
    int length = json.getBytes(StandardCharsets.UTF_8).length;
    return CanonicalJson.scan(padded, 2, length, field);
  }

  private static CanonicalJson.Digest tree(String json) throws IOException {
    return CanonicalJson.digest(StoreJson.MAPPER.readTree(json));
  }

  @Test
  void handWrittenValuesDigestAsTheirTrees() throws IOException {
    for (String json :
        List.of(
            "{}",
            "[]",
            "{\"a\":1,\"b\":[1,2.5,\"x\",null,true,false,{}]}",
            "{\"b\":[1,2.5,\"x\",null,true,false,{}],\"a\":1}",
            "{\"n\":-0,\"m\":1e3,\"k\":1.0E3,\"j\":12345678901234567890123,"
                + "\"i\":-9223372036854775808}",
            "{\"s\":\"Zoë \\\"q\\\" \\u00e9 日本 😀 \\ud83d\\ude00 \\n\\t\"}",
            " { \"spaced\" :\n [ 1 , 2 ] } ",
            "\"just a string\"",
            "42",
            "{\"deep\":{\"er\":{\"est\":[[[{\"x\":[]}]]]}}}")) {
      assertThat(scan(json, null).digest()).as(json).isEqualTo(tree(json));
    }
  }

  @Test
  void keyOrderDoesNotMatterButKindsAndValuesDo() throws IOException {
    assertThat(scan("{\"a\":1,\"b\":2}", null).digest())
        .isEqualTo(scan("{\"b\":2,\"a\":1}", null).digest());
    assertThat(scan("{\"a\":5}", null).digest()).isNotEqualTo(scan("{\"a\":5.0}", null).digest());
    assertThat(scan("{\"a\":null}", null).digest())
        .isNotEqualTo(scan("{\"a\":\"null\"}", null).digest());
    assertThat(scan("[1,2]", null).digest()).isNotEqualTo(scan("[2,1]", null).digest());
    assertThat(scan("{\"a\":{\"b\":1}}", null).digest())
        .isNotEqualTo(scan("{\"b\":{\"a\":1}}", null).digest());
  }

  @Test
  void randomValuesDigestAsTheirTreesAndAsTheirPrettyPrintedText() throws IOException {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      JsonNode value = RandomJson.value(random, 4);
      String compact = StoreJson.MAPPER.writeValueAsString(value);
      String pretty = StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
      CanonicalJson.Digest expected = CanonicalJson.digest(StoreJson.MAPPER.readTree(compact));

      assertThat(scan(compact, null).digest()).as(compact).isEqualTo(expected);
      assertThat(scan(pretty, null).digest()).as(pretty).isEqualTo(expected);
    }
  }

  @Test
  void theAskedTopLevelStringFieldIsReturnedAndNestedOrNonStringOnesAreNot() throws IOException {
    assertThat(scan("{\"a\":1,\"date\":\"2026-11-30T01:00:00Z\",\"z\":[]}", "date").field())
        .isEqualTo("2026-11-30T01:00:00Z");
    assertThat(scan("{\"meta\":{\"date\":\"2026-11-30T01:00:00Z\"}}", "date").field()).isNull();
    assertThat(scan("{\"date\":null}", "date").field()).isNull();
    assertThat(scan("{\"date\":20261130}", "date").field()).isNull();
    assertThat(scan("{\"date\":\"x\"}", null).field()).isNull();
  }

  @Test
  void brokenOrDoubledValuesAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> scan("{\"a\":", null))
        .isInstanceOf(StoreFormatException.class)
        .hasMessageStartingWith("not valid JSON (");
    assertThatThrownBy(() -> scan("{\"a\":1} {\"b\":2}", null))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage("not valid JSON (more than one value)");
    assertThatThrownBy(() -> scan("   ", null))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage("not valid JSON (no value)");
  }

  @Test
  void writtenLinesKeepTheBytesAndTurnLineBreaksIntoSpaces() throws IOException {
    Path file = dir.resolve("lines.jsonl.gz");
    byte[] pretty =
        "{\r\n  \"a\" : [ 1,\n 2 ],\n  \"s\" : \"é\\n\"\n}".getBytes(StandardCharsets.UTF_8);
    byte[] framed = new byte[pretty.length + 4];
    System.arraycopy(pretty, 0, framed, 2, pretty.length);
    try (JsonLinesWriter out = JsonLinesWriter.open(file)) {
      out.writeLine(framed, 2, pretty.length);
      out.writeLine("{\"b\":2}".getBytes(StandardCharsets.UTF_8), 0, 7);
      out.commit();
    }

    List<String> lines = new ArrayList<>();
    JsonLinesReader.forEachLine(file, (line, n) -> lines.add(line));
    assertThat(lines).containsExactly("{    \"a\" : [ 1,  2 ],   \"s\" : \"é\\n\" }", "{\"b\":2}");
    assertThat(StoreJson.MAPPER.readTree(lines.get(0)))
        .isEqualTo(StoreJson.MAPPER.readTree(new String(pretty, StandardCharsets.UTF_8)));
  }
}
