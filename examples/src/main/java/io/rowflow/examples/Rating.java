package io.rowflow.examples;

import io.rowflow.annotation.EnumLabel;

/** A film's rating: the labels of the PostgreSQL enum type {@code mpaa_rating}. */
public enum Rating {
    G,
    PG,
    @EnumLabel("PG-13") PG_13,   // stored as 'PG-13', which is no Java identifier
    R,
    @EnumLabel("NC-17") NC_17
}
