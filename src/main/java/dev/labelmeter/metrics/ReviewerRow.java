package dev.labelmeter.metrics;

/**
 * One reviewer's decisions in the window.
 *
 * @param userId the reviewer
 * @param login the reviewer's login
 * @param decisions accepted + rejected
 * @param accepted {@code accepted} decisions
 * @param rejected {@code rejected} decisions
 * @param turnaroundMedianSeconds median turnaround; null when no decision has a prior {@code done}
 * @param turnaroundP90Seconds 90th percentile turnaround (nearest rank)
 * @param decisionsWithoutDone decisions with no prior {@code done} on the same (job, image)
 */
public record ReviewerRow(
    long userId,
    String login,
    long decisions,
    long accepted,
    long rejected,
    Double turnaroundMedianSeconds,
    Double turnaroundP90Seconds,
    long decisionsWithoutDone) {}
