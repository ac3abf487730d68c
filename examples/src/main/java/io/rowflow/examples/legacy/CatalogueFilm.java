package io.rowflow.examples.legacy;

import io.rowflow.Ref;

/** A film of a catalogue, from a module that knows nothing of Rowflow. */
public record CatalogueFilm(Long id, String name, int year, Integer revision, Ref<Catalogue> catalogue) {
}
