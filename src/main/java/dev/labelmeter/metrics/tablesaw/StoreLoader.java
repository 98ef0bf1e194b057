package dev.labelmeter.metrics.tablesaw;

import static dev.labelmeter.metrics.tablesaw.JsonValues.append;
import static dev.labelmeter.metrics.tablesaw.JsonValues.doubleOrNull;
import static dev.labelmeter.metrics.tablesaw.JsonValues.longOrNull;
import static dev.labelmeter.metrics.tablesaw.JsonValues.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.JsonLinesReader;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreFormatException;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reads a team's store into {@link StoreTables}, streaming every file line by line. */
final class StoreLoader {
  private final StoreLayout layout;
  private final List<String> notes = new ArrayList<>();
  private final Map<Long, JobStats> statsByJob = new HashMap<>();
  private final Map<ImageKey, ImageStats> imageStats = new HashMap<>();

  private record JobStats(Double annotationDuration, Double editingDuration) {}

  private record ImageKey(long jobId, long imageId) {}

  private record ImageStats(Double annotationDuration, Double totalDuration, Long labelsCount) {}

  private StoreLoader(StoreLayout layout) {
    this.layout = layout;
  }

  /**
   * Returns the tables of {@code layout}.
   *
   * @throws StoreFormatException if the store has no manifest or a file is not JSON lines
   */
  static StoreTables load(StoreLayout layout) throws IOException {
    return new StoreLoader(layout).load();
  }

  /** Returns the manifest of {@code layout}, or fails saying to run a pull first. */
  static Manifest requireManifest(StoreLayout layout) throws IOException {
    return Manifest.read(layout)
        .orElseThrow(
            () ->
                new StoreFormatException(
                    "no complete data store at "
                        + layout.teamDir()
                        + " (manifest.json is missing): run `labelmeter pull` for this team"
                        + " first, or point --data at the directory that holds the team's store"));
  }

  private StoreTables load() throws IOException {
    Manifest manifest = requireManifest(layout);
    Table classes = classesTable();
    Table tags = tagsTable();
    readStats(classes, tags);
    Table jobs = jobsTable();
    Table jobImages = jobImagesTable();
    readJobs(jobs, jobImages);
    // The per-image stats now live in jobImages: free them before the events are read.
    imageStats.clear();
    statsByJob.clear();
    Table members = readMembers();
    EventLoader events = new EventLoader(layout, knownJobIds(jobs));
    Table eventTable = events.load();
    return new StoreTables(
        manifest,
        jobs,
        jobImages,
        classes,
        tags,
        members,
        eventTable,
        events.counts(),
        List.copyOf(notes));
  }

  private static Set<Long> knownJobIds(Table jobs) {
    Set<Long> ids = new HashSet<>();
    LongColumn id = jobs.longColumn("id");
    for (int i = 0; i < id.size(); i++) {
      ids.add(id.getLong(i));
    }
    return ids;
  }

  // ---- stats.jsonl.gz -> classes, tags, per-job and per-image durations

  private static Table classesTable() {
    return Table.create(
        "classes",
        LongColumn.create("jobId"),
        LongColumn.create("classId"),
        StringColumn.create("name"),
        StringColumn.create("shape"),
        LongColumn.create("imagesCount"),
        LongColumn.create("labelsCount"),
        DoubleColumn.create("totalDuration"),
        DoubleColumn.create("avgDuration"));
  }

  private static Table tagsTable() {
    return Table.create(
        "tags",
        LongColumn.create("jobId"),
        LongColumn.create("tagId"),
        LongColumn.create("parentId"),
        StringColumn.create("name"),
        LongColumn.create("images"),
        LongColumn.create("figures"));
  }

  private void readStats(Table classes, Table tags) throws IOException {
    JsonLinesReader.forEachNode(
        layout.stats(),
        line -> {
          Long jobId = longOrNull(line, "jobId");
          JsonNode stats = line.path("stats");
          if (jobId == null || !stats.isObject()) {
            notes.add("A stats record without a job id or stats object was skipped.");
            return;
          }
          JsonNode job = stats.path("job");
          statsByJob.putIfAbsent(
              jobId,
              new JobStats(
                  doubleOrNull(job, "annotationDuration"), doubleOrNull(job, "editingDuration")));
          addClasses(jobId, stats.path("classes"), classes);
          addTags(jobId, job.path("tagsStats"), tags);
          addImageStats(jobId, stats.path("images").path("images"));
        });
  }

