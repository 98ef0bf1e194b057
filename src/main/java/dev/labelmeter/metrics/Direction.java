package dev.labelmeter.metrics;

/**
 * Which way a figure is better, so that a report can say whether a change is an improvement: a
 * higher acceptance rate is better, a longer review turnaround is worse, and more active hours are
 * neither (effort, not a result).
 */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  /** Neither way is better: the change is shown without a judgement. */
  NEUTRAL;

  /** What a change means for a figure of some direction. */
  public enum Judgement {
    BETTER,
    WORSE,
    /** No change, or a change of a neutral figure. */
    NONE
  }

  /**
   * Returns whether {@code change} (this window's value minus the previous one) is an improvement,
   * a setback or neither.
   *
   * <pre>{@code
   * Direction.LOWER_IS_BETTER.judge(-0.5) // BETTER: the turnaround got shorter
   * Direction.HIGHER_IS_BETTER.judge(-0.5) // WORSE
   * Direction.NEUTRAL.judge(3)            // NONE
   * }</pre>
   */
  public Judgement judge(double change) {
    if (this == NEUTRAL || change == 0 || Double.isNaN(change)) {
      return Judgement.NONE;
    }
    boolean up = change > 0;
    return up == (this == HIGHER_IS_BETTER) ? Judgement.BETTER : Judgement.WORSE;
  }
}
