package dev.labelmeter.metrics.tablesaw;

import static dev.labelmeter.metrics.tablesaw.WindowCalendar.CURRENT;
import static dev.labelmeter.metrics.tablesaw.WindowCalendar.PREVIOUS;

import dev.labelmeter.metrics.ClassRow;
import dev.labelmeter.metrics.ClassSums;
import dev.labelmeter.metrics.DailyRow;
import dev.labelmeter.metrics.DataQuality;
import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.Heatmap;
import dev.labelmeter.metrics.Hours;
import dev.labelmeter.metrics.JobRow;
import dev.labelmeter.metrics.KnownValues;
import dev.labelmeter.metrics.LabelerFigures;
import dev.labelmeter.metrics.LabelerRow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.Percentiles;
import dev.labelmeter.metrics.PullNotes;
import dev.labelmeter.metrics.ResultParams;
import dev.labelmeter.metrics.ReviewerRow;
import dev.labelmeter.metrics.Summary;
import dev.labelmeter.metrics.TeamFigures;
import dev.labelmeter.store.EventDates;
import dev.labelmeter.store.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns the loaded tables and the event pass into the {@link MetricsResult}. */
final class ResultAssembler {
  private final StoreTables tables;
  private final MetricsParams params;
  private final DateWindow window;
  private final WindowCalendar calendar;
  private final EventPass pass;
  private final Logins logins;
  private final long snapshotMicros;

  ResultAssembler(
      StoreTables tables,
      MetricsParams params,
      DateWindow window,
      WindowCalendar calendar,
      EventPass pass) {
    this.tables = tables;
    this.params = params;
    this.window = window;
    this.calendar = calendar;
    this.pass = pass;
    this.snapshotMicros = EventDates.toEpochMicros(tables.manifest().snapshotAt());
    Map<Long, String> eventLogins = new HashMap<>();
    pass.users.forEach(
        (id, u) -> {
          if (u.loginFromEvents != null) {
            eventLogins.put(id, u.loginFromEvents);
          }
        });
    this.logins = new Logins(tables.members(), tables.jobs(), eventLogins);
  }

  MetricsResult assemble() {
    JobIndex jobIndex = new JobIndex(tables.jobs());
    JobRows jobRows =
        new JobRows(tables.jobs(), tables.jobImages(), pass, logins, params, snapshotMicros);
    List<JobRow> jobs = jobRows.rows();
    ClassSums classRows =
        ClassRows.sum(tables.classes(), jobIndex, params.statsDurationUnit(), logins);
    List<ClassRow> classes = classRows.classes();
    List<LabelerRow> labelers = labelers();
    return new MetricsResult(
        resultParams(),
        summary(jobs, jobRows),
        labelers,
        reviewers(),
        jobs,
        classes,
        classRows.labelerClasses(),
        daily(),
        heatmap(labelers),
        dataQuality(jobs, jobRows, classRows));
  }

  private ResultParams resultParams() {
    return new ResultParams(
        tables.manifest().teamId(),
        window.from(),
        window.to(),
        window.previous().from(),
        params.zone().getId(),
        params.idleThreshold().toSeconds(),
        params.staleDays(),
        tables.manifest().snapshotAt(),
        params.statsDurationUnit().name());
  }

  // ---- labelers and reviewers

  private List<LabelerRow> labelers() {
    List<LabelerRow> rows = new ArrayList<>();
    for (EventPass.UserFigures user : pass.users.values()) {
      LabelerFigures current = figures(user, CURRENT);
      if (isListed(user, current)) {
        rows.add(
            new LabelerRow(user.userId, logins.of(user.userId), current, figures(user, PREVIOUS)));
      }
    }
    rows.sort(Comparator.comparing(LabelerRow::login).thenComparingLong(LabelerRow::userId));
    return rows;
  }

  private boolean isListed(EventPass.UserFigures user, LabelerFigures current) {
    return current.daysActive() > 0
        || current.accepted() + current.rejected() > 0
        || current.firstPassImages() > 0;
  }

