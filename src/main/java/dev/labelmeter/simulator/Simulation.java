package dev.labelmeter.simulator;

import dev.labelmeter.simulator.JobPlan.Fate;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Runs a {@link TeamPlan}: each person works through their jobs in the order the jobs were
 * created, within their working hours, with breaks; reviewers review submitted jobs; rejected
 * images come back in restarted rounds. Everything is simulated to its end, then cut at {@code
 * cutoff}: only events before it are emitted, and each job's state is what those events make it.
 * A later cutoff therefore extends the same history.
 */
final class Simulation {
  private static final long SECOND = 1000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final int MAX_ROUNDS = 3;

  /** Receives what the simulation produces, in simulation order (not date order). */
  interface Sink {
    void event(SimEvent event) throws IOException;

    void job(SimJob job) throws IOException;
  }

  private final TeamPlan plan;
  private final long cutoff;
  private final Sink sink;
  private final Map<Long, Long> cursors = new HashMap<>();
  private long nextJobId = 1;
  private long nextFigureId;

  Simulation(TeamPlan plan, long cutoffMillis, Sink sink) {
    this.plan = plan;
    this.cutoff = cutoffMillis;
    this.sink = sink;
    this.nextFigureId = plan.teamId * 1_000_000_000L + 1;
  }

  /** Emits the setup events, the sessions, and every job created before the cutoff. */
  void run() throws IOException {
    emitSetup();
    emitSessions();
    PriorityQueue<JobPlan> queue = new PriorityQueue<>(plan.jobs);
    while (!queue.isEmpty() && queue.peek().createdAtMillis() < cutoff) {
      simulate(queue.poll(), queue);
    }
  }

  private void emitSetup() throws IOException {
    for (Project project : plan.projects) {
      Person manager = plan.managers.get((int) (project.id() % plan.managers.size()));
      long t = project.createdAtMillis();
      SimEvent created = new SimEvent(t, SimEvent.CREATE_PROJECT, manager.ref());
      created.project = project.ref();
      emit(created);
      for (LabelClass cls : project.classes()) {
        SimEvent e = new SimEvent(t += 20 * SECOND, SimEvent.CREATE_CLASS, manager.ref());
        e.project = project.ref();
        e.cls = new Ref(cls.id(), cls.name());
        emit(e);
      }
      for (Dataset dataset : project.datasets()) {
        SimEvent e =
            new SimEvent(dataset.createdAtMillis(), SimEvent.CREATE_DATASET, manager.ref());
        e.project = project.ref();
        e.dataset = dataset.ref();
        emit(e);
      }
    }
  }

