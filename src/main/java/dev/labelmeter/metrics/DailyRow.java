package dev.labelmeter.metrics;

import java.time.LocalDate;

/**
 * The team's figures for one local date of the window.
 *
 * @param date the local date in the report zone
 * @param activeHours active time credited to the date, in hours
 * @param platformHours platform time of the date, in hours
 * @param imagesFinished first {@code done} per (job, image) on the date
 * @param objectsCreated {@code create_figure} events on the date
 * @param accepted {@code accepted} decisions on the date
 * @param rejected {@code rejected} decisions on the date
 * @param activeUsers users with a work event on the date
 */
public record DailyRow(
    LocalDate date,
    double activeHours,
    double platformHours,
    long imagesFinished,
    long objectsCreated,
    long accepted,
    long rejected,
    long activeUsers) {}