  private LabelerFigures figures(EventPass.UserFigures u, int which) {
    int from = calendar.firstDay(which);
    int to = from + calendar.days();
    long active = sum(u.activeMicros, from, to);
    long images = sum(u.imagesFinished, from, to);
    long objects = sum(u.objectsCreated, from, to);
    long accepted = sum(u.accepted, from, to);
    long rejected = sum(u.rejected, from, to);
    long firstPass = sum(u.firstPassImages, from, to);
    long days = 0;
    for (int d = from; d < to; d++) {
      days += u.worked[d] ? 1 : 0;
    }
    return new LabelerFigures(
        Hours.fromMicros(active),
        Hours.fromSeconds(sum(u.platformSeconds, from, to)),
        images,
        objects,
        perHour(images, active),
        perHour(objects, active),
        accepted,
        rejected,
        share(accepted, accepted + rejected),
        firstPass,
        share(sum(u.firstPassAccepted, from, to), firstPass),
        sum(u.sessions, from, to),
        days);
  }

  private List<ReviewerRow> reviewers() {
    List<ReviewerRow> rows = new ArrayList<>();
    pass.reviewers.forEach(
        (id, r) -> {
          double[] turnaround = r.turnaround.toArray();
          rows.add(
              new ReviewerRow(
                  id,
                  logins.of(id),
                  r.accepted + r.rejected,
                  r.accepted,
                  r.rejected,
                  Percentiles.median(turnaround),
                  Percentiles.p90NearestRank(turnaround),
                  r.withoutDone));
        });
    rows.sort(Comparator.comparing(ReviewerRow::login).thenComparingLong(ReviewerRow::userId));
    return rows;
  }

  // ---- team, daily, heatmap

  private TeamFigures team(int which) {
    EventPass.TeamDays t = pass.team;
    int from = calendar.firstDay(which);
    int to = from + calendar.days();
    long active = sum(t.activeMicros, from, to);
    long images = sum(t.imagesFinished, from, to);
    long objects = sum(t.objectsCreated, from, to);
    long accepted = sum(t.accepted, from, to);
    long rejected = sum(t.rejected, from, to);
    long firstPass = sum(t.firstPassImages, from, to);
    double[] turnaround = t.turnaround[which].toArray();
    return new TeamFigures(
        Hours.fromMicros(active),
        Hours.fromSeconds(sum(t.platformSeconds, from, to)),
        images,
        objects,
        perHour(images, active),
        perHour(objects, active),
        accepted,
        rejected,
        share(accepted, accepted + rejected),
        firstPass,
        share(sum(t.firstPassAccepted, from, to), firstPass),
        Percentiles.median(turnaround),
        Percentiles.p90NearestRank(turnaround),
        activeUsers(from, to),
        Hours.fromMicros(sum(t.activeMicrosLow, from, to)),
        Hours.fromMicros(sum(t.activeMicrosHigh, from, to)));
  }

