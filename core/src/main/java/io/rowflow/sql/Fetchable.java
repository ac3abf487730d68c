package io.rowflow.sql;

/**
 * Something that names relationships to load: a {@link FetchPlan}, or a relationship path of the
 * query DSL such as {@code AUTHOR.books}.
 *
 * @since 0.1
 */
public interface Fetchable {

    /** The plan to load. */
    FetchPlan toFetchPlan();
}