  private static void addClasses(long jobId, JsonNode list, Table classes) {
    for (JsonNode c : list) {
      classes.longColumn("jobId").append(jobId);
      append(classes.longColumn("classId"), longOrNull(c, "id"));
      append(classes.stringColumn("name"), textOrNull(c, "name"));
      append(classes.stringColumn("shape"), textOrNull(c, "shape"));
      append(classes.longColumn("imagesCount"), longOrNull(c, "imagesCount"));
      append(classes.longColumn("labelsCount"), longOrNull(c, "labelsCount"));
      append(classes.doubleColumn("totalDuration"), doubleOrNull(c, "totalDuration"));
      append(classes.doubleColumn("avgDuration"), doubleOrNull(c, "avgDuration"));
    }
  }

  private static void addTags(long jobId, JsonNode list, Table tags) {
    for (JsonNode t : list) {
      tags.longColumn("jobId").append(jobId);
      append(tags.longColumn("tagId"), longOrNull(t, "id"));
      append(tags.longColumn("parentId"), longOrNull(t, "parentId"));
      append(tags.stringColumn("name"), textOrNull(t, "name"));
      append(tags.longColumn("images"), longOrNull(t, "images"));
      append(tags.longColumn("figures"), longOrNull(t, "figures"));
    }
  }

  private void addImageStats(long jobId, JsonNode list) {
    for (JsonNode image : list) {
      Long imageId = longOrNull(image, "id");
      if (imageId != null) {
        imageStats.putIfAbsent(
            new ImageKey(jobId, imageId),
            new ImageStats(
                doubleOrNull(image, "annotationDuration"),
                doubleOrNull(image, "totalDuration"),
                longOrNull(image, "labelsCount")));
      }
    }
  }

  // ---- jobs.jsonl.gz -> jobs, job images

  private static Table jobsTable() {
    return Table.create(
        "jobs",
        LongColumn.create("id"),
        StringColumn.create("name"),
        LongColumn.create("projectId"),
        StringColumn.create("project"),
        LongColumn.create("datasetId"),
        StringColumn.create("dataset"),
        LongColumn.create("labelerId"),
        StringColumn.create("labeler"),
        LongColumn.create("reviewerId"),
        StringColumn.create("reviewer"),
        LongColumn.create("createdBy"),
        StringColumn.create("manager"),
        StringColumn.create("status"),
        BooleanColumn.create("disabled"),
        LongColumn.create("createdAtMicros"),
        LongColumn.create("imagesCount"),
        LongColumn.create("finishedImagesCount"),
        LongColumn.create("acceptedImagesCount"),
        LongColumn.create("rejectedImagesCount"),
        BooleanColumn.create("hasEntities"),
        DoubleColumn.create("statsAnnotationDuration"),
        DoubleColumn.create("statsEditingDuration"),
        BooleanColumn.create("hasStats"));
  }

  private static Table jobImagesTable() {
    return Table.create(
        "jobImages",
        LongColumn.create("jobId"),
        LongColumn.create("imageId"),
        StringColumn.create("name"),
        StringColumn.create("reviewStatus"),
        DoubleColumn.create("annotationDuration"),
        DoubleColumn.create("totalDuration"),
        LongColumn.create("labelsCount"));
  }

  private void readJobs(Table jobs, Table jobImages) throws IOException {
    Set<Long> seen = new HashSet<>();
    JsonLinesReader.forEachNode(
        layout.jobs(),
        job -> {
          Long id = longOrNull(job, "id");
          if (id == null) {
            notes.add("A job record without an id was skipped.");
          } else if (!seen.add(id)) {
            notes.add("Job " + id + " appears twice in jobs.jsonl.gz; the first record is used.");
          } else {
            addJob(id, job, jobs);
            addEntities(id, job.get("entities"), jobImages);
          }
        });
  }

