package dev.labelmeter.simulator;

/**
 * An id with its display name, as the activity log and job objects carry them side by side.
 *
 * @param id the id
 * @param name the name or login; may be null when the server would send null
 */
record Ref(long id, String name) {}
