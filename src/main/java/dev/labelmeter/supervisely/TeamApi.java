package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Teams ({@code teams.info}, {@code teams.list}). */
public final class TeamApi {
  private final ApiTransport transport;
  private final Paginator pages;

  TeamApi(ApiTransport transport) {
    this.transport = transport;
    this.pages = new Paginator(transport);
  }

  /** Returns the team, or empty when the server says 404. */
  public Optional<TeamInfo> getInfoById(long teamId) {
    return InfoCalls.info(transport, "teams.info", teamId, TeamInfo::read);
  }

  /** Returns the teams the token's user belongs to, sorted by id. */
  public List<TeamInfo> getList() {
    ObjectNode body = ClientJson.object();
    body.putArray("filter");
    return pages.getAll("teams.list", body, true, TeamInfo::read);
  }
}
