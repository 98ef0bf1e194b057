package dev.labelmeter.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The API methods of the simulator: each takes the request body and returns the JSON response,
 * or throws {@link ApiException} with the status and message of an error response.
 */
final class SimulatorApi {
  static final String VERSION = "6.14.4";

  private static final Map<String, Filters.Field<SimJob>> JOB_FIELDS = jobFields();
  private static final Map<String, Filters.Field<SimEvent>> EVENT_FIELDS = eventFields();
  private static final Map<String, Filters.Field<Person>> MEMBER_FIELDS = memberFields();

  private final ServerState state;

  SimulatorApi(ServerState state) {
    this.state = state;
  }

  /** Returns the response body of {@code method} for {@code body}. */
  byte[] call(String method, JsonNode body) {
    boolean writes = method.startsWith("jobs.") && !READS.contains(method);
    var lock = writes ? state.lock.writeLock() : state.lock.readLock();
    lock.lock();
    try {
      return json(route(method, body));
    } finally {
      lock.unlock();
    }
  }

  private static final List<String> READS = List.of("jobs.list", "jobs.info", "jobs.stats");

  private SimJson.Body route(String method, JsonNode body) {
    return switch (method) {
      case "jobs.list" -> jobsList(body);
      case "jobs.info" -> g -> state.job(id(body)).writeInfo(g, true);
      case "jobs.stats" -> state.job(id(body))::writeStats;
      case "jobs.add" -> new JobCreation(state, body).create();
      case "jobs.stop" -> success(() -> state.setStatus(id(body), SimJob.STOPPED));
      case "jobs.archive" -> success(() -> state.archive(id(body)));
      case "jobs.set-status" -> setStatus(body);
      case "jobs.bulk.remove" -> bulkRemove(body);
      case "teams.activity" -> activity(body);
      case "members.list" -> membersList(body);
      case "users.info" -> userInfo(body);
      case "teams.info" -> teamInfo(body);
      case "teams.list" -> teamsList(body);
      case "workspaces.info" -> workspaceInfo(body);
      case "projects.info" -> projectInfo(body);
      case "datasets.info" -> datasetInfo(body);
      case "instance.version" -> g -> writeObject(g, Map.of("version", VERSION));
      default ->
          throw ApiException.notFound("API method '" + method + "' does not exist on this server");
    };
  }

  private static byte[] json(SimJson.Body body) {
    // Grows by segments, not by copying: a page of activity is several megabytes.
    ByteArrayBuilder out = new ByteArrayBuilder();
    try (JsonGenerator g = SimJson.FACTORY.createGenerator(out)) {
      body.writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // ---------------------------------------------------------------- request values

  static long id(JsonNode body) {
    return requiredLong(body, "id");
  }

  static long requiredLong(JsonNode body, String key) {
    JsonNode node = body.get(key);
    if (node == null || !node.isIntegralNumber()) {
      throw ApiException.badRequest("'" + key + "' must be an integer id, got " + node);
    }
    return node.asLong();
  }

  private void checkTeam(JsonNode body) {
    long teamId = requiredLong(body, "teamId");
    if (teamId != state.plan.teamId) {
      throw ApiException.badRequest(
          "team " + teamId + " does not exist or you are not a member of it");
    }
  }

  private static SimJson.Body success(Runnable change) {
    change.run();
    return g -> writeObject(g, Map.of("success", true));
  }

  // ---------------------------------------------------------------- jobs

  private SimJson.Body jobsList(JsonNode body) {
    checkTeam(body);
    List<Filters.Condition> conditions = Filters.parse(body, "jobs.list", JOB_FIELDS);
    Predicate<SimJob> match = Filters.predicate(conditions, JOB_FIELDS);
    boolean showDisabled = body.path("showDisabled").asBoolean(false);
    List<SimJob> selected = new ArrayList<>();
    for (SimJob job : state.jobs.values()) {
      if ((showDisabled || !job.disabled) && match.test(job)) {
        selected.add(job);
      }
    }
    if ("desc".equalsIgnoreCase(body.path("sort_order").asText())) {
      java.util.Collections.reverse(selected);
    }
    List<String> fields = new ArrayList<>();
    body.path("fields").forEach(f -> fields.add(f.asText()));
    Paging paging = Paging.of(body, Paging.DEFAULT_PER_PAGE);
    return g -> writePage(g, paging, selected, (gen, job) -> writeListedJob(gen, job, fields));
  }

  private static void writeListedJob(JsonGenerator g, SimJob job, List<String> fields)
      throws IOException {
    if (fields.isEmpty()) {
      job.writeInfo(g, false);
      return;
    }
    ObjectNode full = SimJson.object(gen -> job.writeInfo(gen, false));
    g.writeTree(full.retain(fields));
  }

  private SimJson.Body setStatus(JsonNode body) {
    long id = id(body);
    String status = body.path("status").asText(null);
    if (status == null || !SimJob.KNOWN_STATUSES.contains(status)) {
      throw ApiException.badRequest(
          "'status' must be one of " + SimJob.KNOWN_STATUSES + ", got " + body.get("status"));
    }
    return success(() -> state.setStatus(id, status));
  }

  private SimJson.Body bulkRemove(JsonNode body) {
    JsonNode ids = body.get("ids");
    if (ids == null || !ids.isArray()) {
      throw ApiException.badRequest("'ids' must be an array of job ids, got " + ids);
    }
    List<Long> list = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isIntegralNumber()) {
        throw ApiException.badRequest("'ids' must hold integer job ids, got " + id);
      }
      list.add(id.asLong());
    }
    return success(() -> list.forEach(state::remove));
  }

