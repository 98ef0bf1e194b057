package dev.labelmeter.metrics.tablesaw;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Names users: the login from {@code members.list} first, then from the jobs (labeler, reviewer,
 * manager, in job order), then the {@code user} of the user's first work event, else {@code
 * #<id>}.
 */
final class Logins {
  private final Map<Long, String> fromMembers = new HashMap<>();
  private final Map<Long, String> fromJobs = new HashMap<>();
  private final Map<Long, String> fromEvents;

  Logins(Table members, Table jobs, Map<Long, String> fromEvents) {
    this.fromEvents = fromEvents;
    collect(members, "id", "login", fromMembers);
    collect(jobs, "labelerId", "labeler", fromJobs);
    collect(jobs, "reviewerId", "reviewer", fromJobs);
    collect(jobs, "createdBy", "manager", fromJobs);
  }

  private static void collect(
      Table table, String idColumn, String loginColumn, Map<Long, String> to) {
    LongColumn ids = table.longColumn(idColumn);
    StringColumn logins = table.stringColumn(loginColumn);
    for (int row = 0; row < table.rowCount(); row++) {
      if (!ids.isMissing(row) && !logins.isMissing(row)) {
        to.putIfAbsent(ids.getLong(row), logins.get(row));
      }
    }
  }

  /** Returns the login of {@code userId}, or {@code #<id>} when no source names the user. */
  String of(long userId) {
    String login = fromMembers.get(userId);
    if (login == null) {
      login = fromJobs.get(userId);
    }
    if (login == null) {
      login = fromEvents.get(userId);
    }
    return login == null ? "#" + userId : login;
  }

  /** Returns the login of {@code userId}, or null when {@code userId} is null. */
  String ofNullable(Long userId) {
    return userId == null ? null : of(userId);
  }
}
