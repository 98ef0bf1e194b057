package dev.labelmeter.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Counts each member's logins from the activity log, for the member objects. */
final class MemberActivity {
  private final Map<Long, long[]> logins = new HashMap<>();

  /** Records {@code event} if it is a login. */
  void accept(SimEvent event) {
    if (SimEvent.LOGIN.equals(event.action) && event.user != null) {
      long[] entry = logins.computeIfAbsent(event.user.id(), id -> new long[] {0, Long.MIN_VALUE});
      entry[0]++;
      entry[1] = Math.max(entry[1], event.dateMillis);
    }
  }

  /** Writes the {@code members.list} object of {@code person}. */
  void writeMember(JsonGenerator g, Person person) throws IOException {
    long[] entry = logins.getOrDefault(person.id(), new long[] {0, Long.MIN_VALUE});
    boolean everLoggedIn = entry[0] > 0;
    g.writeStartObject();
    g.writeNumberField("id", person.id());
    g.writeStringField("login", person.login());
    g.writeStringField("role", person.role().wireName);
    g.writeNumberField("roleId", person.role().roleId);
    g.writeStringField("name", person.name());
    g.writeStringField("email", person.email());
    g.writeNumberField("logins", entry[0]);
    g.writeBooleanField("disabled", person.disabled());
    if (everLoggedIn) {
      g.writeStringField("lastLogin", WireTime.format(entry[1]));
    } else {
      g.writeNullField("lastLogin");
    }
    g.writeStringField("createdAt", WireTime.format(person.createdAtMillis()));
    g.writeStringField(
        "updatedAt", WireTime.format(everLoggedIn ? entry[1] : person.createdAtMillis()));
    g.writeEndObject();
  }
}
