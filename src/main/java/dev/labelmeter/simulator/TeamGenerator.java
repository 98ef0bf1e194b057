package dev.labelmeter.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Builds synthetic teams. The same size, seed and {@code now} always give the same team, event
 * for event. The team is planned for the UTC week (Monday to Monday) of {@code now}, so a later
 * {@code now} in the same week gives every event before the earlier one unchanged and only adds
 * events after it (a restarted simulator serves the same history); a {@code now} in another week
 * gives another history.
 *
 * <pre>{@code
 * SyntheticTeam team = TeamGenerator.generate(TeamSize.MEDIUM, 7, Instant.now());
 * }</pre>
 */
public final class TeamGenerator {
  private TeamGenerator() {}

  /**
   * Returns the team of {@code size} and {@code seed} whose activity runs from its history start
   * (the {@code days} of the size before the Monday of {@code now}'s UTC week) to {@code now}, held
   * in memory. Fine for small, medium and large (about 150 MB for large); write
   * {@code xl} to disk with {@link SnapshotWriter} instead.
   */
  public static SyntheticTeam generate(TeamSize size, long seed, Instant now) {
    return generate(size, seed, now, now);
  }

  /**
   * Returns the team planned for the UTC week of {@code anchor} with its history cut at {@code
   * cutoff}. A later cutoff extends the same history: events before the earlier cutoff are
   * identical, even when the cutoff is past the end of the planned week (no new jobs are created
   * after it, but the planned ones keep being worked on).
   */
  static SyntheticTeam generate(TeamSize size, long seed, Instant anchor, Instant cutoff) {
    Objects.requireNonNull(size, "size");
    TeamPlan plan = TeamPlan.create(size, seed, anchor);
    Collector collector = new Collector();
    try {
      new Simulation(plan, cutoff.toEpochMilli(), collector).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the in-memory sink does no I/O
    }
    collector.events.sort(Comparator.comparingLong(e -> e.dateMillis));
    collector.jobs.sort(Comparator.comparingLong(j -> j.id));
    return new SyntheticTeam(
        plan, cutoff.toEpochMilli(), collector.jobs, collector.events, collector.members);
  }

  /** Keeps everything the simulation emits. */
  private static final class Collector implements Simulation.Sink {
    final List<SimEvent> events = new ArrayList<>();
    final List<SimJob> jobs = new ArrayList<>();
    final MemberActivity members = new MemberActivity();

    @Override
    public void event(SimEvent event) {
      events.add(event);
      members.accept(event);
    }

    @Override
    public void job(SimJob job) {
      jobs.add(job);
    }
  }
}
