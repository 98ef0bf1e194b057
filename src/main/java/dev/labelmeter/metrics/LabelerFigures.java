package dev.labelmeter.metrics;

/**
 * A labeler's figures for one window. Hours are full precision; rates are fractions.
 *
 * @param activeHours active time credited to the window's dates, in hours
 * @param platformHours platform time in the window, in hours
 * @param imagesFinished (job, image) pairs whose first {@code done} by this user is in the window
 * @param objectsCreated {@code create_figure} events by the user in the window
 * @param imagesPerActiveHour null when active hours are 0
 * @param objectsPerActiveHour null when active hours are 0
 * @param accepted decisions {@code accepted} in the window on images of this user's jobs
 * @param rejected decisions {@code rejected} in the window on images of this user's jobs
 * @param acceptanceRate accepted / (accepted + rejected); null when both are 0
 * @param firstPassImages images attributed to this labeler whose first decision ever is in the
 *     window
 * @param firstPassAcceptance share of those first accepted; null when there are none
 * @param sessions sessions that start in the window
 * @param daysActive local dates of the window with at least one work event of the user
 */
public record LabelerFigures(
    double activeHours,
    double platformHours,
    long imagesFinished,
    long objectsCreated,
    Double imagesPerActiveHour,
    Double objectsPerActiveHour,
    long accepted,
    long rejected,
    Double acceptanceRate,
    long firstPassImages,
    Double firstPassAcceptance,
    long sessions,
    long daysActive) {}
