package dev.labelmeter.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.TestStore;
import dev.labelmeter.metrics.tablesaw.TablesawEngine;
import dev.labelmeter.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {
  @TempDir Path dir;

  private MetricsResult smallTeam() throws IOException {
    TestStore store = new TestStore(dir.resolve("data"), 8).snapshotAt("2026-11-10T00:00:00Z");
    store.member(7, "bob");
    store.job(1, "in_progress", 7L, 4, 100, "done", "accepted", "none", "none");
    store.stats(1, 60);
    store.review(7, "done", "2026-11-08T09:00:00Z", 1, 100);
    store.review(7, "done", "2026-11-08T09:02:00Z", 1, 101);
    store.review(9, "accepted", "2026-11-08T09:04:00Z", 1, 101);
    store.write();
    MetricsParams params =
        MetricsParams.defaults()
            .withZone(ZoneId.of("Europe/Berlin"))
            .withWindow(new DateWindow(LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 9)));
    return new TablesawEngine().compute(store.layout(), params);
  }

  @Test
  void theWrittenDocumentHasTheDocumentedCamelCaseFieldsWithNullsAndIsoDates() throws IOException {
    Path target = dir.resolve("out/report.json");

    new JsonReportWriter().write(smallTeam(), target);

    JsonNode json = new ObjectMapper().readTree(target.toFile());
    assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
    JsonNode params = json.path("params");
    assertThat(params.path("from").asText()).isEqualTo("2026-11-08");
    assertThat(params.path("to").asText()).isEqualTo("2026-11-09");
    assertThat(params.path("zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(params.path("idleThresholdSeconds").asLong()).isEqualTo(300);
    assertThat(params.path("snapshotAt").asText()).isEqualTo("2026-11-10T00:00:00Z");

    JsonNode summary = json.path("summary");
    // Bob: 09:00 -> 09:02 (120 s); the reviewer's single event adds nothing.
    assertThat(summary.path("teamActiveHours").asDouble()).isEqualTo(120 / 3600.0);
    assertThat(summary.path("teamImagesFinished").asLong()).isEqualTo(2);
    assertThat(summary.has("teamEta")).isTrue();
    assertThat(summary.path("previous").path("acceptanceRate").isNull()).isTrue();

    JsonNode bob = json.path("labelers").get(0);
    assertThat(bob.path("login").asText()).isEqualTo("bob");
    assertThat(bob.path("activeHours").asDouble()).isEqualTo(120 / 3600.0);
    assertThat(bob.path("acceptanceRate").asDouble()).isEqualTo(1.0);
    assertThat(bob.path("imagesPerActiveHour").asDouble()).isEqualTo(60.0);
    assertThat(bob.path("previous").path("activeHours").asDouble()).isZero();
    assertThat(bob.path("previous").path("imagesPerActiveHour").isNull()).isTrue();
    for (String field :
        List.of(
            "userId",
            "platformHours",
            "imagesFinished",
            "objectsCreated",
            "objectsPerActiveHour",
            "accepted",
            "rejected",
            "firstPassAcceptance",
            "sessions",
            "daysActive")) {
      assertThat(bob.has(field)).as(field).isTrue();
    }

    JsonNode reviewer = json.path("reviewers").get(0);
    assertThat(reviewer.path("decisions").asLong()).isEqualTo(1);
    assertThat(reviewer.path("turnaroundMedianSeconds").asDouble()).isEqualTo(120.0);
    assertThat(reviewer.path("turnaroundP90Seconds").asDouble()).isEqualTo(120.0);

    JsonNode job = json.path("jobs").get(0);
    assertThat(job.path("progress").asDouble()).isEqualTo(0.5);
    assertThat(job.path("eta").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(job.path("stale").isBoolean()).isTrue();
    assertThat(job.path("reconciliationFlag").asBoolean()).isFalse();
    for (String field : List.of("id", "name", "status", "images", "labeled", "activeHours")) {
      assertThat(job.has(field)).as(field).isTrue();
    }
    assertThat(json.path("daily").get(0).path("date").asText()).isEqualTo("2026-11-08");
    assertThat(json.path("daily").get(0).path("activeUsers").asLong()).isEqualTo(2);
    assertThat(json.path("classes").isArray()).isTrue();
    JsonNode dq = json.path("dataQuality");
    assertThat(dq.path("eventsReceived").asLong()).isEqualTo(3);
    for (String field :
        List.of(
            "duplicatesRemoved",
            "unparseableDates",
            "eventsWithoutJob",
            "eventsUnknownJob",
            "decisionsWithoutDone",
            "jobsCounterMismatch")) {
      assertThat(dq.path(field).asLong()).as(field).isZero();
    }
  }

  @Test
  void aResultWithNaNIsRefusedAndThePreviousFileStaysWhole() throws IOException {
    MetricsResult good = smallTeam();
    Path target = dir.resolve("report.json");
    new JsonReportWriter().write(good, target);
    String before = Files.readString(target);
    MetricsResult bad =
        new MetricsResult(
            good.params(),
            good.summary(),
            good.labelers(),
            good.reviewers(),
            good.jobs(),
            List.of(new ClassRow("car", "polygon", 1, 0, 0, 0, Double.NaN)),
            good.labelerClasses(),
            good.daily(),
            good.heatmap(),
            good.dataQuality());

    assertThatThrownBy(() -> new JsonReportWriter().write(bad, target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result.classes[0].secondsPerLabel is NaN");

    assertThat(Files.readString(target)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("data", "report.json");
    }
  }

  @Test
  void aFailingBodyLeavesNoTemporaryFile() {
    Path target = dir.resolve("x/report.html");

    assertThatThrownBy(
            () ->
                ReportFiles.writeAtomically(
                    target,
                    out -> {
                      out.write(1);
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(target).doesNotExist();
    assertThat(target.getParent()).isEmptyDirectory();
  }
}
