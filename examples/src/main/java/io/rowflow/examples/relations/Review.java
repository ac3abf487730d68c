package io.rowflow.examples.relations;

import io.rowflow.Ref;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** A review of a novel. */
@Table(name = "lib_review")
public record Review(@Id @GeneratedValue Long id, int stars, @ManyToOne Ref<Novel> novel) {

    /** A new review, for a cascading insert: the novel's id is filled in by Rowflow. */
    public static Review of(int stars) {
        return new Review(null, stars, null);
    }
}
