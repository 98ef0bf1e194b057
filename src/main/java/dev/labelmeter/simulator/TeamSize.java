package dev.labelmeter.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The size of a synthetic team, from a handful of jobs for unit tests to ten million events. */
public enum TeamSize {
  /** A handful of jobs and three users, for unit tests. */
  SMALL(new Scale(1, 2, 1, 2, 10, 8, 6, 14, 60, 120, 0.20)),
  /** The demo team: 22 people, about 200 jobs over four weeks (about 80 thousand events). */
  MEDIUM(new Scale(2, 14, 4, 4, 28, 150, 20, 80, 150, 400, 0.08)),
  /** About one million events: 102 people, about 1900 jobs over six weeks. */
  LARGE(new Scale(4, 80, 16, 12, 42, 1400, 40, 160, 150, 400, 0.08)),
  /** About ten million events: 492 people, about 20000 jobs over thirteen weeks. */
  XL(new Scale(10, 400, 80, 40, 91, 15000, 40, 160, 150, 400, 0.08));

  private final Scale scale;

  TeamSize(Scale scale) {
    this.scale = scale;
  }

  Scale scale() {
    return scale;
  }

  /** Returns the lower-case name used on the command line, e.g. {@code medium}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the size named {@code text} ({@code small}, {@code medium}, {@code large} or {@code
   * xl}, in any case).
   *
   * @throws IllegalArgumentException naming the bad value and the accepted ones
   */
  public static TeamSize parse(String text) {
    String wanted = text == null ? "" : text.trim();
    for (TeamSize size : values()) {
      if (size.name().equalsIgnoreCase(wanted)) {
        return size;
      }
    }
    String accepted =
        Arrays.stream(values()).map(TeamSize::label).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown team size '" + text + "': use one of " + accepted);
  }

  /**
   * The shape of a team of one size.
   *
   * @param managers people who create jobs
   * @param labelers people who label images
   * @param reviewers people who accept or reject labeled images
   * @param projects labeling projects
   * @param days length of the history before the Monday of {@code now}'s UTC week
   * @param jobs jobs of the first round created over {@code days} (restarted rounds come on top;
   *     the planned week adds jobs at the same daily rate)
   * @param minImages fewest images in a job
   * @param maxImages most images in a job
   * @param minMedianSeconds the fastest labeler's median time per image
   * @param maxMedianSeconds the slowest labeler's median time per image
   * @param maxRejectRate the sloppiest labeler's share of rejected images
   */
  record Scale(
      int managers,
      int labelers,
      int reviewers,
      int projects,
      int days,
      int jobs,
      int minImages,
      int maxImages,
      int minMedianSeconds,
      int maxMedianSeconds,
      double maxRejectRate) {}
}
