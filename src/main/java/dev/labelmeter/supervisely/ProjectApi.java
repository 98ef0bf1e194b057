package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Projects ({@code projects.info}, {@code projects.list}). */
public final class ProjectApi {
  private final ApiTransport transport;
  private final Paginator pages;

  ProjectApi(ApiTransport transport) {
    this.transport = transport;
    this.pages = new Paginator(transport);
  }

  /** Returns the project, or empty when the server says 404. */
  public Optional<ProjectInfo> getInfoById(long projectId) {
    return InfoCalls.info(transport, "projects.info", projectId, ProjectInfo::read);
  }

  /** Returns the workspace's projects, sorted by id. */
  public List<ProjectInfo> getList(long workspaceId) {
    ObjectNode body = ClientJson.object();
    body.putArray("filter");
    body.putArray("fields");
    body.put("workspaceId", workspaceId);
    return pages.getAll("projects.list", body, true, ProjectInfo::read);
  }
}
