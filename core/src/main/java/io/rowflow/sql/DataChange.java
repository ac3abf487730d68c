package io.rowflow.sql;

/**
 * Anything that can be turned into a {@link DataChangeStatement}: the statement itself, or an
 * update/delete step of the query DSL. {@link io.rowflow.Database#execute(DataChange)} runs it.
 *
 * @since 0.1
 */
public interface DataChange {

    /** The statement to run. */
    DataChangeStatement toStatement();
}
