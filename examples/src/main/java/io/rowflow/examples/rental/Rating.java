package io.rowflow.examples.rental;

import io.rowflow.annotation.EnumLabel;

/** The labels of the {@code mpaa_rating} enum type; two of them are not Java identifiers. */
public enum Rating {
    G,
    PG,
    @EnumLabel("PG-13") PG_13,
    R,
    @EnumLabel("NC-17") NC_17
}
