package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The byte-slice reading of pages and objects: each slice is exactly the value as sent. */
class ResponseBytesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private RecordingServer server;
  private SuperviselyApi api;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    api = server.client(TOKEN, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> activityBytes() {
    List<String> slices = new ArrayList<>();
    api.activity()
        .forEachPageBytes(
            ActivityQuery.team(7), page -> page.entities().forEach(e -> slices.add(e.toString())));
    return slices;
  }

  @Test
  void slicesAreTheEventsTextAsSentAcrossPagesWithWhitespaceEscapesAndMultiByteCharacters() {
    String e1 = "{\"userId\":1,\"action\":\"create_figure\",\"meta\":{\"a\":[1,{\"b\":\"}\"}]}}";
    String e2 =
        "{ \"userId\" : 2 ,\n  \"text\" : \"Zoë \\\"quoted\\\" \\u00e9 日本 \\ud83d\\ude00 😀\" }";
    String e3 = "{\"userId\":3,\"meta\":{}}";
    server.enqueue(
        "teams.activity",
        Reply.json(
            "\uFEFF {\"total\": 3, \"perPage\": 2, \"pagesCount\": 2, \"entities\": [ "
                + e1
                + " ,\n"
                + e2
                + "\n]}"),
        Reply.json("{\"entities\":[" + e3 + "],\"total\":3,\"pagesCount\":2,\"perPage\":2}  "));

    assertThat(activityBytes()).containsExactly(e1, e2, e3);
  }

  @Test
  void pageCountsAreReadWhereverTheyStandAndCheckedAsForParsedPages() {
    server.enqueue(
        "teams.activity",
        Reply.json(
            "{\"entities\":[{\"a\":1}],\"extra\":{\"x\":[1,2]},\"total\":\"2\","
                + "\"pagesCount\":2,\"perPage\":1}"),
        Reply.json("{\"entities\":[{\"a\":2}],\"total\":2,\"pagesCount\":2,\"perPage\":1}"));
    List<Page<JsonBytes>> pages = new ArrayList<>();

    PageSummary summary = api.activity().forEachPageBytes(ActivityQuery.team(7), pages::add);

    assertThat(pages).extracting(Page::total).containsExactly(2L, 2L);
    assertThat(pages).extracting(Page::pagesCount).containsExactly(2, 2);
    assertThat(summary.received()).isEqualTo(2);
    assertThat(server.requests("teams.activity").get(1).json().get("per_page").asInt())
        .isEqualTo(1);
  }

  @Test
  void aBareArrayIsOnePageOfEverything() {
    server.enqueue("teams.activity", Reply.json("[{\"a\":1}, {\"a\":2}]"));

    assertThat(activityBytes()).containsExactly("{\"a\":1}", "{\"a\":2}");
  }

  @Test
  void aPageWithoutEntitiesOrWithBrokenJsonFailsWithTheMethodNamed() {
    server.enqueue("teams.activity", Reply.json("{\"total\": 3, \"entities\": null}"));
    assertThatThrownBy(this::activityBytes)
        .isInstanceOfSatisfying(
            SuperviselyException.class,
            e -> assertThat(e.kind()).isEqualTo(SuperviselyException.Kind.MALFORMED_RESPONSE))
        .hasMessageContaining("teams.activity")
        .hasMessageContaining("\"entities\" list");

    server.enqueue("teams.activity", Reply.json("{\"total\": 3, \"entities\": [{\"a\":1}, {\"b\""));
    assertThatThrownBy(this::activityBytes)
        .isInstanceOfSatisfying(
            SuperviselyException.class,
            e -> assertThat(e.kind()).isEqualTo(SuperviselyException.Kind.MALFORMED_RESPONSE))
        .hasMessageContaining("broken JSON");

    server.enqueue("teams.activity", Reply.text(200, "text/html", "<html>login</html>"));
    assertThatThrownBy(this::activityBytes)
        .isInstanceOfSatisfying(
            SuperviselyException.class,
            e -> assertThat(e.kind()).isEqualTo(SuperviselyException.Kind.CONFIGURATION))
        .hasMessageContaining("not JSON");
  }

  @Test
  void jobInfoAndStatsBytesAreTheObjectAsSentAndA404IsEmpty() throws Exception {
    String info = "{\"id\": 5,\n \"name\": \"Zoë's job\", \"entities\": [{\"id\": 1}]}";
    String stats = "{\"job\":{\"id\":5},\"images\":{\"total\":2}}";
    server.enqueue("jobs.info", Reply.json("  " + info + "\n"));
    server.enqueue("jobs.stats", Reply.json(stats));
    server.enqueue("jobs.info", Reply.json(404, "{\"error\": \"not found\"}"));

    JsonBytes infoBytes = api.labelingJobs().getInfoByIdBytes(5).orElseThrow();
    JsonBytes statsBytes = api.labelingJobs().getStatsBytes(5);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    infoBytes.writeTo(written);

    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(info);
    assertThat(infoBytes.hasLineBreak()).isTrue();
    assertThat(infoBytes.toNode()).isEqualTo(JSON.readTree(info));
    assertThat(statsBytes.toString()).isEqualTo(stats);
    assertThat(statsBytes.hasLineBreak()).isFalse();
    assertThat(api.labelingJobs().getInfoByIdBytes(6)).isEmpty();
  }

  @Test
  void anObjectCallAnsweredWithAnArrayIsMalformed() {
    server.enqueue("jobs.stats", Reply.json("[1, 2]"));

    assertThatThrownBy(() -> api.labelingJobs().getStatsBytes(5))
        .isInstanceOf(SuperviselyException.class)
        .hasMessageContaining("jobs.stats")
        .hasMessageContaining("expected a JSON object but got array");
  }
}
