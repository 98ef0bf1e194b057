package dev.labelmeter.metrics.tablesaw;

import static dev.labelmeter.metrics.tablesaw.WindowCalendar.CURRENT;

import dev.labelmeter.metrics.Hours;
import dev.labelmeter.metrics.KnownValues;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One pass over the work events in event order that accumulates every event-based figure: idle-gap
 * sessions per user, first {@code done} per (job, image) and per (user, job, image), first decision
 * per image, the latest {@code done} before each decision, and all-time job totals.
 */
final class EventPass {
  private static final long SENSITIVITY_LOW_MICROS = 100 * Hours.MICROS_PER_SECOND;
  private static final long SENSITIVITY_HIGH_MICROS = 900 * Hours.MICROS_PER_SECOND;

  private enum Kind {
    OTHER,
    DONE,
    ACCEPTED,
    REJECTED,
    CREATE_FIGURE,
    ANNOTATION_DURATION
  }

  private record Pair(long jobId, long imageId) {}

  private record UserPair(long userId, long jobId, long imageId) {}

  /** A user's figures per day of the two windows, plus all-time state. */
  static final class UserFigures {
    final long userId;
    final long[] activeMicros;
    final double[] platformSeconds;
    final long[] imagesFinished;
    final long[] objectsCreated;
    final long[] accepted;
    final long[] rejected;
    final long[] firstPassImages;
    final long[] firstPassAccepted;
    final long[] sessions;
    final boolean[] worked;
    String loginFromEvents;
    long paceImages;
    private long lastMicros;
    private boolean hasLast;

    UserFigures(long userId, int days) {
      this.userId = userId;
      activeMicros = new long[days];
      platformSeconds = new double[days];
      imagesFinished = new long[days];
      objectsCreated = new long[days];
      accepted = new long[days];
      rejected = new long[days];
      firstPassImages = new long[days];
      firstPassAccepted = new long[days];
      sessions = new long[days];
      worked = new boolean[days];
    }
  }

  /** The team's figures per day of the two windows. */
  static final class TeamDays {
    final long[] activeMicros;
    final long[] activeMicrosLow;
    final long[] activeMicrosHigh;
    final double[] platformSeconds;
    final long[] imagesFinished;
    final long[] objectsCreated;
    final long[] accepted;
    final long[] rejected;
    final long[] firstPassImages;
    final long[] firstPassAccepted;
    final DoubleBag[] turnaround = {new DoubleBag(), new DoubleBag()};

    TeamDays(int days) {
      activeMicros = new long[days];
      activeMicrosLow = new long[days];
      activeMicrosHigh = new long[days];
      platformSeconds = new double[days];
      imagesFinished = new long[days];
      objectsCreated = new long[days];
      accepted = new long[days];
      rejected = new long[days];
      firstPassImages = new long[days];
      firstPassAccepted = new long[days];
    }
  }

  /** A reviewer's decisions in the window. */
  static final class ReviewerFigures {
    long accepted;
    long rejected;
    long withoutDone;
    final DoubleBag turnaround = new DoubleBag();
  }

  /** A job's all-time totals and its window turnaround. */
  static final class JobFigures {
    long activeMicros;
    double platformSeconds;
    Long lastMicros;
    final DoubleBag turnaround = new DoubleBag();
  }

  private final WindowCalendar calendar;
  private final JobIndex jobIndex;
  private final long thresholdMicros;
  private final long paceFromExclusive;
  private final long paceToInclusive;

  final Map<Long, UserFigures> users = new LinkedHashMap<>();
  final TeamDays team;
  final Map<Long, ReviewerFigures> reviewers = new HashMap<>();
  final Map<Long, JobFigures> jobs = new HashMap<>();
  long decisionsWithoutDone;

  private final Map<Pair, Long> lastDone = new HashMap<>();
  private final Set<UserPair> userDone = new HashSet<>();
  private final Set<Long> decidedImages = new HashSet<>();

  EventPass(WindowCalendar calendar, JobIndex jobIndex, long thresholdMicros, long snapshotMicros) {
    this.calendar = calendar;
    this.jobIndex = jobIndex;
    this.thresholdMicros = thresholdMicros;
    this.paceToInclusive = snapshotMicros;
    this.paceFromExclusive = snapshotMicros - 7 * Hours.MICROS_PER_DAY;
    this.team = new TeamDays(2 * calendar.days());
  }

  /** Returns, per job id, the (job, image) pairs with at least one {@code done}, all time. */
  Map<Long, Long> imagesFinishedByJob() {
    Map<Long, Long> counts = new HashMap<>();
    lastDone.keySet().forEach(pair -> counts.merge(pair.jobId(), 1L, Long::sum));
    return counts;
  }

  /** Accumulates every row of {@code events}, which must be in event order. */
  void run(Table events) {
    LongColumn instant = events.longColumn("instantMicros");
    LongColumn userId = events.longColumn("userId");
    StringColumn user = events.stringColumn("user");
    StringColumn action = events.stringColumn("action");
    StringColumn reviewStatus = events.stringColumn("reviewStatus");
    DoubleColumn duration = events.doubleColumn("durationSeconds");
    LongColumn jobId = events.longColumn("jobId");
    LongColumn imageId = events.longColumn("imageId");
    for (int row = 0; row < events.rowCount(); row++) {
      long t = instant.getLong(row);
      int day = calendar.dayIndex(t);
      long job = jobId.getLong(row);
      Long image = JsonValues.get(imageId, row);
      Kind kind = kind(action.get(row), reviewStatus.get(row));
      JobFigures jobFigures = jobs.computeIfAbsent(job, id -> new JobFigures());
      jobFigures.lastMicros = t;
      UserFigures who = userId.isMissing(row) ? null : user(userId.getLong(row));
      if (who != null) {
        rememberLogin(who, user, row);
        session(who, t, day, jobFigures);
      }
      switch (kind) {
        case ANNOTATION_DURATION -> platform(who, day, jobFigures, JsonValues.get(duration, row));
        case CREATE_FIGURE -> created(who, day);
        case DONE -> done(who, t, day, job, image);
        case ACCEPTED, REJECTED -> decision(who, t, day, job, image, kind == Kind.ACCEPTED);
        default -> {}
      }
    }
  }

