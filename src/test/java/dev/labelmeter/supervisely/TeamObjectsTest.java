package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamObjectsTest {
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

  @Test
  void activityQuerySendsEveryFilterInTheSdkOrder() {
    server.enqueue("teams.activity", Reply.json(Fixtures.page(0, 20000, 1, List.of())));

    api.activity()
        .getEvents(
            ActivityQuery.team(8)
                .withJobId(3L)
                .withProjectId(1817L)
                .withUserId(7L)
                .withActions(List.of("create_figure", "update_figure"))
                .withDateFrom(Instant.parse("2021-01-01T00:00:00Z"))
                .withDateTo(Instant.parse("2021-01-31T23:59:59.500Z"))
                .withReviewStatus("accepted")
                .withLabelerId(7L));

    JsonNode body = server.requests("teams.activity").get(0).json();
    assertThat(body.get("teamId").asLong()).isEqualTo(8);
    assertThat(body.has("sort")).isFalse();
    assertThat(body.get("filter").toString())
        .isEqualTo(
            "[{\"field\":\"labelerId\",\"operator\":\"=\",\"value\":7},"
                + "{\"field\":\"reviewStatus\",\"operator\":\"=\",\"value\":\"accepted\"},"
                + "{\"field\":\"userId\",\"operator\":\"=\",\"value\":7},"
                + "{\"field\":\"projectId\",\"operator\":\"=\",\"value\":1817},"
                + "{\"field\":\"jobId\",\"operator\":\"=\",\"value\":3},"
                + "{\"field\":\"type\",\"operator\":\"in\","
                + "\"value\":[\"create_figure\",\"update_figure\"]},"
                + "{\"field\":\"date\",\"operator\":\">=\",\"value\":\"2021-01-01T00:00:00Z\"},"
                + "{\"field\":\"date\",\"operator\":\"<=\","
                + "\"value\":\"2021-01-31T23:59:59.500Z\"}]");
  }

  @Test
  void membersAreListedWithTheirTeamRole() {
    server.enqueue(
        "members.list",
        Reply.json(
            Fixtures.page(
                1,
                500,
                1,
                List.of(
                    "{\"id\": 7, \"login\": \"bob\", \"role\": \"annotator\", \"roleId\": 3,"
                        + " \"name\": null, \"email\": null, \"logins\": 20, \"disabled\": false,"
                        + " \"lastLogin\": \"2021-03-24T15:06:26.804Z\","
                        + " \"createdAt\": \"2020-04-17T10:24:09.077Z\","
                        + " \"updatedAt\": \"2021-03-24T15:13:01.148Z\"}"))));

    List<Member> members = api.members().getTeamMembers(8);

    assertThat(members)
        .containsExactly(
            new Member(
                7,
                "bob",
                "annotator",
                3L,
                null,
                null,
                20,
                false,
                Instant.parse("2021-03-24T15:06:26.804Z"),
                Instant.parse("2020-04-17T10:24:09.077Z"),
                Instant.parse("2021-03-24T15:13:01.148Z")));
    JsonNode body = server.requests("members.list").get(0).json();
    assertThat(body.get("teamId").asLong()).isEqualTo(8);
    assertThat(body.get("filter")).isEmpty();
    assertThat(body.get("sort").asText()).isEqualTo("id");
  }

  @Test
  void aMemberIsFoundByLoginThroughAFilter() {
    server.enqueue("members.list", Reply.json(Fixtures.page(0, 500, 1, List.of())));

    assertThat(api.members().getMemberInfoByLogin(8, "nobody")).isEmpty();
    assertThat(server.requests("members.list").get(0).json().get("filter").toString())
        .isEqualTo("[{\"field\":\"login\",\"operator\":\"=\",\"value\":\"nobody\"}]");
  }

  @Test
  void infoCallsReadTheirObjectsAndTurn404IntoEmpty() {
    server.enqueue(
        "teams.info",
        Reply.json(
            "{\"id\": 8, \"name\": \"Labelers\", \"role\": \"admin\","
                + " \"usage\": {\"plan\": \"pro\"}}"));
    server.enqueue(
        "workspaces.info",
        Reply.json("{\"id\": 29, \"name\": \"First Workspace\", \"teamId\": 8}"));
    server.enqueue(
        "projects.info",
        Reply.json(
            "{\"id\": 58, \"name\": \"tutorial\", \"type\": \"images\", \"workspaceId\": 29,"
                + " \"imagesCount\": 120, \"datasetsCount\": 2, \"size\": \"861069\"}"));
    server.enqueue(
        "datasets.info",
        Reply.json(
            "{\"id\": 54, \"name\": \"ds1\", \"projectId\": 58, \"imagesCount\": 60,"
                + " \"itemsCount\": 61}"));
    for (String method :
        List.of("teams.info", "workspaces.info", "projects.info", "datasets.info", "users.info")) {
      server.enqueue(method, Reply.json(404, "{\"error\": \"Not found\"}"));
    }

    assertThat(api.teams().getInfoById(8).orElseThrow().plan()).isEqualTo("pro");
    assertThat(api.workspaces().getInfoById(29).orElseThrow().teamId()).isEqualTo(8L);
    ProjectInfo project = api.projects().getInfoById(58).orElseThrow();
    assertThat(project.itemsCount()).isEqualTo(120);
    assertThat(project.size()).isEqualTo(861069L);
    assertThat(api.datasets().getInfoById(54).orElseThrow().itemsCount()).isEqualTo(61);
    assertThat(api.teams().getInfoById(1)).isEmpty();
    assertThat(api.workspaces().getInfoById(1)).isEmpty();
    assertThat(api.projects().getInfoById(1)).isEmpty();
    assertThat(api.datasets().getInfoById(1)).isEmpty();
    assertThat(api.members().getUserInfoById(1)).isEmpty();
    assertThat(server.requests("datasets.info").get(0).body()).isEqualTo("{\"id\":54}");
  }

  @Test
  void listsOfWorkspacesProjectsAndDatasetsSendTheirParentIds() {
    server.enqueue(
        "workspaces.list", Reply.json(Fixtures.page(1, 500, 1, List.of("{\"id\": 29}"))));
    server.enqueue("projects.list", Reply.json(Fixtures.page(1, 500, 1, List.of("{\"id\": 58}"))));
    server.enqueue("datasets.list", Reply.json(Fixtures.page(1, 500, 1, List.of("{\"id\": 54}"))));

    assertThat(api.workspaces().getList(8)).extracting(WorkspaceInfo::id).containsExactly(29L);
    assertThat(api.projects().getList(29)).extracting(ProjectInfo::id).containsExactly(58L);
    assertThat(api.datasets().getList(58)).extracting(DatasetInfo::id).containsExactly(54L);
    assertThat(server.requests("workspaces.list").get(0).json().get("teamId").asLong())
        .isEqualTo(8);
    assertThat(server.requests("projects.list").get(0).json().get("workspaceId").asLong())
        .isEqualTo(29);
    assertThat(server.requests("datasets.list").get(0).json().get("projectId").asLong())
        .isEqualTo(58);
  }

  @Test
  void typedActivityPagesAndTheTableOfAnEmptyLog() {
    String e1 = Fixtures.event(7, "login", "2021-01-15T14:24:58Z", null, null, "{}");
    server.enqueue(
        "teams.activity",
        Reply.json(Fixtures.page(2, 1, 2, List.of(e1))),
        Reply.json(Fixtures.page(2, 1, 2, List.of(e1))),
        Reply.json(Fixtures.page(0, 20000, 0, List.of())));
    List<Integer> pageSizes = new java.util.ArrayList<>();

    PageSummary summary =
        api.activity()
            .forEachEventPage(
                ActivityQuery.team(8),
                page -> {
                  assertThat(page.entities())
                      .allSatisfy(e -> assertThat(e.action()).isEqualTo("login"));
                  pageSizes.add(page.entities().size());
                });
    tech.tablesaw.api.Table empty = api.activity().getTable(ActivityQuery.team(9));

    assertThat(pageSizes).containsExactly(1, 1);
    assertThat(summary.countMatches()).isTrue();
    assertThat(empty.rowCount()).isZero();
    assertThat(empty.columnNames()).containsExactlyElementsOf(ActivityEvent.KEYS);
  }
}
