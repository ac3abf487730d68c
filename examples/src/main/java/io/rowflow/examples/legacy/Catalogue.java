package io.rowflow.examples.legacy;

/** A catalogue a film belongs to, from a module that knows nothing of Rowflow. */
public record Catalogue(String code, String title) {
}
