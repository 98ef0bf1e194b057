package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code jobs.add}: one pending job per user id, over the dataset's images (or the requested
 * {@code meta.entityIds}), answered with {@code [{"id", "userId", "type", "name"}, ...]}.
 */
final class JobCreation {
  private final ServerState state;
  private final JsonNode body;

  JobCreation(ServerState state, JsonNode body) {
    this.state = state;
    this.body = body;
  }

  /** Creates the jobs and returns the response body. */
  SimJson.Body create() {
    String name = text("name");
    Dataset dataset =
        SimulatorApi.dataset(state.plan, SimulatorApi.requiredLong(body, "datasetId"));
    Project project = projectOf(dataset);
    List<Person> labelers = users();
    Person reviewer =
        body.hasNonNull("reviewerId") ? member(body.get("reviewerId").asLong()) : null;
    List<LabelClass> classes = classes(project);
    long[] imageIds = images(dataset);
    Person manager = state.plan.managers.get(0);
    List<SimJob> created = new ArrayList<>();
    for (int i = 0; i < labelers.size(); i++) {
      String jobName = labelers.size() == 1 ? name : name + " (#" + (i + 1) + ")";
      SimJob.JobSpec spec =
          new SimJob.JobSpec(
              state.newJobId(),
              jobName,
              state.plan.teamId,
              state.plan.workspace,
              project,
              dataset,
              manager,
              labelers.get(i),
              reviewer,
              state.clock.millis(),
              1,
              classes);
      SimJob job = new SimJob(spec, imageIds, names(dataset, imageIds));
      job.readme = body.path("readme").asText("");
      job.description = body.path("description").asText("");
      job.imageTags = body.path("meta").has("imageTags") ? body.at("/meta/imageTags") : null;
      job.range = body.path("meta").has("range") ? body.at("/meta/range") : null;
      state.addJob(job);
      created.add(job);
    }
    return g -> {
      g.writeStartArray();
      for (SimJob job : created) {
        g.writeStartObject();
        g.writeNumberField("id", job.id);
        g.writeNumberField("userId", job.labeler.id());
        g.writeStringField("type", "annotation");
        g.writeStringField("name", job.name);
        g.writeEndObject();
      }
      g.writeEndArray();
    };
  }

  private String text(String key) {
    JsonNode node = body.get(key);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw ApiException.badRequest("jobs.add needs a non-empty '" + key + "'");
    }
    return node.asText();
  }

  private Project projectOf(Dataset dataset) {
    return state.plan.projects.stream()
        .filter(p -> p.id() == dataset.projectId())
        .findFirst()
        .orElseThrow();
  }

  private List<Person> users() {
    JsonNode ids = body.get("userIds");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw ApiException.badRequest("jobs.add needs 'userIds': a non-empty array of user ids");
    }
    List<Person> out = new ArrayList<>();
    for (JsonNode id : ids) {
      out.add(member(id.asLong()));
    }
    return out;
  }

  private Person member(long id) {
    Person p = state.plan.member(id);
    if (p == null) {
      throw ApiException.badRequest("user " + id + " is not a member of team " + state.plan.teamId);
    }
    return p;
  }

  private List<LabelClass> classes(Project project) {
    JsonNode names = body.at("/meta/classes");
    if (!names.isArray() || names.isEmpty()) {
      return project.classes();
    }
    List<LabelClass> out = new ArrayList<>();
    for (JsonNode n : names) {
      String wanted = n.isObject() ? n.path("name").asText() : n.asText();
      out.add(
          project.classes().stream()
              .filter(c -> c.name().equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "class '" + wanted + "' does not exist in project " + project.id())));
    }
    return out;
  }

  private long[] images(Dataset dataset) {
    JsonNode ids = body.at("/meta/entityIds");
    if (!ids.isArray() || ids.isEmpty()) {
      long[] all = new long[dataset.imagesCount()];
      for (int i = 0; i < all.length; i++) {
        all[i] = dataset.imageId(i);
      }
      return all;
    }
    Set<Long> chosen = new TreeSet<>();
    for (JsonNode id : ids) {
      if (!dataset.contains(id.asLong())) {
        throw ApiException.badRequest(
            "image " + id + " is not in dataset " + dataset.id() + " (entityIds)");
      }
      chosen.add(id.asLong());
    }
    return chosen.stream().mapToLong(Long::longValue).toArray();
  }

  private static String[] names(Dataset dataset, long[] imageIds) {
    String[] names = new String[imageIds.length];
    for (int i = 0; i < imageIds.length; i++) {
      names[i] = dataset.imageName((int) (imageIds[i] - dataset.firstImageId()));
    }
    return names;
  }
}
