package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class LabelingJobApiTest {
  private RecordingServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private LabelingJobApi jobs;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    jobs = server.client(TOKEN, sleeper).build().labelingJobs();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void infoReadsEveryFieldOfTheContractAndIgnoresUnknownOnes() {
    server.enqueue("jobs.info", Reply.json(Fixtures.JOB_2));

    LabelingJobInfo job = jobs.getInfoById(2).orElseThrow();

    assertThat(server.requests("jobs.info").get(0).json().toString()).isEqualTo("{\"id\":2}");
    assertThat(job.id()).isEqualTo(2);
    assertThat(job.name()).isEqualTo("Job A");
    assertThat(job.readme()).isEqualTo("read me");
    assertThat(job.description()).isEmpty();
    assertThat(job.teamId()).isEqualTo(4L);
    assertThat(job.workspaceId()).isEqualTo(8L);
    assertThat(job.workspaceName()).isEqualTo("First Workspace");
    assertThat(job.projectId()).isEqualTo(58L);
    assertThat(job.projectName()).isEqualTo("tutorial_project");
    assertThat(job.datasetId()).isEqualTo(54L);
    assertThat(job.datasetName()).isEqualTo("dataset_01");
    assertThat(job.createdById()).isEqualTo(4L);
    assertThat(job.createdByLogin()).isEqualTo("anna");
    assertThat(job.assignedToId()).isEqualTo(7L);
    assertThat(job.assignedToLogin()).isEqualTo("bob");
    assertThat(job.reviewerId()).isEqualTo(4L);
    assertThat(job.reviewerLogin()).isEqualTo("anna");
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2020-04-08T15:10:12.618Z"));
    assertThat(job.startedAt()).isEqualTo(Instant.parse("2020-04-08T13:10:19.833Z"));
    assertThat(job.finishedAt()).isNull();
    assertThat(job.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(job.disabled()).isFalse();
    assertThat(job.labelingQueueId()).isEqualTo(12L);
    assertThat(job.labelingExamId()).isNull();
    assertThat(job.imagesCount()).isEqualTo(3);
    assertThat(job.finishedImagesCount()).isEqualTo(1);
    assertThat(job.rejectedImagesCount()).isZero();
    assertThat(job.acceptedImagesCount()).isZero();
    assertThat(job.progressImagesCount()).isEqualTo(2);
    assertThat(job.classesToLabel()).containsExactly("person", "car");
    assertThat(job.tagsToLabel()).containsExactly("size");
    assertThat(job.imagesRange()).isEqualTo(new ImagesRange(1, 5));
    assertThat(job.objectsLimitPerImage()).isNull();
    assertThat(job.tagsLimitPerImage()).isEqualTo(3);
    assertThat(job.filterImagesByTags())
        .containsExactly(
            new ImageTagFilter(30L, "situated", false), new ImageTagFilter(31L, "hard", true));
    assertThat(job.includeImagesWithTags()).containsExactly("hard");
    assertThat(job.excludeImagesWithTags()).containsExactly("situated");
    assertThat(job.entities())
        .containsExactly(
            new JobEntity(281, "image_01", "accepted"), new JobEntity(282, "image_02", "none"));
    assertThat(job.priority()).isEqualTo(2);
    assertThat(job.guideId()).isEqualTo(77L);
    assertThat(job.reviewFinishedAt()).isNull();
    assertThat(job.annotationFinishedAt()).isEqualTo(Instant.parse("2020-04-09T10:00:00Z"));
    assertThat(job.customData().get("batch").asText()).isEqualTo("b1");
  }

  @Test
  void missingNumbersStayNullAndAnUnknownStatusIsKept() {
    server.enqueue(
        "jobs.info", Reply.json("{\"id\": 9, \"status\": \"review_completed_v2\", \"meta\": {}}"));

    LabelingJobInfo job = jobs.getInfoById(9).orElseThrow();

    assertThat(job.status().value()).isEqualTo("review_completed_v2");
    assertThat(job.status().isKnown()).isFalse();
    assertThat(job.imagesCount()).isNull();
    assertThat(job.teamId()).isNull();
    assertThat(job.priority()).isNull();
    assertThat(job.disabled()).isNull();
    assertThat(job.imagesRange()).isNull();
    assertThat(job.entities()).isNull();
    assertThat(job.classesToLabel()).isEmpty();
  }

  @Test
  void aMissingJobIsEmptyNotAnError() {
    server.enqueue("jobs.info", Reply.json(404, "{\"error\": \"Job not found\"}"));

    assertThat(jobs.getInfoById(404)).isEmpty();
  }

  @Test
  void rawInfoIsTheObjectAsReceived() {
    server.enqueue("jobs.info", Reply.json(Fixtures.JOB_2));

    JsonNode raw = jobs.getInfoByIdRaw(2).orElseThrow();

    assertThat(raw.at("/brandNewField/nested/1").asInt()).isEqualTo(2);
    assertThat(raw.get("entities")).hasSize(2);
  }

  @Test
  void listSendsEveryFilterInTheSdkOrder() {
    server.enqueue("jobs.list", Reply.json(Fixtures.page(0, 500, 1, List.of())));

    jobs.getList(
        JobListQuery.team(4)
            .withCreatedBy(4L)
            .withAssignedTo(7L)
            .withReviewer(9L)
            .withProjectId(58L)
            .withDatasetId(54L)
            .withShowDisabled(true)
            .withQueueIds(List.of(3L, 5L))
            .withExcludedStatuses(List.of(Status.COMPLETED, Status.of("review_completed"))));

    JsonNode body = server.requests("jobs.list").get(0).json();
    assertThat(body.get("teamId").asLong()).isEqualTo(4);
    assertThat(body.get("showDisabled").asBoolean()).isTrue();
    assertThat(body.get("filter").toString())
        .isEqualTo(
            "[{\"field\":\"createdBy\",\"operator\":\"=\",\"value\":4},"
                + "{\"field\":\"userId\",\"operator\":\"=\",\"value\":7},"
                + "{\"field\":\"reviewerId\",\"operator\":\"=\",\"value\":9},"
                + "{\"field\":\"projectId\",\"operator\":\"=\",\"value\":58},"
                + "{\"field\":\"datasetId\",\"operator\":\"=\",\"value\":54},"
                + "{\"field\":\"labelingQueueId\",\"operator\":\"in\",\"value\":[3,5]},"
                + "{\"field\":\"status\",\"operator\":\"!in\","
                + "\"value\":[\"completed\",\"review_completed\"]}]");
  }

  @Test
  void listOfJobsOutsideQueuesSendsQueueIdEqualsNull() {
    server.enqueue("jobs.list", Reply.json(Fixtures.page(0, 500, 1, List.of())));

    jobs.getList(JobListQuery.team(4).withNotInQueue());

    JsonNode body = server.requests("jobs.list").get(0).json();
    assertThat(body.get("showDisabled").asBoolean()).isFalse();
    assertThat(body.get("filter").toString())
        .isEqualTo("[{\"field\":\"labelingQueueId\",\"operator\":\"=\",\"value\":null}]");
  }

  @Test
  void createSendsTheSdkBodyAndReadsEachNewJobBack() {
    server.enqueue(
        "jobs.add", Reply.json("[{\"id\": 92, \"userId\": 111}, {\"id\": 93, \"userId\": 222}]"));
    server.enqueue(
        "jobs.info",
        Reply.json(Fixtures.job(92, "pending")),
        Reply.json(Fixtures.job(93, "pending")));

    List<LabelingJobInfo> created =
        jobs.create(
            CreateJobRequest.builder("alex", 602, List.of(111L, 222L))
                .readme("Readmy text")
                .description("Work for labelers")
                .objectsLimitPerImage(5)
                .tagsLimitPerImage(3)
                .classesToLabel(List.of("person"))
                .includeImagesWithTags(List.of("hard"))
                .excludeImagesWithTags(List.of("skip"))
                .imagesRange(1, 5)
                .reviewerId(4L)
                .build());

    assertThat(created).extracting(LabelingJobInfo::id).containsExactly(92L, 93L);
    JsonNode body = server.requests("jobs.add").get(0).json();
    assertThat(body.get("name").asText()).isEqualTo("alex");
    assertThat(body.get("datasetId").asLong()).isEqualTo(602);
    assertThat(body.get("userIds").toString()).isEqualTo("[111,222]");
    assertThat(body.get("readme").asText()).isEqualTo("Readmy text");
    assertThat(body.get("reviewerId").asLong()).isEqualTo(4);
    assertThat(body.get("meta").toString())
        .isEqualTo(
            "{\"classes\":[\"person\"],\"projectTags\":[],"
                + "\"imageTags\":[{\"name\":\"hard\",\"positive\":true},"
                + "{\"name\":\"skip\",\"positive\":false}],"
                + "\"imageFiguresLimit\":5,\"imageTagsLimit\":3,\"entityIds\":[],"
                + "\"range\":{\"start\":1,\"end\":5}}");
  }

  @Test
  void createLeavesOutOptionalKeysThatAreNotSet() {
    server.enqueue("jobs.add", Reply.json("[{\"id\": 94}]"));
    server.enqueue("jobs.info", Reply.json(Fixtures.job(94, "pending")));

    jobs.create(CreateJobRequest.builder("b", 1, List.of(7L)).build());

    JsonNode body = server.requests("jobs.add").get(0).json();
    assertThat(body.has("readme")).isFalse();
    assertThat(body.has("description")).isFalse();
    assertThat(body.has("reviewerId")).isFalse();
    assertThat(body.at("/meta/range").isMissingNode()).isTrue();
    assertThat(body.at("/meta/imageFiguresLimit").asInt()).isZero();
  }

  @Test
  void stopArchiveRemoveAndSetStatusPostTheirIds() {
    for (String method :
        List.of("jobs.stop", "jobs.archive", "jobs.bulk.remove", "jobs.set-status")) {
      server.fallback(method, request -> Reply.json("{\"success\": true}"));
    }

    jobs.stop(9);
    jobs.archive(23);
    jobs.remove(5);
    jobs.setStatus(9, Status.COMPLETED);

    assertThat(server.requests("jobs.stop").get(0).body()).isEqualTo("{\"id\":9}");
    assertThat(server.requests("jobs.archive").get(0).body()).isEqualTo("{\"id\":23}");
    assertThat(server.requests("jobs.bulk.remove").get(0).body()).isEqualTo("{\"ids\":[5]}");
    assertThat(server.requests("jobs.set-status").get(0).body())
        .isEqualTo("{\"id\":9,\"status\":\"completed\"}");
  }

  @Test
  void removeBatchSendsAtMostFiftyIdsPerCall() {
    server.fallback("jobs.bulk.remove", request -> Reply.json("{}"));
    List<Long> ids = LongStream.rangeClosed(1, 120).boxed().toList();

    jobs.removeBatch(ids);

    List<RecordingServer.Recorded> calls = server.requests("jobs.bulk.remove");
    assertThat(calls).extracting(r -> r.json().get("ids").size()).containsExactly(50, 50, 20);
    assertThat(calls.get(2).json().get("ids").get(19).asLong()).isEqualTo(120);
  }

  @Test
  void statusIsReadFromInfoAndAMissingJobIsNotFound() {
    server.enqueue("jobs.info", Reply.json(Fixtures.job(4, "pending")));
    server.enqueue("jobs.info", Reply.json(404, "{\"error\": \"not found\"}"));

    assertThat(jobs.getStatus(4)).isEqualTo(Status.PENDING);
    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> jobs.getStatus(5));
    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.getMessage()).contains("Labeling job 5 does not exist");
  }

  @Test
  void waitForComparesStatusesByValueAndPollsAtTheInterval() {
    server.enqueue(
        "jobs.info",
        Reply.json(Fixtures.job(4, "in_progress")),
        Reply.json(Fixtures.job(4, "on_review")),
        Reply.json(Fixtures.job(4, "completed")));

    jobs.waitFor(4, Status.of("completed"), 5, Duration.ofSeconds(2));

    assertThat(server.requests("jobs.info")).hasSize(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void waitForGivesUpAfterItsAttempts() {
    server.fallback("jobs.info", request -> Reply.json(Fixtures.job(4, "pending")));

    WaitingTimeExceededException e =
        catchThrowableOfType(
            WaitingTimeExceededException.class,
            () -> jobs.waitFor(4, Status.COMPLETED, 2, Duration.ofSeconds(1)));

    assertThat(e.kind()).isEqualTo(Kind.WAIT_TIMEOUT);
    assertThat(e.lastSeen()).isEqualTo(Status.PENDING);
    assertThat(e.getMessage()).contains("Waiting time exceeded", "job 4", "pending", "completed");
    assertThat(server.requests("jobs.info")).hasSize(2);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void statsAreTyped() {
    server.enqueue("jobs.stats", Reply.json(Fixtures.STATS_3));

    JobStats stats = jobs.getStats(3);

    assertThat(server.requests("jobs.stats").get(0).body()).isEqualTo("{\"id\":3}");
    assertThat(stats.job().id()).isEqualTo(3L);
    assertThat(stats.job().annotationDuration()).isEqualTo(720.0);
    assertThat(stats.job().editingDuration()).isEqualTo(17.0);
    assertThat(stats.job().reviewFinishedAt()).isNull();
    assertThat(stats.job().finishedAt()).isEqualTo(Instant.parse("2020-04-08T15:17:33.572Z"));
    assertThat(stats.job().tagsStats())
        .containsExactly(
            new JobStats.TagStats(23L, null, "person_gender", "#65D37C", 0, 1),
            new JobStats.TagStats(null, 23L, "person_gender (male)", "#65D37C", 0, 1));
    assertThat(stats.classes())
        .containsExactly(
            new JobStats.ClassStats(42L, "car", "#BE55CE", "polygon", 1, 2, 17.0, 8.0),
            new JobStats.ClassStats(43L, "bike", "#F6FF00", "rectangle", 0, 0, 0.0, null));
    assertThat(stats.images().total()).isEqualTo(2);
    assertThat(stats.images().images())
        .containsExactly(new JobStats.ImageStats(285L, "image_01", "accepted", 0.0, 9.5, 1));
  }

  @Test
  void activityIsATableOfTheEighteenColumnsInOrder() {
    server.enqueue(
        "teams.activity",
        Reply.json(
            Fixtures.page(
                2,
                20000,
                1,
                List.of(
                    Fixtures.event(
                        4,
                        "attach_tag",
                        "2021-01-15T14:24:58.480Z",
                        3L,
                        21L,
                        "{\"value\": \"inside\"}"),
                    Fixtures.event(
                        4, "update_figure", "2021-01-15T14:25:00+0100", 3L, null, "{}")))));

    Table table = jobs.getActivity(8, 3);

    assertThat(table.columnNames()).containsExactlyElementsOf(ActivityEvent.KEYS);
    assertThat(table.rowCount()).isEqualTo(2);
    assertThat(table.column("tagId").type()).isEqualTo(ColumnType.LONG);
    assertThat(table.column("date").type()).isEqualTo(ColumnType.INSTANT);
    assertThat(table.longColumn("tagId").get(0)).isEqualTo(21L);
    assertThat(table.longColumn("tagId").isMissing(1)).isTrue();
    assertThat(table.longColumn("classId").isMissing(0)).isTrue();
    assertThat(table.stringColumn("meta").get(0)).isEqualTo("{\"value\":\"inside\"}");
    assertThat(table.instantColumn("date").get(1)).isEqualTo(Instant.parse("2021-01-15T13:25:00Z"));
    JsonNode body = server.requests("teams.activity").get(0).json();
    assertThat(body.get("teamId").asLong()).isEqualTo(8);
    assertThat(body.get("filter").toString())
        .isEqualTo("[{\"field\":\"jobId\",\"operator\":\"=\",\"value\":3}]");
  }

  @Test
  void activityAsTypedEvents() {
    server.enqueue(
        "teams.activity",
        Reply.json(
            Fixtures.page(
                1,
                20000,
                1,
                List.of(
                    Fixtures.event(
                        4,
                        "annotation_duration",
                        "2021-01-15T14:24:58Z",
                        3L,
                        null,
                        "{\"duration\": 30}")))));

    List<ActivityEvent> events = new ArrayList<>(jobs.getActivityEvents(8, 3));

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.userId()).isEqualTo(4L);
              assertThat(event.action()).isEqualTo("annotation_duration");
              assertThat(event.user()).isEqualTo("u4");
              assertThat(event.jobId()).isEqualTo(3L);
              assertThat(event.job()).isEqualTo("Job 3");
              assertThat(event.classId()).isNull();
              assertThat(event.className()).isNull();
              assertThat(event.meta().get("duration").asInt()).isEqualTo(30);
            });
  }
}
