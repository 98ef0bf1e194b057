package dev.labelmeter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that jobs, stats and events of a team agree, recomputing every figure from the events
 * alone (read as JSON, as a client would), independently of how the simulator keeps its state.
 */
final class TeamInvariants {
  static final List<String> EVENT_KEYS =
      List.of(
          "userId",
          "action",
          "date",
          "user",
          "projectId",
          "project",
          "datasetId",
          "dataset",
          "imageId",
          "image",
          "classId",
          "class",
          "figureId",
          "job",
          "jobId",
          "tag",
          "tagId",
          "meta");

  private TeamInvariants() {}

  static void check(List<ObjectNode> jobs, Map<Long, ObjectNode> stats, List<ObjectNode> events) {
    Map<String, String> lastReviewStatus = new HashMap<>();
    Map<String, Integer> doneCount = new HashMap<>();
    Map<Long, Long> durationByJob = new HashMap<>();
    Map<String, Long> durationByImage = new HashMap<>();
    Map<String, Integer> labelsByClass = new HashMap<>();
    Map<String, Set<Long>> imagesByClass = new HashMap<>();
    Instant previous = Instant.MIN;
    for (ObjectNode e : events) {
      assertThat(fieldNames(e)).isEqualTo(EVENT_KEYS);
      Instant date = Instant.parse(e.get("date").asText());
      assertThat(date).isAfterOrEqualTo(previous);
      previous = date;
      if (e.get("jobId").isNull()) {
        continue;
      }
      long job = e.get("jobId").asLong();
      String image = job + "/" + e.get("imageId").asLong();
      switch (e.get("action").asText()) {
        case "image_review_status_updated" -> {
          String status = e.at("/meta/reviewStatus").asText();
          lastReviewStatus.put(image, status);
          if (status.equals("done")) {
            doneCount.merge(image, 1, Integer::sum);
          }
        }
        case "annotation_duration" -> {
          long seconds = e.at("/meta/duration").asLong();
          durationByJob.merge(job, seconds, Long::sum);
          durationByImage.merge(image, seconds, Long::sum);
        }
        case "create_figure" -> {
          String cls = job + "/" + e.get("classId").asLong();
          labelsByClass.merge(cls, 1, Integer::sum);
          imagesByClass.computeIfAbsent(cls, k -> new HashSet<>()).add(e.get("imageId").asLong());
        }
        default -> {}
      }
    }
    Map<Long, Instant> createdAt = new HashMap<>();
    for (ObjectNode job : jobs) {
      long id = job.get("id").asLong();
      createdAt.put(id, Instant.parse(job.get("createdAt").asText()));
      checkCounters(job);
      checkEntities(job, lastReviewStatus, doneCount);
      checkStats(job, stats.get(id), durationByJob, durationByImage, labelsByClass, imagesByClass);
    }
    for (ObjectNode e : events) {
      Instant created = e.get("jobId").isNull() ? null : createdAt.get(e.get("jobId").asLong());
      if (created != null) {
        assertThat(Instant.parse(e.get("date").asText()))
            .as("event of job %s", e.get("jobId"))
            .isAfterOrEqualTo(created);
      }
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void checkCounters(ObjectNode job) {
    Map<String, Integer> byStatus = new HashMap<>();
    job.get("entities")
        .forEach(e -> byStatus.merge(e.get("reviewStatus").asText(), 1, Integer::sum));
    int images = job.get("entities").size();
    int none = byStatus.getOrDefault("none", 0);
    assertThat(job.get("imagesCount").asInt()).isEqualTo(images);
    assertThat(job.get("finishedImagesCount").asInt()).isEqualTo(images - none);
    assertThat(job.get("acceptedImagesCount").asInt())
        .isEqualTo(byStatus.getOrDefault("accepted", 0));
    assertThat(job.get("rejectedImagesCount").asInt())
        .isEqualTo(byStatus.getOrDefault("rejected", 0));
    assertThat(job.get("progressImagesCount").asInt()).isEqualTo(none);
    assertThat(job.at("/meta/classes").isArray()).isTrue();
    assertThat(job.at("/meta/projectTags").isArray()).isTrue();
    assertThat(job.at("/meta/imageTags").isArray()).isTrue();
    assertThat(job.at("/meta/range").isObject()).isTrue();
  }

  private static void checkEntities(
      ObjectNode job, Map<String, String> lastReviewStatus, Map<String, Integer> doneCount) {
    long id = job.get("id").asLong();
    for (JsonNode entity : job.get("entities")) {
      String key = id + "/" + entity.get("id").asLong();
      String status = entity.get("reviewStatus").asText();
      assertThat(status).as("entity %s", key).isEqualTo(lastReviewStatus.getOrDefault(key, "none"));
      int expectedDone = status.equals("none") ? 0 : 1;
      assertThat(doneCount.getOrDefault(key, 0))
          .as("done events of %s", key)
          .isEqualTo(expectedDone);
    }
  }

  private static void checkStats(
      ObjectNode job,
      ObjectNode stats,
      Map<Long, Long> durationByJob,
      Map<String, Long> durationByImage,
      Map<String, Integer> labelsByClass,
      Map<String, Set<Long>> imagesByClass) {
    long id = job.get("id").asLong();
    assertThat(stats).as("stats of job %s", id).isNotNull();
    assertThat(stats.at("/job/annotationDuration").asLong())
        .isEqualTo(durationByJob.getOrDefault(id, 0L));
    long classSeconds = 0;
    for (JsonNode cls : stats.get("classes")) {
      String key = id + "/" + cls.get("id").asLong();
      long labels = cls.get("labelsCount").asLong();
      long total = cls.get("totalDuration").asLong();
      assertThat(labels).isEqualTo((long) labelsByClass.getOrDefault(key, 0));
      assertThat(cls.get("imagesCount").asInt())
          .isEqualTo(imagesByClass.getOrDefault(key, Set.of()).size());
      if (labels == 0) {
        assertThat(cls.get("avgDuration").isNull()).isTrue();
      } else {
        assertThat(cls.get("avgDuration").asLong()).isEqualTo(total / labels);
      }
      classSeconds += total;
    }
    assertThat(stats.at("/job/editingDuration").asLong()).isEqualTo(classSeconds);
    assertThat(stats.at("/images/total").asInt()).isEqualTo(job.get("imagesCount").asInt());
    for (JsonNode image : stats.at("/images/images")) {
      String key = id + "/" + image.get("id").asLong();
      assertThat(image.get("annotationDuration").asLong())
          .isEqualTo(durationByImage.getOrDefault(key, 0L));
    }
  }
}
