package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic team held in memory: its members, jobs (with entities), the stats of every job and
 * the activity log in server order (by date, then in the order the events were recorded). The
 * JSON accessors return fresh trees shaped exactly as the simulator's server sends them.
 */
public final class SyntheticTeam {
  final TeamPlan plan;
  final long nowMillis;
  final List<SimJob> jobs;
  final List<SimEvent> events;
  final MemberActivity memberActivity;

  SyntheticTeam(
      TeamPlan plan,
      long nowMillis,
      List<SimJob> jobs,
      List<SimEvent> events,
      MemberActivity memberActivity) {
    this.plan = plan;
    this.nowMillis = nowMillis;
    this.jobs = jobs;
    this.events = events;
    this.memberActivity = memberActivity;
  }

  public TeamSize size() {
    return plan.size;
  }

  public long seed() {
    return plan.seed;
  }

  /** Returns the instant the history ends at: every event is before it. */
  public Instant now() {
    return Instant.ofEpochMilli(nowMillis);
  }

  /** Returns the instant the history starts at (projects are set up a few days before). */
  public Instant historyStart() {
    return Instant.ofEpochMilli(plan.startMillis);
  }

  public long teamId() {
    return plan.teamId;
  }

  public String teamName() {
    return plan.teamName;
  }

  /** Returns the number of events in the activity log. */
  public int eventCount() {
    return events.size();
  }

  /** Returns the number of jobs. */
  public int jobCount() {
    return jobs.size();
  }

  /** Returns every job as {@code jobs.info} returns it (with entities), by id. */
  public List<ObjectNode> jobs() {
    List<ObjectNode> out = new ArrayList<>(jobs.size());
    for (SimJob job : jobs) {
      out.add(SimJson.object(g -> job.writeInfo(g, true)));
    }
    return out;
  }

  /** Returns the {@code jobs.stats} object of every job, by job id. */
  public Map<Long, ObjectNode> stats() {
    Map<Long, ObjectNode> out = new LinkedHashMap<>();
    for (SimJob job : jobs) {
      out.put(job.id, SimJson.object(job::writeStats));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns every member as {@code members.list} returns them, by id. */
  public List<ObjectNode> members() {
    List<ObjectNode> out = new ArrayList<>();
    for (Person person : plan.members) {
      out.add(SimJson.object(g -> memberActivity.writeMember(g, person)));
    }
    return out;
  }

  /** Returns the activity log in server order, each event with its 18 keys in wire order. */
  public List<ObjectNode> events() {
    List<ObjectNode> out = new ArrayList<>(events.size());
    for (SimEvent e : events) {
      out.add(SimJson.object(e::write));
    }
    return out;
  }
}
