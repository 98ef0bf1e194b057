package dev.labelmeter.supervisely;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Team members ({@code members.list}) and users ({@code users.info}). */
public final class MemberApi {
  private static final String METHOD = "members.list";

  private final ApiTransport transport;
  private final Paginator pages;

  MemberApi(ApiTransport transport) {
    this.transport = transport;
    this.pages = new Paginator(transport);
  }

  /** Returns every member of the team, with their role in it, sorted by id. */
  public List<Member> getTeamMembers(long teamId) {
    return pages.getAll(METHOD, body(teamId, null), true, Member::read);
  }

  /** Returns the summary after handing each raw page of {@code members.list} to {@code handler}. */
  public PageSummary forEachPage(long teamId, PageHandler<JsonNode> handler) {
    return pages.forEachPage(METHOD, body(teamId, null), true, handler);
  }

  /** Returns the team member with this user id, or empty when not a member. */
  public Optional<Member> getMemberInfoById(long teamId, long userId) {
    return first(pages.getAll(METHOD, body(teamId, Filter.eq("id", userId)), true, Member::read));
  }

  /** Returns the team member with this login, or empty when not a member. */
  public Optional<Member> getMemberInfoByLogin(long teamId, String login) {
    return first(pages.getAll(METHOD, body(teamId, Filter.eq("login", login)), true, Member::read));
  }

  /** Returns the user ({@code users.info}), or empty when the server says 404. */
  public Optional<Member> getUserInfoById(long userId) {
    return InfoCalls.info(transport, "users.info", userId, Member::read);
  }

  private static ObjectNode body(long teamId, Filter filter) {
    ObjectNode body = ClientJson.object();
    body.put("teamId", teamId);
    var filters = body.putArray("filter");
    if (filter != null) {
      filters.add(filter.toJson());
    }
    return body;
  }

  private static Optional<Member> first(List<Member> members) {
    return members.isEmpty() ? Optional.empty() : Optional.of(members.get(0));
  }
}