  // ---------------------------------------------------------------- activity

  private SimJson.Body activity(JsonNode body) {
    checkTeam(body);
    List<Filters.Condition> conditions = Filters.parse(body, "teams.activity", EVENT_FIELDS);
    Predicate<SimEvent> match = Filters.predicate(conditions, EVENT_FIELDS);
    int[] range = dateRange(conditions);
    List<SimEvent> selected = new ArrayList<>();
    for (int i = range[0]; i < range[1]; i++) {
      SimEvent e = state.events.get(i);
      if (match.test(e)) {
        selected.add(e);
      }
    }
    Paging paging = Paging.of(body, Paging.DEFAULT_ACTIVITY_PER_PAGE);
    return g -> writePage(g, paging, selected, (gen, e) -> e.write(gen));
  }

  /** Returns the index range of events that the date conditions can match, by binary search. */
  private int[] dateRange(List<Filters.Condition> conditions) {
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    for (Filters.Condition c : conditions) {
      if (c.dateMillis() == null) {
        continue;
      }
      switch (c.operator()) {
        case ">=", ">" -> from = Math.max(from, c.dateMillis());
        case "<=", "<" -> to = Math.min(to, c.dateMillis());
        default -> {}
      }
    }
    return new int[] {
      firstAtOrAfter(from), to == Long.MAX_VALUE ? state.events.size() : firstAfter(to)
    };
  }