  private void addJob(long id, JsonNode job, Table jobs) {
    jobs.longColumn("id").append(id);
    append(jobs.stringColumn("name"), textOrNull(job, "name"));
    append(jobs.longColumn("projectId"), longOrNull(job, "projectId"));
    append(jobs.stringColumn("project"), textOrNull(job, "projectTitle"));
    append(jobs.longColumn("datasetId"), longOrNull(job, "datasetId"));
    append(jobs.stringColumn("dataset"), textOrNull(job, "datasetTitle"));
    append(jobs.longColumn("labelerId"), longOrNull(job, "userId"));
    append(jobs.stringColumn("labeler"), textOrNull(job, "labelerLogin"));
    append(jobs.longColumn("reviewerId"), longOrNull(job, "reviewerId"));
    append(jobs.stringColumn("reviewer"), textOrNull(job, "reviewerLogin"));
    append(jobs.longColumn("createdBy"), longOrNull(job, "createdBy"));
    append(jobs.stringColumn("manager"), textOrNull(job, "managerLogin"));
    append(jobs.stringColumn("status"), textOrNull(job, "status"));
    jobs.booleanColumn("disabled").append(job.path("disabled").asBoolean(false));
    Long createdAt =
        EventDates.parseStrict(textOrNull(job, "createdAt"))
            .map(EventDates::toEpochMicros)
            .orElse(null);
    append(jobs.longColumn("createdAtMicros"), createdAt);
    append(jobs.longColumn("imagesCount"), longOrNull(job, "imagesCount"));
    append(jobs.longColumn("finishedImagesCount"), longOrNull(job, "finishedImagesCount"));
    append(jobs.longColumn("acceptedImagesCount"), longOrNull(job, "acceptedImagesCount"));
    append(jobs.longColumn("rejectedImagesCount"), longOrNull(job, "rejectedImagesCount"));
    jobs.booleanColumn("hasEntities").append(job.path("entities").isArray());
    JobStats stats = statsByJob.get(id);
    append(
        jobs.doubleColumn("statsAnnotationDuration"),
        stats == null ? null : stats.annotationDuration());
    append(
        jobs.doubleColumn("statsEditingDuration"), stats == null ? null : stats.editingDuration());
    jobs.booleanColumn("hasStats").append(stats != null);
  }

  private void addEntities(long jobId, JsonNode entities, Table jobImages) {
    if (entities == null || !entities.isArray()) {
      return;
    }
    for (JsonNode entity : entities) {
      Long imageId = longOrNull(entity, "id");
      ImageStats stats = imageId == null ? null : imageStats.get(new ImageKey(jobId, imageId));
      jobImages.longColumn("jobId").append(jobId);
      append(jobImages.longColumn("imageId"), imageId);
      append(jobImages.stringColumn("name"), textOrNull(entity, "name"));
      append(jobImages.stringColumn("reviewStatus"), textOrNull(entity, "reviewStatus"));
      append(
          jobImages.doubleColumn("annotationDuration"),
          stats == null ? null : stats.annotationDuration());
      append(jobImages.doubleColumn("totalDuration"), stats == null ? null : stats.totalDuration());
      append(jobImages.longColumn("labelsCount"), stats == null ? null : stats.labelsCount());
    }
  }

  // ---- members.jsonl.gz

  private Table readMembers() throws IOException {
    Table members =
        Table.create(
            "members",
            LongColumn.create("id"),
            StringColumn.create("login"),
            StringColumn.create("role"),
            BooleanColumn.create("disabled"));
    JsonLinesReader.forEachNode(
        layout.members(),
        member -> {
          Long id = longOrNull(member, "id");
          if (id != null) {
            members.longColumn("id").append(id);
            append(members.stringColumn("login"), textOrNull(member, "login"));
            append(members.stringColumn("role"), textOrNull(member, "role"));
            members.booleanColumn("disabled").append(member.path("disabled").asBoolean(false));
          }
        });
    return members;
  }
}
