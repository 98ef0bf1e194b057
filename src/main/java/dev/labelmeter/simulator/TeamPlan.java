package dev.labelmeter.simulator;

import static java.time.temporal.TemporalAdjusters.previousOrSame;

import dev.labelmeter.simulator.JobPlan.Fate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people, projects, datasets and first-round jobs of a synthetic team: everything decided
 * before the simulation runs. Depends only on the size, the seed and the UTC week of the anchor
 * instant: the plan covers the {@code days} before that week's Monday and the whole week, so every
 * anchor in the same week gives the same plan, and so the same history up to any cutoff.
 */
final class TeamPlan {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final int WEEK_DAYS = 7;
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Kolkata"),
          ZoneOffset.UTC,
          ZoneId.of("Europe/Kyiv"),
          ZoneId.of("America/Sao_Paulo"),
          ZoneId.of("Asia/Manila"),
          ZoneId.of("Africa/Nairobi"));
  private static final String[] FIRST =
      ("Ana Ben Chen Dara Elif Femi Gita Hugo Iris Jonas Kofi Lena Mateo Nia Omar Pia Quinn Ravi"
              + " Sofia Tomas Uma Viktor Wen Yara Zane Amir Bea Carlos Dmytro Eva")
          .split(" ");
  private static final String[] LAST =
      ("Silva Novak Okafor Kim Yilmaz Adeyemi Rao Martin Petrov Weber Mensah Costa Haddad Sato"
              + " Ivanova Reyes Dubois Nguyen Larsen Moreau")
          .split(" ");
  private static final String[] PROJECT_NAMES = {
    "Street scenes", "Retail shelves", "Crop health", "Streets & \"Signs\" <v2>",
        "Warehouse pallets",
    "Drone roofs", "Medical slides", "Parking lots", "Wind turbines", "Solar panels"
  };
  private static final String[][] CLASS_POOL = {
    {"car", "polygon"},
    {"person", "polygon"},
    {"bicycle", "rectangle"},
    {"traffic sign", "rectangle"},
    {"lane", "line"},
    {"tree", "bitmap"},
    {"building", "polygon"},
    {"pallet", "rectangle"},
    {"product", "rectangle"},
    {"price tag", "rectangle"},
    {"leaf", "polygon"},
    {"weed", "bitmap"},
    {"keypoint", "point"},
    {"crack", "line"},
    {"panel", "polygon"},
    {"cell", "bitmap"}
  };
  private static final String[] COLORS = {
    "#ED68A1", "#65D37C", "#BE55CE", "#F5A623", "#4A90E2", "#50E3C2", "#B8E986", "#9013FE"
  };

  final TeamSize size;
  final long seed;
  final long anchorMillis;
  final long startMillis;
  final long weekStartMillis;
  final long teamId;
  final String teamName;
  final Ref workspace;
  final List<Person> members = new ArrayList<>();
  final List<Person> managers = new ArrayList<>();
  final List<Person> labelers = new ArrayList<>();
  final List<Person> reviewers = new ArrayList<>();
  final List<Project> projects = new ArrayList<>();
  final List<JobPlan> jobs = new ArrayList<>();

  private final TeamSize.Scale scale;
  private final SplittableRandom rng;
  private long nextId;

  private TeamPlan(TeamSize size, long seed, Instant anchor) {
    this.size = size;
    this.seed = seed;
    this.scale = size.scale();
    this.anchorMillis = anchor.toEpochMilli();
    this.weekStartMillis = weekStart(anchor);
    this.startMillis = weekStartMillis - scale.days() * DAY;
    this.teamId = 100 + Math.floorMod(seed, 900);
    this.teamName = "Labeling team " + teamId;
    this.workspace = new Ref(teamId * 10 + 1, "Main workspace");
    this.rng = Seeds.random(seed, -1);
  }

  /**
   * Returns the plan of the team of {@code size} and {@code seed} for the UTC week of {@code
   * anchor}: the same for every anchor from that Monday 00:00 UTC to the next.
   */
  static TeamPlan create(TeamSize size, long seed, Instant anchor) {
    TeamPlan plan = new TeamPlan(size, seed, anchor);
    plan.planPeople();
    List<ProjectDraft> drafts = plan.draftProjects();
    List<JobDraft> jobDrafts = plan.draftJobs(drafts);
    plan.finishProjects(drafts);
    plan.finishJobs(jobDrafts, drafts);
    return plan;
  }

  /** Returns Monday 00:00 UTC of the week of {@code anchor}. */
  private static long weekStart(Instant anchor) {
    LocalDate monday =
        anchor.atOffset(ZoneOffset.UTC).toLocalDate().with(previousOrSame(DayOfWeek.MONDAY));
    return monday.toEpochDay() * DAY;
  }

  Person member(long userId) {
    for (Person p : members) {
      if (p.id() == userId) {
        return p;
      }
    }
    return null;
  }

  private void planPeople() {
    nextId = 1000 + teamId * 10_000L;
    Set<String> logins = new HashSet<>();
    for (int i = 0; i < scale.managers(); i++) {
      managers.add(person(Role.MANAGER, i, logins, false));
    }
    for (int i = 0; i < scale.labelers(); i++) {
      labelers.add(person(Role.LABELER, i, logins, false));
    }
    for (int i = 0; i < scale.reviewers(); i++) {
      reviewers.add(person(Role.REVIEWER, i, logins, false));
    }
    members.addAll(managers);
    members.addAll(labelers);
    members.addAll(reviewers);
    members.add(person(Role.VIEWER, 0, logins, false));
    if (size != TeamSize.SMALL) {
      members.add(person(Role.LABELER, scale.labelers(), logins, true));
    }
  }

  private Person person(Role role, int index, Set<String> logins, boolean disabled) {
    long id = nextId++;
    String first = FIRST[rng.nextInt(FIRST.length)];
    String last = LAST[rng.nextInt(LAST.length)];
    String name = first + " " + last;
    if (role == Role.LABELER && index == 1) {
      first = "Zoë";
      last = "O'Brien";
      name = "Zoë O'Brien";
    }
    String login = uniqueLogin(first + "." + last, logins);
    ZoneId zone = ZONES.get((int) ((id + role.ordinal()) % ZONES.size()));
    if (role == Role.LABELER && index < 2) {
      zone = ZONES.get(index);
    }
    boolean labels = role == Role.LABELER;
    double median =
        labels
            ? Seeds.between(rng, scale.minMedianSeconds(), scale.maxMedianSeconds())
            : Seeds.between(rng, 12, 40);
    return new Person(
        id,
        login,
        name,
        role,
        zone,
        (int) Seeds.between(rng, 7 * 60, 10.5 * 60),
        (int) Seeds.between(rng, 7 * 60, 9 * 60),
        rng.nextInt(10) == 0,
        median,
        Seeds.between(rng, 0.35, 0.7),
        Seeds.between(rng, 0.02, scale.maxRejectRate()),
        disabled,
        startMillis - (30 + rng.nextInt(300)) * DAY);
  }

  private static String uniqueLogin(String base, Set<String> logins) {
    String clean =
        java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD)
            .replaceAll("[^A-Za-z.]", "")
            .toLowerCase(java.util.Locale.ROOT);
    String login = clean;
    for (int n = 2; !logins.add(login); n++) {
      login = clean + n;
    }
    return login;
  }

  /** A project whose datasets grow while jobs are drafted. */
  private static final class ProjectDraft {
    long id;
    String name;
    List<LabelClass> classes = new ArrayList<>();
    List<TagDef> tags = new ArrayList<>();
    List<int[]> datasetUse = new ArrayList<>();
    List<Dataset> datasets = new ArrayList<>();
    List<Person> labelers = new ArrayList<>();
    List<Person> reviewers = new ArrayList<>();
    Long queueId;
    double meanFigures;
    long createdAt;
    Project project;
  }

  private List<ProjectDraft> draftProjects() {
    List<ProjectDraft> drafts = new ArrayList<>();
    for (int p = 0; p < scale.projects(); p++) {
      ProjectDraft d = new ProjectDraft();
      d.id = teamId * 100 + p + 1;
      String base = PROJECT_NAMES[p % PROJECT_NAMES.length];
      d.name = p < PROJECT_NAMES.length ? base : base + " " + (p / PROJECT_NAMES.length + 1);
      d.queueId = p % 4 == 1 ? Long.valueOf(teamId * 10 + p) : null;
      d.meanFigures = Seeds.between(rng, 1.5, 5);
      d.createdAt = startMillis - (1 + rng.nextInt(3)) * DAY + rng.nextInt(8) * HOUR;
      addClasses(d);
      addTags(d);
      drafts.add(d);
    }
    assignStaff(drafts);
    return drafts;
  }

  private void addClasses(ProjectDraft d) {
    int count = 2 + rng.nextInt(5);
    int offset = rng.nextInt(CLASS_POOL.length);
    for (int c = 0; c < count; c++) {
      String[] cls = CLASS_POOL[(offset + c * 3) % CLASS_POOL.length];
      d.classes.add(
          new LabelClass(
              d.id * 100 + c + 1, cls[0], cls[1], COLORS[c % COLORS.length], 1.0 / (c + 1)));
    }
  }

  private void addTags(ProjectDraft d) {
    String[][] pool = {{"night", null}, {"blurry", null}, {"weather", "rain"}, {"quality", "good"}};
    int count = 1 + rng.nextInt(3);
    for (int t = 0; t < count; t++) {
      d.tags.add(
          new TagDef(d.id * 100 + 50 + t, pool[t][0], COLORS[(t + 3) % COLORS.length], pool[t][1]));
    }
  }

  private void assignStaff(List<ProjectDraft> drafts) {
    for (int i = 0; i < labelers.size(); i++) {
      drafts.get(i % drafts.size()).labelers.add(labelers.get(i));
      if (rng.nextInt(3) == 0 && drafts.size() > 1) {
        drafts.get((i + 1) % drafts.size()).labelers.add(labelers.get(i));
      }
    }
    for (int i = 0; i < Math.max(reviewers.size(), drafts.size()); i++) {
      drafts.get(i % drafts.size()).reviewers.add(reviewers.get(i % reviewers.size()));
    }
    for (ProjectDraft d : drafts) {
      if (d.labelers.isEmpty()) {
        d.labelers.add(labelers.get(rng.nextInt(labelers.size())));
      }
    }
  }

  /** A first-round job before the datasets' image ids are known. */
  private record JobDraft(
      int index,
      long createdAt,
      ProjectDraft project,
      int datasetIndex,
      int firstImage,
      int images,
      Person labeler,
      Person reviewer,
      Person manager,
      Fate fate) {}

  private List<JobDraft> draftJobs(List<ProjectDraft> drafts) {
    List<JobDraft> list = new ArrayList<>();
    // Jobs are spread over the whole planned week, not up to the anchor, so that a later anchor
    // in the same week draws the same creation times; their number keeps the per-day rate.
    long first = startMillis + 6 * HOUR;
    long last = weekStartMillis + WEEK_DAYS * DAY - 2 * HOUR;
    int count = scale.jobs() * (scale.days() + WEEK_DAYS) / scale.days();
    for (int j = 0; j < count; j++) {
      Person labeler = labelers.get(j % labelers.size());
      ProjectDraft project = projectOf(labeler, drafts);
      Person reviewer = project.reviewers.get(rng.nextInt(project.reviewers.size()));
      Person manager = managers.get(rng.nextInt(managers.size()));
      int images = scale.minImages() + rng.nextInt(scale.maxImages() - scale.minImages() + 1);
      long createdAt = first + (long) (rng.nextDouble() * (last - first));
      int[] slot = datasetSlot(project, images);
      list.add(
          new JobDraft(
              j, createdAt, project, slot[0], slot[1], images, labeler, reviewer, manager, null));
    }
    list.sort((a, b) -> Long.compare(a.createdAt(), b.createdAt()));
    return assignFates(list);
  }

  private ProjectDraft projectOf(Person labeler, List<ProjectDraft> drafts) {
    List<ProjectDraft> own = new ArrayList<>();
    for (ProjectDraft d : drafts) {
      if (d.labelers.contains(labeler)) {
        own.add(d);
      }
    }
    return own.get(rng.nextInt(own.size()));
  }

  /** Returns {dataset index, first image} for a job of {@code images} images in the project. */
  private int[] datasetSlot(ProjectDraft project, int images) {
    int perDataset = Math.max(3000, images);
    if (project.datasetUse.isEmpty()
        || project.datasetUse.get(project.datasetUse.size() - 1)[0] + images > perDataset) {
      project.datasetUse.add(new int[] {0});
    }
    int index = project.datasetUse.size() - 1;
    int firstImage = project.datasetUse.get(index)[0];
    project.datasetUse.get(index)[0] += images;
    return new int[] {index, firstImage};
  }

  /** Gives a few early jobs a special fate so that every status shows up in every size. */
  private List<JobDraft> assignFates(List<JobDraft> sorted) {
    List<JobDraft> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      out.add(withFate(sorted.get(i), fateOf(i, sorted.size())));
    }
    return out;
  }

  private Fate fateOf(int position, int total) {
    if (position == 1) {
      return Fate.STOPPED;
    }
    if (position == 2) {
      return Fate.ARCHIVED_AFTER_REVIEW;
    }
    if (position == 3) {
      return Fate.CANCELLED;
    }
    if (size != TeamSize.SMALL && position == 4) {
      return Fate.REVIEW_COMPLETED;
    }
    if (size != TeamSize.SMALL && position == 5) {
      return Fate.REMOVED;
    }
    if (position < 6 || position > total - 3) {
      return Fate.NORMAL;
    }
    double draw = rng.nextDouble();
    if (draw < 0.02) {
      return Fate.STOPPED;
    }
    if (draw < 0.08) {
      return Fate.ARCHIVED_AFTER_REVIEW;
    }
    return draw < 0.10 ? Fate.CANCELLED : Fate.NORMAL;
  }

  private static JobDraft withFate(JobDraft d, Fate fate) {
    return new JobDraft(
        d.index(),
        d.createdAt(),
        d.project(),
        d.datasetIndex(),
        d.firstImage(),
        d.images(),
        d.labeler(),
        d.reviewer(),
        d.manager(),
        fate);
  }

  private void finishProjects(List<ProjectDraft> drafts) {
    long nextDatasetId = teamId * 1000 + 1;
    long nextImageId = teamId * 100_000_000L + 1;
    for (ProjectDraft d : drafts) {
      for (int k = 0; k < d.datasetUse.size(); k++) {
        int used = d.datasetUse.get(k)[0];
        int count = used + Math.max(2, used / 10);
        String name = datasetName(d, k);
        d.datasets.add(
            new Dataset(nextDatasetId++, name, d.id, nextImageId, count, d.createdAt + HOUR));
        nextImageId += count;
      }
      d.project =
          new Project(
              d.id,
              d.name,
              List.copyOf(d.classes),
              List.copyOf(d.tags),
              List.copyOf(d.datasets),
              d.queueId,
              List.copyOf(d.labelers),
              List.copyOf(d.reviewers),
              d.meanFigures,
              d.createdAt);
      projects.add(d.project);
    }
  }

  private static String datasetName(ProjectDraft d, int k) {
    if (k == 1 && d.id % 100 == 1) {
      return "=night shots";
    }
    return "batch_" + String.format("%02d", k + 1);
  }

  private void finishJobs(List<JobDraft> drafts, List<ProjectDraft> projectDrafts) {
    for (JobDraft d : drafts) {
      Dataset dataset = d.project().datasets.get(d.datasetIndex());
      int[] indexes = new int[d.images()];
      for (int i = 0; i < indexes.length; i++) {
        indexes[i] = d.firstImage() + i;
      }
      String name = d.project().name + " / " + dataset.name() + " #" + (d.index() + 1);
      jobs.add(
          new JobPlan(
              d.index() + 1,
              d.createdAt(),
              name,
              d.project().project,
              dataset,
              indexes,
              d.manager(),
              d.labeler(),
              d.reviewer(),
              1,
              d.fate()));
    }
  }
}
