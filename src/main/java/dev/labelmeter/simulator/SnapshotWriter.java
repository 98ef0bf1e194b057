package dev.labelmeter.simulator;

import dev.labelmeter.store.JsonLinesWriter;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic team straight into the store layout, without HTTP, for benchmarks. Streams:
 * jobs and stats go to disk as they are simulated, events are spilled per UTC day and sorted one
 * day at a time, so memory stays bounded by the largest day, never by the whole log.
 *
 * <pre>{@code
 * Manifest m = SnapshotWriter.write(TeamSize.XL, 7, Instant.now(), Path.of("data"));
 * }</pre>
 */
public final class SnapshotWriter {
  private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
  private static final long DAY = 86_400_000L;

  private SnapshotWriter() {}

  /**
   * Writes the team of {@code size} and {@code seed}, with history up to {@code now}, into {@code
   * dataDir/<teamId>/}, manifest last, and returns the manifest. Replaces the files of an existing
   * store of that team.
   */
  public static Manifest write(TeamSize size, long seed, Instant now, Path dataDir)
      throws IOException {
    long started = System.nanoTime();
    TeamPlan plan = TeamPlan.create(size, seed, now);
    StoreLayout layout = StoreLayout.of(dataDir, plan.teamId);
    Files.createDirectories(layout.teamDir());
    Path spillDir = Files.createTempDirectory(layout.teamDir(), ".spill-");
    try (StreamingSink sink = new StreamingSink(layout, spillDir)) {
      new Simulation(plan, now.toEpochMilli(), sink).run();
      sink.finishJobs();
      sink.writeMembers(plan);
      sink.writeDays();
      Manifest manifest = sink.manifest(plan, now);
      manifest.write(layout);
      log.debug(
          "Wrote {} team {}: {} jobs, {} events in {} ms to {}",
          size.label(),
          plan.teamId,
          sink.jobs.lines(),
          sink.events,
          (System.nanoTime() - started) / 1_000_000,
          layout.teamDir());
      return manifest;
    } finally {
      deleteTree(spillDir);
    }
  }

  /** Receives the simulation's output and streams it to the store. */
  private static final class StreamingSink implements Simulation.Sink, AutoCloseable {
    final StoreLayout layout;
    final Path spillDir;
    final JsonLinesWriter jobs;
    final JsonLinesWriter stats;
    final MemberActivity members = new MemberActivity();
    final Map<Long, Writer> spills = new TreeMap<>();
    final Map<String, Manifest.FileEntry> files = new TreeMap<>();
    long events;
    long memberCount;
    long firstEvent = Long.MAX_VALUE;
    long lastEvent = Long.MIN_VALUE;

    StreamingSink(StoreLayout layout, Path spillDir) throws IOException {
      this.layout = layout;
      this.spillDir = spillDir;
      this.jobs = JsonLinesWriter.open(layout.jobs());
      this.stats = JsonLinesWriter.open(layout.stats());
    }

    @Override
    public void event(SimEvent e) throws IOException {
      members.accept(e);
      Writer spill = spills.get(Math.floorDiv(e.dateMillis, DAY));
      if (spill == null) {
        spill = openSpill(Math.floorDiv(e.dateMillis, DAY));
      }
      spill.write(Long.toString(e.dateMillis));
      spill.write('\t');
      spill.write(SimJson.text(e::write));
      spill.write('\n');
      events++;
      firstEvent = Math.min(firstEvent, e.dateMillis);
      lastEvent = Math.max(lastEvent, e.dateMillis);
    }

    private Writer openSpill(long day) throws IOException {
      GZIPOutputStream out =
          new GZIPOutputStream(Files.newOutputStream(spillDir.resolve(day + ".gz")), 1 << 16) {
            {
              def.setLevel(Deflater.BEST_SPEED);
            }
          };
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      spills.put(day, w);
      return w;
    }

    @Override
    public void job(SimJob job) throws IOException {
      jobs.writeRaw(SimJson.text(g -> job.writeInfo(g, true)));
      stats.writeRaw(
          SimJson.text(
              g -> {
                g.writeStartObject();
                g.writeNumberField("jobId", job.id);
                g.writeFieldName("stats");
                job.writeStats(g);
                g.writeEndObject();
              }));
    }

    void finishJobs() throws IOException {
      commit(jobs);
      commit(stats);
    }

    void writeMembers(TeamPlan plan) throws IOException {
      try (JsonLinesWriter out = JsonLinesWriter.open(layout.members())) {
        for (Person p : plan.members) {
          out.writeRaw(SimJson.text(g -> members.writeMember(g, p)));
        }
        memberCount = out.lines();
        commit(out);
      }
    }

    /** Sorts each day's spilled events by date (stable: ties keep their order) and writes it. */
    void writeDays() throws IOException {
      for (Writer w : spills.values()) {
        w.close();
      }
      for (long day : spills.keySet()) {
        Path spill = spillDir.resolve(day + ".gz");
        List<String> lines = readLines(spill);
        lines.sort(Comparator.comparingLong(SnapshotWriter::dateOf));
        try (JsonLinesWriter out =
            JsonLinesWriter.open(layout.activityDay(LocalDate.ofEpochDay(day)))) {
          for (String line : lines) {
            out.writeRaw(line.substring(line.indexOf('\t') + 1));
          }
          commit(out);
        }
        Files.delete(spill);
      }
      spills.clear();
    }

    private void commit(JsonLinesWriter out) throws IOException {
      out.commit();
      files.put(
          layout.relative(out.target()),
          new Manifest.FileEntry(out.lines(), Files.size(out.target())));
    }

    Manifest manifest(TeamPlan plan, Instant now) {
      Map<String, Long> counts = new HashMap<>();
      counts.put("jobs", jobs.lines());
      counts.put("stats", stats.lines());
      counts.put("members", memberCount);
      counts.put("events", events);
      Instant from = events == 0 ? now : Instant.ofEpochMilli(firstEvent);
      return new Manifest(
          Manifest.FORMAT_VERSION,
          plan.teamId,
          now,
          "simulator (size " + plan.size.label() + ", seed " + plan.seed + ")",
          files,
          counts,
          new Manifest.ActivityRange(from, now, events, true),
          List.of(),
          List.of(),
          Map.of());
    }

    @Override
    public void close() throws IOException {
      jobs.close();
      stats.close();
      for (Writer w : spills.values()) {
        w.close();
      }
    }
  }

  private static long dateOf(String spillLine) {
    return Long.parseLong(spillLine, 0, spillLine.indexOf('\t'), 10);
  }

  private static List<String> readLines(Path spill) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(spill), 1 << 16),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