  private long activeUsers(int from, int to) {
    long count = 0;
    for (EventPass.UserFigures u : pass.users.values()) {
      for (int d = from; d < to; d++) {
        if (u.worked[d]) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  private List<DailyRow> daily() {
    EventPass.TeamDays t = pass.team;
    List<DailyRow> rows = new ArrayList<>();
    for (int i = 0; i < calendar.days(); i++) {
      int d = calendar.firstDay(CURRENT) + i;
      rows.add(
          new DailyRow(
              calendar.windowDates().get(i),
              Hours.fromMicros(t.activeMicros[d]),
              Hours.fromSeconds(t.platformSeconds[d]),
              t.imagesFinished[d],
              t.objectsCreated[d],
              t.accepted[d],
              t.rejected[d],
              activeUsers(d, d + 1)));
    }
    return rows;
  }

  private Heatmap heatmap(List<LabelerRow> labelers) {
    List<Heatmap.HeatmapRow> rows = new ArrayList<>();
    for (LabelerRow labeler : labelers) {
      EventPass.UserFigures u = pass.users.get(labeler.userId());
      List<Double> hours = new ArrayList<>();
      for (int i = 0; i < calendar.days(); i++) {
        hours.add(Hours.fromMicros(u.activeMicros[calendar.firstDay(CURRENT) + i]));
      }
      rows.add(new Heatmap.HeatmapRow(labeler.userId(), labeler.login(), hours));
    }
    return new Heatmap(calendar.windowDates(), rows);
  }

  // ---- summary and data quality

  private Summary summary(List<JobRow> jobs, JobRows jobRows) {
    Map<String, Long> byStatus =
        jobs.stream()
            .collect(
                Collectors.groupingBy(
                    j -> j.status() == null ? KnownValues.MISSING : j.status(),
                    TreeMap::new,
                    Collectors.counting()));
    long remaining =
        jobs.stream().filter(j -> j.remaining() != null).mapToLong(JobRow::remaining).sum();
    long paceImages = pass.users.values().stream().mapToLong(u -> u.paceImages).sum();
    return new Summary(
        team(CURRENT),
        team(PREVIOUS),
        byStatus,
        jobs.size(),
        jobs.stream().filter(JobRow::stale).count(),
        remaining,
        paceImages == 0 ? null : paceImages / 7.0,
        jobRows.etaDate(remaining, paceImages));
  }

  private DataQuality dataQuality(List<JobRow> jobs, JobRows jobRows, ClassSums classRows) {
    StoreTables.EventCounts counts = tables.counts();
    Map<String, Long> unknownStatuses =
        jobs.stream()
            .filter(j -> !KnownValues.isKnownJobStatus(j.status()))
            .collect(
                Collectors.groupingBy(
                    j -> j.status() == null ? KnownValues.MISSING : j.status(),
                    TreeMap::new,
                    Collectors.counting()));
    Manifest.ActivityRange activity = tables.manifest().activity();
    return new DataQuality(
        counts.received(),
        counts.duplicates(),
        counts.unparseableDates(),
        counts.withoutJob(),
        counts.unknownJob(),
        pass.decisionsWithoutDone,
        jobRows.counterMismatches,
        unknownStatuses,
        counts.unknownActions(),
        activity == null ? null : activity.countMatched(),
        notes(jobs, jobRows, classRows));
  }

  private List<String> notes(List<JobRow> jobs, JobRows jobRows, ClassSums classRows) {
    Manifest manifest = tables.manifest();
    StoreTables.EventCounts counts = tables.counts();
    List<String> notes = new ArrayList<>();
    notes.addAll(PullNotes.of(manifest, window, params.zone()));
    if (jobs.isEmpty()) {
      notes.add("The store holds no jobs: job, class and ETA figures are empty.");
    }
    if (pass.users.values().stream().noneMatch(u -> hasWork(u))) {
      notes.add("No work events in the window " + window + " (" + params.zone().getId() + ").");
    }
    if (counts.workEventsWithoutUser() > 0) {
      notes.add(
          counts.workEventsWithoutUser()
              + " work events have no user id: they count for"
              + " their job and the team, not for any user.");
    }
    if (counts.durationsMissing() > 0) {
      notes.add(
          counts.durationsMissing()
              + " annotation_duration events have no numeric"
              + " meta.duration and add no platform time.");
    }
    if (classRows.rowsOfUnknownJobs() > 0) {
      notes.add(
          classRows.rowsOfUnknownJobs()
              + " class rows of jobs.stats belong to jobs not in"
              + " the job list and are left out of the class tables.");
    }
    notes.addAll(tables.notes());
    notes.addAll(jobRows.notes);
    return notes;
  }

  private boolean hasWork(EventPass.UserFigures u) {
    int from = calendar.firstDay(CURRENT);
    for (int d = from; d < from + calendar.days(); d++) {
      if (u.worked[d]) {
        return true;
      }
    }
    return false;
  }

  // ---- arithmetic

  private static long sum(long[] values, int from, int to) {
    long total = 0;
    for (int i = from; i < to; i++) {
      total += values[i];
    }
    return total;
  }

  private static double sum(double[] values, int from, int to) {
    double total = 0;
    for (int i = from; i < to; i++) {
      total += values[i];
    }
    return total;
  }

  private static Double perHour(long count, long activeMicros) {
    return activeMicros == 0 ? null : count / Hours.fromMicros(activeMicros);
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : part / (double) whole;
  }
}
