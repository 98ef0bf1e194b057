package dev.labelmeter.simulator;

/**
 * A class of objects to label.
 *
 * @param id class id
 * @param name class name
 * @param shape geometry, e.g. {@code polygon}
 * @param color hex color
 * @param weight how often labelers draw it, relative to the project's other classes
 */
record LabelClass(long id, String name, String shape, String color, double weight) {}
