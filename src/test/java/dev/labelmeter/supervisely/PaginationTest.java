package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PaginationTest {
  private RecordingServer server;
  private SuperviselyApi api;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger paginatorLogger = (Logger) LoggerFactory.getLogger(Paginator.class);

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    api = server.client(TOKEN, new RecordingSleeper()).build();
    logs.start();
    paginatorLogger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    paginatorLogger.detachAppender(logs);
    server.close();
  }

  @Test
  void threePagesOfJobsAreReadPageOneWithoutPagingKeysThenWithPerPageOfPageOne() {
    server.enqueue(
        "jobs.list",
        Reply.json(
            Fixtures.page(
                5, 2, 3, List.of(Fixtures.job(1, "pending"), Fixtures.job(2, "completed")))),
        Reply.json(
            Fixtures.page(
                5, 2, 3, List.of(Fixtures.job(3, "stopped"), Fixtures.job(4, "on_review")))),
        Reply.json(Fixtures.page(5, 2, 3, List.of(Fixtures.job(5, "in_progress")))));

    List<LabelingJobInfo> jobs = api.labelingJobs().getList(JobListQuery.team(4));

    assertThat(jobs).extracting(LabelingJobInfo::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    List<RecordingServer.Recorded> requests = server.requests("jobs.list");
    assertThat(requests).hasSize(3);
    JsonNode first = requests.get(0).json();
    assertThat(first.has("page")).isFalse();
    assertThat(first.has("per_page")).isFalse();
    assertThat(first.get("sort").asText()).isEqualTo("id");
    assertThat(first.get("sort_order").asText()).isEqualTo("asc");
    for (int n = 2; n <= 3; n++) {
      JsonNode later = requests.get(n - 1).json();
      assertThat(later.get("page").asInt()).isEqualTo(n);
      assertThat(later.get("per_page").asInt()).isEqualTo(2);
      assertThat(later.get("teamId").asLong()).isEqualTo(4);
      assertThat(later.get("sort").asText()).isEqualTo("id");
    }
    assertThat(logs.list).isEmpty();
  }

  @Test
  void activityPagesStreamRawWithoutSortAndReportTheirNumbers() {
    String e1 = Fixtures.event(7, "create_figure", "2021-01-15T14:24:58.480Z", 3L, null, "{}");
    String e2 =
        Fixtures.event(7, "attach_tag", "2021-01-15T14:25:00Z", 3L, 20L, "{\"value\": \"x\"}");
    String e3 = Fixtures.event(8, "update_figure", "2021-01-15T14:26:00Z", 3L, null, "{}");
    server.enqueue(
        "teams.activity",
        Reply.json(Fixtures.page(3, 2, 2, List.of(e1, e2))),
        Reply.json(Fixtures.page(3, 2, 2, List.of(e3))));
    List<String> seen = new ArrayList<>();

    PageSummary summary =
        api.activity()
            .forEachPage(
                ActivityQuery.team(8),
                page ->
                    seen.add(
                        page.number()
                            + "/"
                            + page.pagesCount()
                            + " total "
                            + page.total()
                            + ": "
                            + page.entities().size()));

    assertThat(seen).containsExactly("1/2 total 3: 2", "2/2 total 3: 1");
    assertThat(summary).isEqualTo(new PageSummary("teams.activity", 2, 3, 3L));
    assertThat(summary.countMatches()).isTrue();
    JsonNode first = server.requests("teams.activity").get(0).json();
    assertThat(first.has("sort")).isFalse();
    assertThat(first.has("page")).isFalse();
    JsonNode second = server.requests("teams.activity").get(1).json();
    assertThat(second.has("sort")).isFalse();
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(second.get("per_page").asInt()).isEqualTo(2);
  }

  @Test
  void aCountThatDisagreesWithTotalIsReportedAndLogged() {
    String e = Fixtures.event(7, "create_figure", "2021-01-15T14:24:58Z", null, null, "{}");
    server.enqueue(
        "teams.activity",
        Reply.json(Fixtures.page(4, 2, 2, List.of(e, e))),
        Reply.json(Fixtures.page(5, 2, 3, List.of(e))));

    PageSummary summary = api.activity().forEachPage(ActivityQuery.team(8), page -> {});

    assertThat(summary.countMatches()).isFalse();
    assertThat(summary.received()).isEqualTo(3);
    assertThat(summary.total()).isEqualTo(4L);
    assertThat(summary.warning().orElseThrow())
        .contains("teams.activity", "received 3", "total of 4");
    assertThat(logs.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage()).contains("received 3", "total of 4");
            });
  }

  @Test
  void listConvenienceMethodsLogAMismatchToo() {
    server.enqueue(
        "members.list",
        Reply.json(Fixtures.page(2, 500, 1, List.of("{\"id\": 7, \"login\": \"bob\"}"))));

    List<Member> members = api.members().getTeamMembers(8);

    assertThat(members).extracting(Member::login).containsExactly("bob");
    assertThat(logs.list).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
  }

  @Test
  void anEmptyListIsOnePageAndMatches() {
    server.enqueue("jobs.list", Reply.json(Fixtures.page(0, 500, 0, List.of())));

    PageSummary summary = api.labelingJobs().forEachRawPage(JobListQuery.team(4), page -> {});

    assertThat(summary).isEqualTo(new PageSummary("jobs.list", 1, 0, 0L));
    assertThat(summary.warning()).isEmpty();
    assertThat(server.requests("jobs.list")).hasSize(1);
  }

  @Test
  void rawPagesKeepUnknownFieldsAsReceived() {
    server.enqueue(
        "members.list",
        Reply.json(
            Fixtures.page(
                1, 500, 1, List.of("{\"id\": 7, \"login\": \"bob\", \"futureKey\": {\"a\": 1}}"))));
    List<JsonNode> raw = new ArrayList<>();

    api.members().forEachPage(8, page -> raw.addAll(page.entities()));

    assertThat(raw)
        .singleElement()
        .satisfies(node -> assertThat(node.at("/futureKey/a").asInt()).isEqualTo(1));
  }

  @Test
  void anActivityCountAsksForAPageOfOneEventAndReadsTheServersTotal() {
    String event = Fixtures.event(7, "create_figure", "2021-01-15T14:24:58.480Z", 3L, null, "{}");
    server.enqueue(
        "teams.activity",
        Reply.json(Fixtures.page(4211, 1, 4211, List.of(event))),
        Reply.json("{\"entities\": []}"));
    ActivityQuery query =
        ActivityQuery.team(7).withDateFrom(java.time.Instant.parse("2021-01-15T00:00:00Z"));

    assertThat(api.activity().count(query)).hasValue(4211);
    assertThat(api.activity().count(query)).isEmpty();

    JsonNode asked = server.requests("teams.activity").get(0).json();
    assertThat(asked.get("page").asInt()).isEqualTo(1);
    assertThat(asked.get("per_page").asInt()).isEqualTo(1);
    assertThat(asked.get("filter").toString()).contains("2021-01-15T00:00:00");
  }
}
