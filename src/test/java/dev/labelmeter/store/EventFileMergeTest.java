package dev.labelmeter.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileMergeTest {
  @TempDir Path dir;

  @Test
  void eventsEqualAsJsonObjectsAreTheSameWhateverTheKeyOrderButNumberKindsDiffer()
      throws IOException {
    JsonNode a = json("{\"userId\":7,\"meta\":{\"duration\":5,\"x\":\"y\"}}");
    JsonNode b = json("{\"meta\":{\"x\":\"y\",\"duration\":5},\"userId\":7}");
    JsonNode c = json("{\"userId\":7,\"meta\":{\"duration\":5.0,\"x\":\"y\"}}");

    assertThat(CanonicalJson.digest(a)).isEqualTo(CanonicalJson.digest(b));
    assertThat(CanonicalJson.digest(a)).isNotEqualTo(CanonicalJson.digest(c));
    assertThat(CanonicalJson.digest(json("{\"a\":null}")))
        .isNotEqualTo(CanonicalJson.digest(json("{\"a\":\"null\"}")));
    assertThat(CanonicalJson.digest(a).hex()).hasSize(32);
  }

  @Test
  void digestsAgreeWithCanonicalTextsOverManyNearlyEqualEvents() throws IOException {
    java.util.Map<CanonicalJson.Digest, String> byDigest = new java.util.HashMap<>();
    java.util.Set<String> texts = new java.util.HashSet<>();
    for (int i = 0; i < 3000; i++) {
      for (String event :
          List.of(
              "{\"userId\":" + i + ",\"jobId\":null,\"meta\":{\"duration\":5}}",
              "{\"jobId\":null,\"userId\":" + i + ",\"meta\":{\"duration\":5.0}}",
              "{\"userId\":" + i + ",\"jobId\":\"null\",\"meta\":{}}",
              "{\"userId\":\"" + i + "\",\"jobId\":null,\"meta\":[5]}",
              "{\"userId\":" + (i * 31) + ",\"tag\":\"a\",\"image\":\"b" + i + "\"}",
              "{\"userId\":" + (i * 31) + ",\"tag\":\"b" + i + "\",\"image\":\"a\"}")) {
        JsonNode node = json(event);
        String text = CanonicalJson.canonical(node);
        String before = byDigest.putIfAbsent(CanonicalJson.digest(node), text);
        assertThat(before == null || before.equals(text)).as(text + " vs " + before).isTrue();
        texts.add(text);
      }
    }

    assertThat(byDigest).hasSameSizeAs(texts).hasSize(6 * 3000);
  }

  @Test
  void eventDatesAcceptZuluAndNumericOffsetsWithAnyFractionAndNothingElse() throws IOException {
    assertThat(EventDates.parse("2026-11-29T10:15:00.5+02:00"))
        .contains(Instant.parse("2026-11-29T08:15:00.500Z"));
    assertThat(EventDates.parse("2026-11-29T10:15:00+0200"))
        .contains(Instant.parse("2026-11-29T08:15:00Z"));
    assertThat(EventDates.parse("2026-11-29T23:59:59.123456789Z"))
        .contains(Instant.parse("2026-11-29T23:59:59.123456789Z"));
    assertThat(EventDates.parse("2026-11-29T10:15:00")).isEmpty();
    assertThat(EventDates.parse("2026-11-29T10:15:00Z"))
        .contains(Instant.parse("2026-11-29T10:15:00Z"));
    assertThat(EventDates.parse("2024-02-29T00:00:00.000Z"))
        .contains(Instant.parse("2024-02-29T00:00:00Z"));
    assertThat(EventDates.parse("2026-11-29T10:1a:00Z")).isEmpty();
    assertThat(EventDates.parse("2026-11-29T10:15:00.1234567890Z")).isEmpty();
    assertThat(EventDates.parse("None")).isEmpty();
    assertThat(EventDates.utcDay(json("{\"date\":\"2026-11-30T01:00:00+03:00\"}")))
        .contains(LocalDate.parse("2026-11-29"));
    assertThat(EventDates.utcDay(json("{\"date\":null}"))).isEmpty();
  }

  @Test
  void mergingKeepsTheOldLinesFirstThenAddsOnlyWhatIsNew() throws IOException {
    Path day = dir.resolve("day=2026-11-29/events.jsonl.gz");
    write(day, "{\"id\":1}", "{\"id\":2}");
    Path additions = dir.resolve("additions.jsonl.gz");
    write(additions, "{\"id\":2}", "{\"id\":3}", "{\"id\":3}", "{\"id\":1.0}");

    EventFileMerge.Result result = EventFileMerge.merge(day, additions);

    assertThat(lines(day))
        .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":1.0}");
    assertThat(result.linesBefore()).isEqualTo(2);
    assertThat(result.linesAdded()).isEqualTo(2);
    assertThat(result.duplicatesSkipped()).isEqualTo(2);
    assertThat(result.linesAfter()).isEqualTo(4);
    assertThat(result.bytes()).isEqualTo(Files.size(day));
  }

  @Test
  void aMergeThatAddsNothingLeavesTheFileUntouched() throws IOException {
    Path day = dir.resolve("events.jsonl.gz");
    write(day, "{\"id\":1}");
    Files.setLastModifiedTime(day, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    Path additions = dir.resolve("additions.jsonl.gz");
    write(additions, "{\"id\":1}");

    EventFileMerge.Result result = EventFileMerge.merge(day, additions);

    assertThat(result.linesAdded()).isZero();
    assertThat(Files.getLastModifiedTime(day).toMillis()).isEqualTo(1_000_000);
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void mergingIntoADayThatDoesNotExistYetCreatesIt() throws IOException {
    Path day = dir.resolve("activity/day=2026-12-01/events.jsonl.gz");
    Path additions = dir.resolve("additions.jsonl.gz");
    write(additions, "{\"id\":1}");

    EventFileMerge.merge(day, additions);

    assertThat(lines(day)).containsExactly("{\"id\":1}");
  }

  @Test
  void stagedEventsBecomeTheFileWhenThereIsNoneAndAreMergedWhenThereIsOne() throws IOException {
    Path day = dir.resolve("activity/day=2026-11-29/events.jsonl.gz");
    EventFileMerge.Result first;
    try (EventFileMerge.Staged staged = EventFileMerge.stage(dir.resolve("s1.jsonl.gz"))) {
      assertThat(staged.add(json("{\"id\":1,\"meta\":{\"a\":1,\"b\":2}}"))).isTrue();
      assertThat(staged.add(json("{\"meta\":{\"b\":2,\"a\":1},\"id\":1}"))).isFalse();
      assertThat(staged.add(json("{\"id\":2}"))).isTrue();
      first = staged.commitInto(day);
    }
    EventFileMerge.Result second;
    try (EventFileMerge.Staged staged = EventFileMerge.stage(dir.resolve("s2.jsonl.gz"))) {
      staged.add(json("{\"id\":2}"));
      staged.add(json("{\"id\":3}"));
      second = staged.commitInto(day);
    }

    assertThat(first.linesAdded()).isEqualTo(2);
    assertThat(first.duplicatesSkipped()).isEqualTo(1);
    assertThat(second.linesBefore()).isEqualTo(2);
    assertThat(second.linesAdded()).isEqualTo(1);
    assertThat(lines(day))
        .containsExactly("{\"id\":1,\"meta\":{\"a\":1,\"b\":2}}", "{\"id\":2}", "{\"id\":3}");
    try (var files = Files.list(dir)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("activity");
    }
  }

  private static JsonNode json(String text) throws IOException {
    return StoreJson.MAPPER.readTree(text);
  }

  private static void write(Path file, String... lines) throws IOException {
    try (JsonLinesWriter out = JsonLinesWriter.open(file)) {
      for (String line : lines) {
        out.writeRaw(line);
      }
      out.commit();
    }
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    JsonLinesReader.forEachLine(file, (line, n) -> lines.add(line));
    return lines;
  }
}
