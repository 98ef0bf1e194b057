package dev.labelmeter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulatorServerTest {
  @RegisterExtension
  final SimulatorExtension sim =
      SimulatorExtension.builder().teamSize(TeamSize.SMALL).seed(7).build();

  private RawClient client() {
    return new RawClient(sim.server());
  }

  private long team() {
    return sim.server().teamId();
  }

  @Test
  void requestsWithoutOrWithAWrongTokenGet401WithAnErrorBody() throws Exception {
    RawClient anonymous = new RawClient(sim.server().baseUrl(), null);
    RawClient wrong = new RawClient(sim.server().baseUrl(), "not-the-token");

    RawClient.Reply none = anonymous.post("jobs.list", "{\"teamId\":" + team() + "}");
    RawClient.Reply bad = wrong.post("jobs.list", "{\"teamId\":" + team() + "}");

    assertThat(none.status()).isEqualTo(401);
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.body().get("error").asText()).isEqualTo("Unauthorized");
    assertThat(bad.body().at("/details/message").asText()).contains("x-api-key");
    assertThat(bad.raw().body()).doesNotContain(sim.server().token());
  }

  @Test
  void unknownIdsOnInfoMethodsGet404AndUnknownMethodsToo() throws Exception {
    for (String method :
        List.of(
            "jobs.info",
            "jobs.stats",
            "users.info",
            "teams.info",
            "workspaces.info",
            "projects.info",
            "datasets.info")) {
      RawClient.Reply reply = client().post(method, "{\"id\": 987654321}");
      assertThat(reply.status()).as(method).isEqualTo(404);
      assertThat(reply.body().get("error").asText()).isEqualTo("Not found");
      assertThat(reply.body().at("/details/message").asText()).contains("987654321");
    }
    assertThat(client().post("jobs.explode", "{}").status()).isEqualTo(404);
  }

  @Test
  void malformedBodiesAndUnknownTeamsGet400() throws Exception {
    RawClient.Reply notJson = client().post("jobs.list", "{teamId: ");
    RawClient.Reply unknownTeam = client().post("jobs.list", "{\"teamId\": 1}");
    RawClient.Reply badFilter =
        client()
            .post(
                "teams.activity",
                "{\"teamId\":"
                    + team()
                    + ",\"filter\":[{\"field\":\"colour\",\"operator\":\"=\",\"value\":1}]}");

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().at("/details/message").asText()).contains("not valid JSON");
    assertThat(unknownTeam.status()).isEqualTo(400);
    assertThat(unknownTeam.body().at("/details/message").asText()).contains("team 1");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.body().at("/details/message").asText()).contains("colour", "jobId");
  }

  @Test
  void jobsListUsesTheDefaultPageSizeAndLeavesOutEntitiesAndDisabledJobs() throws Exception {
    List<ObjectNode> truth = sim.server().jobs();
    long enabled = truth.stream().filter(j -> !j.get("disabled").asBoolean()).count();

    JsonNode page = client().ok("jobs.list", "{\"teamId\":" + team() + "}");
    JsonNode all = client().ok("jobs.list", "{\"teamId\":" + team() + ",\"showDisabled\":true}");

    assertThat(enabled).isLessThan(truth.size());
    assertThat(page.get("perPage").asInt()).isEqualTo(500);
    assertThat(page.get("pagesCount").asInt()).isEqualTo(1);
    assertThat(page.get("total").asLong()).isEqualTo(enabled);
    assertThat(all.get("total").asInt()).isEqualTo(truth.size());
    assertThat(all.get("entities").get(0).has("entities")).isFalse();
    ObjectNode withoutEntities = truth.get(0).deepCopy();
    withoutEntities.remove(List.of("entities", "customData"));
    assertThat(all.get("entities").get(0)).isEqualTo(withoutEntities);
  }

  @Test
  void jobsInfoAndStatsReturnTheGroundTruth() throws Exception {
    ObjectNode job = sim.server().jobs().get(2);
    long id = job.get("id").asLong();

    JsonNode info = client().ok("jobs.info", "{\"id\":" + id + "}");
    JsonNode stats = client().ok("jobs.stats", "{\"id\":" + id + "}");

    assertThat(info).isEqualTo(job);
    assertThat(info.get("entities").size()).isEqualTo(job.get("imagesCount").asInt());
    assertThat(stats).isEqualTo(sim.server().stats().get(id));
  }

  @Test
  void pagesConcatenateToTheWholeListWithConsistentCounts() throws Exception {
    List<ObjectNode> truth = sim.server().jobs();
    List<Long> ids = new ArrayList<>();

    JsonNode first =
        client()
            .ok("jobs.list", "{\"teamId\":" + team() + ",\"showDisabled\":true,\"per_page\":3}");
    int pages = first.get("pagesCount").asInt();
    for (int p = 1; p <= pages; p++) {
      JsonNode page =
          client()
              .ok(
                  "jobs.list",
                  "{\"teamId\":"
                      + team()
                      + ",\"showDisabled\":true,\"page\":"
                      + p
                      + ",\"per_page\":3}");
      page.get("entities").forEach(j -> ids.add(j.get("id").asLong()));
    }

    assertThat(first.get("perPage").asInt()).isEqualTo(3);
    assertThat(pages).isEqualTo((truth.size() + 2) / 3);
    assertThat(ids).isEqualTo(truth.stream().map(j -> j.get("id").asLong()).toList());
  }

  @Test
  void activityComesInServerOrderWithTheDefaultPageOf20000AndAll18Keys() throws Exception {
    List<ObjectNode> truth = sim.server().events();

    JsonNode page = client().ok("teams.activity", "{\"teamId\":" + team() + "}");

    assertThat(page.get("perPage").asInt()).isEqualTo(20_000);
    assertThat(page.get("total").asInt()).isEqualTo(truth.size());
    List<JsonNode> events = new ArrayList<>();
    page.get("entities").forEach(events::add);
    assertThat(events).isEqualTo(truth);
    assertThat(events)
        .allMatch(e -> TeamInvariants.fieldNames(e).equals(TeamInvariants.EVENT_KEYS));
  }

  @Test
  void activityFiltersMatchTheGroundTruth() throws Exception {
    List<ObjectNode> truth = sim.server().events();
    ObjectNode job = sim.server().jobs().get(0);
    long jobId = job.get("id").asLong();
    long labeler = job.get("userId").asLong();
    String from = truth.get(truth.size() / 3).get("date").asText();
    String to = truth.get(2 * truth.size() / 3).get("date").asText();

    assertActivity(
        "{\"field\":\"jobId\",\"operator\":\"=\",\"value\":" + jobId + "}",
        truth.stream().filter(e -> e.get("jobId").asLong(-1) == jobId).toList());
    assertActivity(
        "{\"field\":\"jobId\",\"operator\":\"=\",\"value\":null}",
        truth.stream().filter(e -> e.get("jobId").isNull()).toList());
    assertActivity(
        "{\"field\":\"type\",\"operator\":\"in\",\"value\":[\"login\",\"attach_tag\"]}",
        truth.stream()
            .filter(e -> List.of("login", "attach_tag").contains(e.get("action").asText()))
            .toList());
    assertActivity(
        "{\"field\":\"type\",\"operator\":\"!in\",\"value\":[\"login\",\"logout\"]}",
        truth.stream()
            .filter(e -> !List.of("login", "logout").contains(e.get("action").asText()))
            .toList());
    assertActivity(
        "{\"field\":\"date\",\"operator\":\">=\",\"value\":\""
            + from
            + "\"},"
            + "{\"field\":\"date\",\"operator\":\"<=\",\"value\":\""
            + to
            + "\"}",
        truth.stream()
            .filter(
                e ->
                    e.get("date").asText().compareTo(from) >= 0
                        && e.get("date").asText().compareTo(to) <= 0)
            .toList());
    assertActivity(
        "{\"field\":\"date\",\"operator\":\">\",\"value\":\""
            + from
            + "\"},"
            + "{\"field\":\"date\",\"operator\":\"<\",\"value\":\""
            + to
            + "\"}",
        truth.stream()
            .filter(
                e ->
                    e.get("date").asText().compareTo(from) > 0
                        && e.get("date").asText().compareTo(to) < 0)
            .toList());
    assertActivity(
        "{\"field\":\"reviewStatus\",\"operator\":\"=\",\"value\":\"rejected\"}",
        truth.stream()
            .filter(e -> e.at("/meta/reviewStatus").asText().equals("rejected"))
            .toList());
    assertActivity(
        "{\"field\":\"labelerId\",\"operator\":\"=\",\"value\":" + labeler + "}",
        truth.stream()
            .filter(e -> !e.get("jobId").isNull() && labelerOf(e.get("jobId").asLong()) == labeler)
            .toList());
    assertActivity(
        "{\"field\":\"userId\",\"operator\":\"in\",\"value\":[" + labeler + "]}",
        truth.stream().filter(e -> e.get("userId").asLong() == labeler).toList());
  }

  private long labelerOf(long jobId) {
    return sim.server().jobs().stream()
        .filter(j -> j.get("id").asLong() == jobId)
        .findFirst()
        .map(j -> j.get("userId").asLong())
        .orElse(-1L);
  }

  private void assertActivity(String filters, List<ObjectNode> expected) throws Exception {
    JsonNode page =
        client().ok("teams.activity", "{\"teamId\":" + team() + ",\"filter\":[" + filters + "]}");
    List<JsonNode> got = new ArrayList<>();
    page.get("entities").forEach(got::add);
    assertThat(expected).as(filters).isNotEmpty();
    assertThat(got).as(filters).isEqualTo(expected);
    assertThat(page.get("total").asInt()).isEqualTo(expected.size());
  }

  @Test
  void jobFiltersSelectByQueueStatusAndPeople() throws Exception {
    List<ObjectNode> truth = sim.server().jobs();
    long labeler = truth.get(0).get("userId").asLong();

    assertJobs(
        "{\"field\":\"labelingQueueId\",\"operator\":\"=\",\"value\":null}",
        truth.stream().filter(j -> j.get("labelingQueueId").isNull()).toList());
    assertJobs(
        "{\"field\":\"status\",\"operator\":\"!in\",\"value\":[\"completed\"]}",
        truth.stream().filter(j -> !j.get("status").asText().equals("completed")).toList());
    assertJobs(
        "{\"field\":\"userId\",\"operator\":\"=\",\"value\":" + labeler + "}",
        truth.stream().filter(j -> j.get("userId").asLong() == labeler).toList());
    assertJobs(
        "{\"field\":\"id\",\"operator\":\"in\",\"value\":[1,3]}",
        truth.stream().filter(j -> List.of(1L, 3L).contains(j.get("id").asLong())).toList());
    assertJobs(
        "{\"field\":\"id\",\"operator\":\">=\",\"value\":3},{\"field\":\"id\","
            + "\"operator\":\"<=\",\"value\":4}",
        truth.stream()
            .filter(j -> j.get("id").asLong() >= 3 && j.get("id").asLong() <= 4)
            .toList());
  }

  private void assertJobs(String filters, List<ObjectNode> expected) throws Exception {
    JsonNode page =
        client()
            .ok(
                "jobs.list",
                "{\"teamId\":" + team() + ",\"showDisabled\":true,\"filter\":[" + filters + "]}");
    List<Long> got = new ArrayList<>();
    page.get("entities").forEach(j -> got.add(j.get("id").asLong()));
    assertThat(expected).as(filters).isNotEmpty();
    assertThat(got)
        .as(filters)
        .isEqualTo(expected.stream().map(j -> j.get("id").asLong()).toList());
  }

  @Test
  void jobsAddCreatesOnePendingJobPerUserOverTheDatasetImages() throws Exception {
    ObjectNode model = sim.server().jobs().get(0);
    long dataset = model.get("datasetId").asLong();
    List<Long> labelers =
        sim.server().members().stream()
            .filter(m -> m.get("role").asText().equals("annotator"))
            .map(m -> m.get("id").asLong())
            .toList();
    int images =
        client().ok("datasets.info", "{\"id\":" + dataset + "}").get("imagesCount").asInt();

    JsonNode created =
        client()
            .ok(
                "jobs.add",
                "{\"name\":\"Extra\",\"datasetId\":"
                    + dataset
                    + ",\"userIds\":"
                    + labelers
                    + ",\"meta\":{\"classes\":[],\"projectTags\":[],\"imageTags\":[],"
                    + "\"entityIds\":[]}}");

    assertThat(created).hasSize(labelers.size());
    for (JsonNode c : created) {
      JsonNode info = client().ok("jobs.info", "{\"id\":" + c.get("id").asLong() + "}");
      assertThat(info.get("status").asText()).isEqualTo("pending");
      assertThat(info.get("imagesCount").asInt()).isEqualTo(images);
      assertThat(info.get("entities")).allMatch(e -> e.get("reviewStatus").asText().equals("none"));
      assertThat(info.get("name").asText()).startsWith("Extra (#");
    }
    assertThat(created)
        .extracting(c -> c.get("userId").asLong())
        .containsExactlyElementsOf(labelers);
  }

  @Test
  void stopArchiveSetStatusAndRemoveChangeTheJobs() throws Exception {
    long a = 1;
    long b = 2;
    long c = 3;

    client().ok("jobs.stop", "{\"id\":" + a + "}");
    client().ok("jobs.archive", "{\"id\":" + b + "}");
    client().ok("jobs.set-status", "{\"id\":" + c + ",\"status\":\"completed\"}");
    RawClient.Reply badStatus =
        client().post("jobs.set-status", "{\"id\":" + c + ",\"status\":\"done\"}");
    client().ok("jobs.bulk.remove", "{\"ids\":[4]}");

    assertThat(client().ok("jobs.info", "{\"id\":1}").get("status").asText()).isEqualTo("stopped");
    assertThat(client().ok("jobs.info", "{\"id\":2}").get("disabled").asBoolean()).isTrue();
    assertThat(client().ok("jobs.info", "{\"id\":3}").get("status").asText())
        .isEqualTo("completed");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(client().post("jobs.info", "{\"id\":4}").status()).isEqualTo(404);
    JsonNode listed = client().ok("jobs.list", "{\"teamId\":" + team() + "}");
    JsonNode withDisabled =
        client().ok("jobs.list", "{\"teamId\":" + team() + ",\"showDisabled\":true}");
    assertThat(ids(listed)).doesNotContain(2L, 4L);
    assertThat(ids(withDisabled)).contains(2L).doesNotContain(4L);
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("entities").forEach(j -> ids.add(j.get("id").asLong()));
    return ids;
  }

  @Test
  void membersUsersAndJoinTargetsAreServed() throws Exception {
    List<ObjectNode> members = sim.server().members();
    long user = members.get(0).get("id").asLong();
    ObjectNode job = sim.server().jobs().get(0);

    JsonNode list = client().ok("members.list", "{\"teamId\":" + team() + ",\"filter\":[]}");
    JsonNode byId =
        client()
            .ok(
                "members.list",
                "{\"teamId\":"
                    + team()
                    + ",\"filter\":[{\"field\":\"id\",\"operator\":\"=\",\"value\":"
                    + user
                    + "}]}");
    JsonNode info = client().ok("users.info", "{\"id\":" + user + "}");

    assertThat(list.get("total").asInt()).isEqualTo(members.size());
    assertThat(byId.get("entities")).containsExactly(members.get(0));
    assertThat(info.at("/teams/0/id").asLong()).isEqualTo(team());
    assertThat(client().ok("teams.info", "{\"id\":" + team() + "}").get("name").asText())
        .isNotEmpty();
    assertThat(
            client()
                .ok("workspaces.info", "{\"id\":" + job.get("workspaceId") + "}")
                .get("teamId")
                .asLong())
        .isEqualTo(team());
    assertThat(
            client()
                .ok("projects.info", "{\"id\":" + job.get("projectId") + "}")
                .get("name")
                .asText())
        .isEqualTo(job.get("projectTitle").asText());
    assertThat(
            client()
                .ok("datasets.info", "{\"id\":" + job.get("datasetId") + "}")
                .get("name")
                .asText())
        .isEqualTo(job.get("datasetTitle").asText());
    assertThat(client().ok("instance.version", "{}").get("version").asText())
        .matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void emptyResultsHaveZeroTotalAndNoEntities() throws Exception {
    JsonNode page =
        client()
            .ok(
                "jobs.list",
                "{\"teamId\":"
                    + team()
                    + ",\"filter\":[{\"field\":\"userId\",\"operator\":\"=\",\"value\":1}]}");

    assertThat(page.get("total").asInt()).isZero();
    assertThat(page.get("pagesCount").asInt()).isZero();
    assertThat(page.get("entities")).isEmpty();
  }

  @Test
  void appendedActivityContinuesTheLogAndMovesJobsOn() throws Exception {
    SimulatorServer server = sim.server();
    List<ObjectNode> before = server.events();
    String oldEnd = server.now().toString();

    server.appendActivity(java.time.Duration.ofDays(2));
    List<ObjectNode> after = server.events();

    assertThat(after.subList(0, before.size())).isEqualTo(before);
    assertThat(after.size()).isGreaterThan(before.size());
    assertThat(after.subList(before.size(), after.size()))
        .allMatch(e -> e.get("date").asText().compareTo(oldEnd) >= 0);
    TeamInvariants.check(server.jobs(), server.stats(), after);
    JsonNode page = client().ok("teams.activity", "{\"teamId\":" + team() + "}");
    assertThat(page.get("total").asInt()).isEqualTo(after.size());
    assertThat(
            server.jobs().stream().map(j -> j.get("status").asText()).collect(Collectors.toSet()))
        .contains("completed");
  }

  @Test
  void jobsStoppedOrArchivedThroughTheApiGetNoMoreWork() throws Exception {
    SimulatorServer server = sim.server();
    Set<String> unfinished = Set.of("pending", "in_progress", "on_review");
    List<Long> busy =
        server.jobs().stream()
            .filter(j -> unfinished.contains(j.get("status").asText()))
            .filter(j -> !j.get("disabled").asBoolean())
            .map(j -> j.get("id").asLong())
            .limit(2)
            .toList();
    assertThat(busy).hasSize(2);
    long stopped = busy.get(0);
    long archived = busy.get(1);
    client().ok("jobs.stop", "{\"id\":" + stopped + "}");
    client().ok("jobs.archive", "{\"id\":" + archived + "}");
    Map<Long, JsonNode> before = new HashMap<>();
    for (long id : busy) {
      before.put(id, client().ok("jobs.stats", "{\"id\":" + id + "}"));
    }
    int eventsBefore = server.events().size();

    server.appendActivity(java.time.Duration.ofDays(2));

    List<ObjectNode> added = server.events().subList(eventsBefore, server.events().size());
    assertThat(added).isNotEmpty();
    assertThat(added).noneMatch(e -> busy.contains(e.path("jobId").asLong()));
    for (long id : busy) {
      assertThat(client().ok("jobs.stats", "{\"id\":" + id + "}")).isEqualTo(before.get(id));
    }
    assertThat(client().ok("jobs.info", "{\"id\":" + stopped + "}").get("status").asText())
        .isEqualTo("stopped");
    assertThat(client().ok("jobs.info", "{\"id\":" + archived + "}").get("disabled").asBoolean())
        .isTrue();
  }
}
