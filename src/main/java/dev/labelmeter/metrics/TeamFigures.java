package dev.labelmeter.metrics;

/**
 * The team's figures for one window.
 *
 * @param teamActiveHours active time of all users, in hours
 * @param teamPlatformHours platform time ({@code annotation_duration}) of all users, in hours
 * @param teamImagesFinished (job, image) pairs whose first {@code done} falls in the window
 * @param teamObjectsCreated {@code create_figure} events in the window
 * @param imagesPerActiveHour images finished per active hour; null when active hours are 0
 * @param objectsPerActiveHour objects created per active hour; null when active hours are 0
 * @param accepted {@code accepted} decisions in the window
 * @param rejected {@code rejected} decisions in the window
 * @param acceptanceRate accepted / (accepted + rejected); null when both are 0
 * @param firstPassImages images whose first decision ever falls in the window
 * @param firstPassAcceptance share of those whose first decision is {@code accepted}; null when
 *     there are none
 * @param turnaroundMedianSeconds median review turnaround of the window's decisions
 * @param turnaroundP90Seconds 90th percentile (nearest rank) of the same
 * @param activeUsers users with a work event in the window
 * @param activeHoursAt100s team active hours with a 100 s idle threshold (sensitivity)
 * @param activeHoursAt900s team active hours with a 900 s idle threshold (sensitivity)
 */
public record TeamFigures(
    double teamActiveHours,
    double teamPlatformHours,
    long teamImagesFinished,
    long teamObjectsCreated,
    Double imagesPerActiveHour,
    Double objectsPerActiveHour,
    long accepted,
    long rejected,
    Double acceptanceRate,
    long firstPassImages,
    Double firstPassAcceptance,
    Double turnaroundMedianSeconds,
    Double turnaroundP90Seconds,
    long activeUsers,
    double activeHoursAt100s,
    double activeHoursAt900s) {}
