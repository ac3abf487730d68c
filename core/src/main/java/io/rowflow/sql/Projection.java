package io.rowflow.sql;

import java.util.List;

/**
 * What a select returns per row.
 *
 * @param <T> the row type
 * @since 0.1
 */
public sealed interface Projection<T> {

    /**
     * Whole entities of one table of the query.
     *
     * @param table the table whose entity is returned
     * @param entityType the entity class
     */
    record Entity<T>(TableRef table, Class<T> entityType) implements Projection<T> {
    }

    /**
     * Values of expressions, passed in order to a constructor of {@code type} (a record's canonical
     * constructor, or a class's constructor with that many parameters), or to a
     * {@link RowValues} handler.
     *
     * @param type the result type
     * @param expressions the selected expressions
     * @param factory creates the result from the values read, typed by {@code valueTypes}
     * @param valueTypes the Java type each expression is read as
     */
    record Values<T>(Class<T> type, List<Expression> expressions, RowValues<T> factory,
                     List<Class<?>> valueTypes) implements Projection<T> {
        /** Copies the lists. */
        public Values {
            expressions = List.copyOf(expressions);
            valueTypes = List.copyOf(valueTypes);
        }
    }

    /**
     * Builds a result from the values of one row.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface RowValues<T> {
        /** Creates the result; {@code values} holds one entry per expression. */
        T create(Object[] values);
    }
}
