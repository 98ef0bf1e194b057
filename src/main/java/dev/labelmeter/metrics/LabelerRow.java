package dev.labelmeter.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One labeler's scorecard.
 *
 * @param userId the user
 * @param login the user's login (from jobs, events or members; {@code #<id>} when unknown)
 * @param current the window's figures (serialized inline)
 * @param previous the previous window's figures
 */
public record LabelerRow(
    long userId, String login, @JsonUnwrapped LabelerFigures current, LabelerFigures previous) {}
