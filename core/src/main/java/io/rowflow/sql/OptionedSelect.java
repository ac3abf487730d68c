package io.rowflow.sql;

/** A statement and the options it runs with ({@link Selectable#of}). */
record OptionedSelect<T>(SelectStatement<T> statement, QueryOptions options) implements Selectable<T> {

    @Override
    public SelectStatement<T> toStatement() {
        return statement;
    }
}
