package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Workspaces ({@code workspaces.info}, {@code workspaces.list}). */
public final class WorkspaceApi {
  private final ApiTransport transport;
  private final Paginator pages;

  WorkspaceApi(ApiTransport transport) {
    this.transport = transport;
    this.pages = new Paginator(transport);
  }

  /** Returns the workspace, or empty when the server says 404. */
  public Optional<WorkspaceInfo> getInfoById(long workspaceId) {
    return InfoCalls.info(transport, "workspaces.info", workspaceId, WorkspaceInfo::read);
  }

  /** Returns the team's workspaces, sorted by id. */
  public List<WorkspaceInfo> getList(long teamId) {
    ObjectNode body = ClientJson.object();
    body.put("teamId", teamId);
    body.putArray("filter");
    return pages.getAll("workspaces.list", body, true, WorkspaceInfo::read);
  }
}