  /** Emits a login at the start and a logout at the end of every working day of every member. */
  private void emitSessions() throws IOException {
    LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(plan.startMillis, DAY));
    LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(cutoff, DAY) + 1);
    for (Person p : plan.members) {
      if (p.disabled() || p.role() == Role.VIEWER) {
        continue;
      }
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        if (WorkCalendar.worksOn(p, d)) {
          long jitter = Math.floorMod(Seeds.mix(p.id() ^ d.toEpochDay()), 15 * MINUTE);
          emit(new SimEvent(WorkCalendar.shiftStart(p, d) - jitter, SimEvent.LOGIN, p.ref()));
          emit(new SimEvent(WorkCalendar.shiftEnd(p, d) + jitter, SimEvent.LOGOUT, p.ref()));
        }
      }
    }
  }

  private void emit(SimEvent e) throws IOException {
    if (e.dateMillis < cutoff && e.dateMillis >= plan.startMillis - 5 * DAY) {
      sink.event(e);
    }
  }

  /** The milestones of one job, null where not reached (ever). */
  private static final class Milestones {
    Long stoppedAt;
    Long submittedAt;
    Long reviewedAt;
    Long archivedAt;
  }

  private void simulate(JobPlan jp, PriorityQueue<JobPlan> queue) throws IOException {
    SplittableRandom rng = Seeds.random(plan.seed, jp.key());
    SimJob job = newJob(jp);
    List<SimEvent> events = new ArrayList<>();
    Milestones m = new Milestones();
    if (jp.fate() == Fate.CANCELLED) {
      m.archivedAt = jp.createdAtMillis() + (2 + rng.nextInt(20)) * HOUR;
    } else {
      label(jp, job, rng, events, m);
      if (m.submittedAt != null) {
        List<Integer> rejected = review(jp, job, rng, events, m);
        planRestart(jp, rejected, rng, m, queue);
        if (jp.fate() == Fate.ARCHIVED_AFTER_REVIEW) {
          m.archivedAt = m.reviewedAt + (20 + rng.nextInt(30)) * HOUR;
        }
      }
    }
    for (SimEvent e : events) {
      if (e.dateMillis < cutoff) {
        job.apply(e);
        sink.event(e);
      }
    }
    settle(job, jp, events, m);
    if (jp.fate() != Fate.REMOVED) {
      sink.job(job);
    }
  }

  private SimJob newJob(JobPlan jp) {
    int[] idx = jp.imageIndexes();
    long[] ids = new long[idx.length];
    String[] names = new String[idx.length];
    for (int i = 0; i < idx.length; i++) {
      ids[i] = jp.dataset().imageId(idx[i]);
      names[i] = jp.dataset().imageName(idx[i]);
    }
    SimJob.JobSpec spec =
        new SimJob.JobSpec(
            nextJobId++,
            jp.name(),
            plan.teamId,
            plan.workspace,
            jp.project(),
            jp.dataset(),
            jp.manager(),
            jp.labeler(),
            jp.reviewer(),
            jp.createdAtMillis(),
            1 + (int) (jp.key() % 3),
            jp.project().classes());
    SimJob job = new SimJob(spec, ids, names);
    job.description = jp.round() > 1 ? "Restarted round " + jp.round() : "";
    return job;
  }

  private long cursor(Person p) {
    return cursors.getOrDefault(p.id(), plan.startMillis);
  }

  // ---------------------------------------------------------------- labeling

  private void label(
      JobPlan jp, SimJob job, SplittableRandom rng, List<SimEvent> events, Milestones m) {
    Person labeler = jp.labeler();
    long pickup = jp.createdAtMillis() + (20 + rng.nextInt(240)) * MINUTE;
    long t = WorkCalendar.nextWorkTime(labeler, Math.max(cursor(labeler), pickup));
    int stopAfter = jp.fate() == Fate.STOPPED ? Math.max(1, job.imagesCount() / 2) : -1;
    long lastDone = t;
    for (int i = 0; i < job.imagesCount(); i++) {
      if (i == stopAfter) {
        m.stoppedAt = lastDone + (5 + rng.nextInt(60)) * MINUTE;
        cursors.put(labeler.id(), m.stoppedAt);
        return;
      }
      ImageWork work = labelImage(jp, job, i, t, rng, events);
      lastDone = work.doneAt;
      t = WorkCalendar.nextWorkTime(labeler, work.nextStart);
    }
    m.submittedAt = lastDone + (10 + rng.nextInt(120)) * SECOND;
    cursors.put(labeler.id(), Math.max(t, m.submittedAt));
  }

  /** When an image was finished and when its labeler starts the next one. */
  private record ImageWork(long doneAt, long nextStart) {}

  private ImageWork labelImage(
      JobPlan jp, SimJob job, int i, long start, SplittableRandom rng, List<SimEvent> events) {
    Person p = jp.labeler();
    double seconds = Seeds.logNormal(rng, p.medianSeconds(), p.sigma());
    seconds = Math.min(1800, Math.max(8, seconds * (jp.round() > 1 ? 0.6 : 1.0)));
    long t0 = start;
    if (t0 + (long) (seconds * SECOND) > WorkCalendar.endOfShiftAt(p, t0)) {
      t0 = WorkCalendar.nextWorkTime(p, WorkCalendar.endOfShiftAt(p, t0));
    }
    Ref image = new Ref(job.imageIds[i], job.imageNames[i]);
    drawFigures(jp, job, image, t0, seconds, rng, events);
    long end = t0 + (long) (seconds * SECOND);
    events.add(
        SimEvent.work(end, SimEvent.ANNOTATION_DURATION, p.ref(), job.ref, image)
            .meta(SimEvent.META_DURATION, Math.round(seconds)));
    long doneAt = end + 500 + rng.nextInt(2500);
    events.add(
        SimEvent.work(doneAt, SimEvent.REVIEW_STATUS_UPDATED, p.ref(), job.ref, image)
            .meta(SimEvent.META_REVIEW_STATUS, "done"));
    return new ImageWork(doneAt, doneAt + pause(p, t0, doneAt, rng));
  }

  private void drawFigures(
      JobPlan jp,
      SimJob job,
      Ref image,
      long t0,
      double seconds,
      SplittableRandom rng,
      List<SimEvent> events) {
    double mean = jp.round() > 1 ? 0.8 : jp.project().meanFigures();
    int figures = 1 + Seeds.poisson(rng, Math.max(0, mean - 1));
    double[] share = new double[figures];
    double sum = 0;
    for (int f = 0; f < figures; f++) {
      share[f] = 0.5 + rng.nextDouble();
      sum += share[f];
    }
    double drawing = seconds * 0.85;
    double elapsed = 0;
    Ref user = jp.labeler().ref();
    for (int f = 0; f < figures; f++) {
      double d = drawing * share[f] / sum;
      elapsed += d;
      LabelClass cls = pickClass(jp.project(), rng);
      SimEvent e =
          SimEvent.work(
              t0 + (long) (elapsed * SECOND), SimEvent.CREATE_FIGURE, user, job.ref, image);
      e.cls = new Ref(cls.id(), cls.name());
      e.figureId = nextFigureId++;
      e.figureSeconds = (int) Math.max(1, Math.round(d));
      events.add(e);
      if (rng.nextDouble() < 0.35) {
        long tweak = 500 + (long) (rng.nextDouble() * Math.min(4000, seconds * 100));
        SimEvent u =
            SimEvent.work(e.dateMillis + tweak, SimEvent.UPDATE_FIGURE, user, job.ref, image);
        u.cls = e.cls;
        u.figureId = e.figureId;
        events.add(u);
      }
    }
    List<TagDef> tags = jp.project().tags();
    if (!tags.isEmpty() && rng.nextDouble() < 0.3) {
      TagDef tag = tags.get(rng.nextInt(tags.size()));
      long at = t0 + (long) (Math.min(elapsed + 2, seconds * 0.97) * SECOND);
      SimEvent e = SimEvent.work(at, SimEvent.ATTACH_TAG, user, job.ref, image);
      e.tag = new Ref(tag.id(), tag.name());
      e.meta(tag.value() == null ? null : SimEvent.META_VALUE, tag.value());
      events.add(e);
    }
  }

  private static LabelClass pickClass(Project project, SplittableRandom rng) {
    double total = 0;
    for (LabelClass c : project.classes()) {
      total += c.weight();
    }
    double draw = rng.nextDouble() * total;
    for (LabelClass c : project.classes()) {
      draw -= c.weight();
      if (draw <= 0) {
        return c;
      }
    }
    return project.classes().get(0);
  }

  /** Returns the pause after an image: a few seconds, sometimes a break, lunch at mid-shift. */
  private static long pause(Person p, long imageStart, long doneAt, SplittableRandom rng) {
    long pause = (2 + rng.nextInt(14)) * SECOND;
    double draw = rng.nextDouble();
    if (draw < 0.004) {
      pause += (60 + rng.nextInt(60)) * MINUTE;
    } else if (draw < 0.05) {
      pause += (5 + rng.nextInt(20)) * MINUTE;
    }
    long middle = WorkCalendar.middleOfShiftAt(p, imageStart);
    if (imageStart < middle && doneAt >= middle) {
      pause += (30 + rng.nextInt(20)) * MINUTE;
    }
    return pause;
  }

  // ---------------------------------------------------------------- review

  private List<Integer> review(
      JobPlan jp, SimJob job, SplittableRandom rng, List<SimEvent> events, Milestones m) {
    Person reviewer = jp.reviewer();
    double rejectRate = jp.labeler().rejectRate() / jp.round();
    long pickup = m.submittedAt + (10 + rng.nextInt(480)) * MINUTE;
    long t = WorkCalendar.nextWorkTime(reviewer, Math.max(cursor(reviewer), pickup));
    List<Integer> rejected = new ArrayList<>();
    long last = t;
    for (int i = 0; i < job.imagesCount(); i++) {
      double seconds =
          Math.min(300, Math.max(3, Seeds.logNormal(rng, reviewer.medianSeconds(), 0.5)));
      long at = t + (long) (seconds * SECOND);
      if (at > WorkCalendar.endOfShiftAt(reviewer, t)) {
        at =
            WorkCalendar.nextWorkTime(reviewer, WorkCalendar.endOfShiftAt(reviewer, t))
                + (long) (seconds * SECOND);
      }
      boolean reject = rng.nextDouble() < rejectRate;
      if (reject) {
        rejected.add(i);
      }
      Ref image = new Ref(job.imageIds[i], job.imageNames[i]);
      events.add(
          SimEvent.work(at, SimEvent.REVIEW_STATUS_UPDATED, reviewer.ref(), job.ref, image)
              .meta(SimEvent.META_REVIEW_STATUS, reject ? "rejected" : "accepted"));
      last = at;
      t = WorkCalendar.nextWorkTime(reviewer, at + pause(reviewer, t, at, rng) / 3);
    }
    m.reviewedAt = last + (5 + rng.nextInt(60)) * SECOND;
    cursors.put(reviewer.id(), Math.max(t, m.reviewedAt));
    return rejected;
  }

  private void planRestart(
      JobPlan jp,
      List<Integer> rejected,
      SplittableRandom rng,
      Milestones m,
      PriorityQueue<JobPlan> queue) {
    if (rejected.isEmpty() || jp.round() >= MAX_ROUNDS || jp.fate() == Fate.REMOVED) {
      return;
    }
    if (rng.nextDouble() >= 0.5) {
      return;
    }
    int[] images = new int[rejected.size()];
    for (int k = 0; k < images.length; k++) {
      images[k] = jp.imageIndexes()[rejected.get(k)];
    }
    long createdAt = m.reviewedAt + (20 + rng.nextInt(24 * 60)) * MINUTE;
    String base = jp.round() == 1 ? jp.name() : jp.name().replaceAll(" \\(#\\d+\\)$", "");
    queue.add(
        new JobPlan(
            jp.key() + jp.round() * 1_000_000_000L,
            createdAt,
            base + " (#" + (jp.round() + 1) + ")",
            jp.project(),
            jp.dataset(),
            images,
            jp.manager(),
            jp.labeler(),
            jp.reviewer(),
            jp.round() + 1,
            Fate.NORMAL));
  }

  // ---------------------------------------------------------------- state at the cutoff

  private void settle(SimJob job, JobPlan jp, List<SimEvent> events, Milestones m) {
    for (SimEvent e : events) {
      if (e.dateMillis < cutoff && e.user.id() == jp.labeler().id()) {
        job.startedAt = e.dateMillis;
        break;
      }
    }
    job.status = statusAtCutoff(job, jp, m);
    if (reached(m.submittedAt)) {
      job.annotationFinishedAt = m.submittedAt;
    }
    if (reached(m.reviewedAt)) {
      job.reviewFinishedAt = m.reviewedAt;
      job.finishedAt = m.reviewedAt;
    }
    job.disabled = reached(m.archivedAt);
  }

  private String statusAtCutoff(SimJob job, JobPlan jp, Milestones m) {
    if (reached(m.stoppedAt)) {
      return SimJob.STOPPED;
    }
    if (reached(m.reviewedAt)) {
      return jp.fate() == Fate.REVIEW_COMPLETED ? SimJob.REVIEW_COMPLETED : SimJob.COMPLETED;
    }
    if (reached(m.submittedAt)) {
      return SimJob.ON_REVIEW;
    }
    return job.startedAt != null ? SimJob.IN_PROGRESS : SimJob.PENDING;
  }

  private boolean reached(Long millis) {
    return millis != null && millis < cutoff;
  }
}