  private static Kind kind(String action, String reviewStatus) {
    if (KnownValues.ACTION_REVIEW_STATUS_UPDATED.equals(action)) {
      return switch (reviewStatus == null ? "" : reviewStatus) {
        case KnownValues.REVIEW_DONE -> Kind.DONE;
        case KnownValues.REVIEW_ACCEPTED -> Kind.ACCEPTED;
        case KnownValues.REVIEW_REJECTED -> Kind.REJECTED;
        default -> Kind.OTHER;
      };
    }
    if (KnownValues.ACTION_CREATE_FIGURE.equals(action)) {
      return Kind.CREATE_FIGURE;
    }
    return KnownValues.ACTION_ANNOTATION_DURATION.equals(action)
        ? Kind.ANNOTATION_DURATION
        : Kind.OTHER;
  }

  private UserFigures user(long id) {
    return users.computeIfAbsent(id, key -> new UserFigures(key, 2 * calendar.days()));
  }

  private static void rememberLogin(UserFigures who, StringColumn user, int row) {
    if (who.loginFromEvents == null && !user.isMissing(row)) {
      who.loginFromEvents = user.get(row);
    }
  }

  /** Idle-gap sessions: a gap up to the threshold is active, credited to the later event. */
  private void session(UserFigures who, long t, int day, JobFigures job) {
    long gap = t - who.lastMicros;
    boolean continues = who.hasLast && gap <= thresholdMicros;
    if (continues) {
      job.activeMicros += gap;
    }
    if (day >= 0) {
      who.worked[day] = true;
      if (continues) {
        who.activeMicros[day] += gap;
        team.activeMicros[day] += gap;
      } else {
        who.sessions[day]++;
      }
      if (who.hasLast && gap <= SENSITIVITY_LOW_MICROS) {
        team.activeMicrosLow[day] += gap;
      }
      if (who.hasLast && gap <= SENSITIVITY_HIGH_MICROS) {
        team.activeMicrosHigh[day] += gap;
      }
    }
    who.lastMicros = t;
    who.hasLast = true;
  }

  private void platform(UserFigures who, int day, JobFigures job, Double seconds) {
    if (seconds == null) {
      return;
    }
    job.platformSeconds += seconds;
    if (day >= 0) {
      team.platformSeconds[day] += seconds;
      if (who != null) {
        who.platformSeconds[day] += seconds;
      }
    }
  }

  private void created(UserFigures who, int day) {
    if (day >= 0) {
      team.objectsCreated[day]++;
      if (who != null) {
        who.objectsCreated[day]++;
      }
    }
  }

  private void done(UserFigures who, long t, int day, long job, Long image) {
    if (image == null) {
      return;
    }
    boolean firstForTeam = lastDone.put(new Pair(job, image), t) == null;
    if (firstForTeam && day >= 0) {
      team.imagesFinished[day]++;
    }
    if (who != null && userDone.add(new UserPair(who.userId, job, image))) {
      if (day >= 0) {
        who.imagesFinished[day]++;
      }
      if (t > paceFromExclusive && t <= paceToInclusive) {
        who.paceImages++;
      }
    }
  }

  private void decision(UserFigures who, long t, int day, long job, Long image, boolean ok) {
    Long labelerId = jobIndex.labelerOf(job);
    UserFigures labeler = labelerId == null ? null : user(labelerId);
    if (day >= 0) {
      (ok ? team.accepted : team.rejected)[day]++;
      if (labeler != null) {
        (ok ? labeler.accepted : labeler.rejected)[day]++;
      }
      turnaround(who, t, calendar.windowOf(day), job, image, ok);
    }
    if (image != null && decidedImages.add(image) && day >= 0) {
      team.firstPassImages[day]++;
      team.firstPassAccepted[day] += ok ? 1 : 0;
      if (labeler != null) {
        labeler.firstPassImages[day]++;
        labeler.firstPassAccepted[day] += ok ? 1 : 0;
      }
    }
  }

  private void turnaround(UserFigures who, long t, int window, long job, Long image, boolean ok) {
    Long doneAt = image == null ? null : lastDone.get(new Pair(job, image));
    Double seconds = doneAt == null ? null : Hours.secondsFromMicros(t - doneAt);
    if (seconds != null) {
      team.turnaround[window].add(seconds);
    }
    if (window != CURRENT) {
      return;
    }
    if (seconds == null) {
      decisionsWithoutDone++;
    } else {
      jobs.get(job).turnaround.add(seconds);
    }
    if (who != null) {
      ReviewerFigures reviewer = reviewers.computeIfAbsent(who.userId, id -> new ReviewerFigures());
      if (ok) {
        reviewer.accepted++;
      } else {
        reviewer.rejected++;
      }
      if (seconds == null) {
        reviewer.withoutDone++;
      } else {
        reviewer.turnaround.add(seconds);
      }
    }
  }
}
