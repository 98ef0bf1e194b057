package dev.labelmeter.simulator;

/**
 * An image tag of a project.
 *
 * @param id tag id
 * @param name tag name
 * @param color hex color
 * @param value the value labelers give it, or null for a tag without value
 */
record TagDef(long id, String name, String color, String value) {}