  private int firstAtOrAfter(long millis) {
    int lo = 0;
    int hi = state.events.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (state.events.get(mid).dateMillis < millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int firstAfter(long millis) {
    return millis == Long.MAX_VALUE ? state.events.size() : firstAtOrAfter(millis + 1);
  }

  // ---------------------------------------------------------------- members and users

  private SimJson.Body membersList(JsonNode body) {
    checkTeam(body);
    Predicate<Person> match =
        Filters.predicate(Filters.parse(body, "members.list", MEMBER_FIELDS), MEMBER_FIELDS);
    List<Person> selected = state.plan.members.stream().filter(match).toList();
    Paging paging = Paging.of(body, Paging.DEFAULT_PER_PAGE);
    return g -> writePage(g, paging, selected, state.members::writeMember);
  }

  private SimJson.Body userInfo(JsonNode body) {
    long id = id(body);
    Person person = state.plan.member(id);
    if (person == null) {
      throw ApiException.notFound("user " + id + " does not exist");
    }
    ObjectNode user = SimJson.object(g -> state.members.writeMember(g, person));
    ObjectNode team = user.putArray("teams").addObject();
    team.put("id", state.plan.teamId);
    team.put("name", state.plan.teamName);
    team.put("roleId", person.role().roleId);
    team.put("role", person.role().wireName);
    return g -> g.writeTree(user);
  }

  // ---------------------------------------------------------------- team, workspace, project

  private SimJson.Body teamInfo(JsonNode body) {
    long id = id(body);
    if (id != state.plan.teamId) {
      throw ApiException.notFound("team " + id + " does not exist");
    }
    Map<String, Object> team = team();
    return g -> writeObject(g, team);
  }

  /** The token's teams: the simulated team, the only one its users belong to. */
  private SimJson.Body teamsList(JsonNode body) {
    Paging paging = Paging.of(body, Paging.DEFAULT_PER_PAGE);
    return g -> writePage(g, paging, List.of(team()), (gen, team) -> writeObject(gen, team));
  }

  private Map<String, Object> team() {
    Map<String, Object> team = new LinkedHashMap<>();
    team.put("id", state.plan.teamId);
    team.put("name", state.plan.teamName);
    team.put("description", "");
    team.put("role", "admin");
    team.put("createdAt", WireTime.format(state.plan.startMillis - 400L * 86_400_000L));
    team.put("updatedAt", WireTime.format(state.plan.startMillis));
    team.put("usage", Map.of("plan", "business"));
    return team;
  }

  private SimJson.Body workspaceInfo(JsonNode body) {
    long id = id(body);
    if (id != state.plan.workspace.id()) {
      throw ApiException.notFound("workspace " + id + " does not exist");
    }
    Map<String, Object> ws = new LinkedHashMap<>();
    ws.put("id", id);
    ws.put("name", state.plan.workspace.name());
    ws.put("description", "");
    ws.put("teamId", state.plan.teamId);
    ws.put("createdAt", WireTime.format(state.plan.startMillis - 300L * 86_400_000L));
    ws.put("updatedAt", WireTime.format(state.plan.startMillis));
    return g -> writeObject(g, ws);
  }

  private SimJson.Body projectInfo(JsonNode body) {
    long id = id(body);
    Project p =
        state.plan.projects.stream()
            .filter(x -> x.id() == id)
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("project " + id + " does not exist"));
    long images = p.datasets().stream().mapToLong(Dataset::imagesCount).sum();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("name", p.name());
    out.put("description", "");
    out.put("size", String.valueOf(images * 250_000));
    out.put("readme", "");
    out.put("workspaceId", state.plan.workspace.id());
    out.put("imagesCount", images);
    out.put("itemsCount", images);
    out.put("datasetsCount", p.datasets().size());
    out.put("createdAt", WireTime.format(p.createdAtMillis()));
    out.put("updatedAt", WireTime.format(p.createdAtMillis()));
    out.put("type", "images");
    out.put("referenceImageUrl", null);
    out.put("customData", Map.of());
    out.put("teamId", state.plan.teamId);
    out.put("createdBy", state.plan.managers.get(0).id());
    return g -> writeObject(g, out);
  }

  private SimJson.Body datasetInfo(JsonNode body) {
    Dataset d = dataset(state.plan, id(body));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", d.id());
    out.put("name", d.name());
    out.put("description", "");
    out.put("size", String.valueOf(d.imagesCount() * 250_000L));
    out.put("projectId", d.projectId());
    out.put("imagesCount", d.imagesCount());
    out.put("itemsCount", d.imagesCount());
    out.put("createdAt", WireTime.format(d.createdAtMillis()));
    out.put("updatedAt", WireTime.format(d.createdAtMillis()));
    out.put("referenceImageUrl", null);
    out.put("teamId", state.plan.teamId);
    out.put("workspaceId", state.plan.workspace.id());
    out.put("parentId", null);
    out.put("customData", Map.of());
    out.put("createdBy", state.plan.managers.get(0).id());
    return g -> writeObject(g, out);
  }

  static Dataset dataset(TeamPlan plan, long id) {
    for (Project p : plan.projects) {
      for (Dataset d : p.datasets()) {
        if (d.id() == id) {
          return d;
        }
      }
    }
    throw ApiException.notFound("dataset " + id + " does not exist");
  }

  // ---------------------------------------------------------------- writing

  /** Writes one entity of a page. */
  @FunctionalInterface
  interface EntityWriter<T> {
    void write(JsonGenerator g, T entity) throws IOException;
  }

  static <T> void writePage(JsonGenerator g, Paging paging, List<T> all, EntityWriter<T> writer)
      throws IOException {
    long total = all.size();
    g.writeStartObject();
    g.writeNumberField("total", total);
    g.writeNumberField("perPage", paging.perPage());
    g.writeNumberField("pagesCount", paging.pagesCount(total));
    g.writeArrayFieldStart("entities");
    long end = Math.min(total, paging.from() + paging.perPage());
    for (long i = paging.from(); i < end; i++) {
      writer.write(g, all.get((int) i));
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeObject(JsonGenerator g, Map<String, ?> values) throws IOException {
    g.writeTree(SimJson.MAPPER.valueToTree(values));
  }

  // ---------------------------------------------------------------- filterable fields

  private static Map<String, Filters.Field<SimJob>> jobFields() {
    Map<String, Filters.Field<SimJob>> f = new LinkedHashMap<>();
    f.put("id", Filters.Field.of(j -> j.id));
    f.put("createdBy", Filters.Field.of(j -> j.manager.id()));
    f.put("userId", Filters.Field.of(j -> j.labeler.id()));
    f.put("reviewerId", Filters.Field.of(j -> j.reviewer == null ? null : j.reviewer.id()));
    f.put("projectId", Filters.Field.of(j -> j.project.id()));
    f.put("datasetId", Filters.Field.of(j -> j.dataset.id()));
    f.put("labelingQueueId", Filters.Field.of(j -> j.labelingQueueId));
    f.put("status", Filters.Field.of(j -> j.status));
    f.put("name", Filters.Field.of(j -> j.name));
    return f;
  }

  private static Map<String, Filters.Field<SimEvent>> eventFields() {
    Map<String, Filters.Field<SimEvent>> f = new LinkedHashMap<>();
    f.put("userId", Filters.Field.of(SimEvent::userId));
    f.put("projectId", Filters.Field.of(SimEvent::projectId));
    f.put("jobId", Filters.Field.of(SimEvent::jobId));
    f.put("type", Filters.Field.of(e -> e.action));
    f.put("date", Filters.Field.date(e -> e.dateMillis));
    f.put("labelerId", Filters.Field.of(SimEvent::labelerId));
    f.put("reviewStatus", Filters.Field.of(SimEvent::reviewStatus));
    return f;
  }

  private static Map<String, Filters.Field<Person>> memberFields() {
    Map<String, Filters.Field<Person>> f = new LinkedHashMap<>();
    f.put("id", Filters.Field.of(Person::id));
    f.put("login", Filters.Field.of(Person::login));
    return f;
  }
}
