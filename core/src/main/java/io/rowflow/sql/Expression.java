package io.rowflow.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node of the query model that yields a value: a column, a bound value, a function call,
 * arithmetic, an aggregate or a scalar subquery. Untyped on purpose: the typed DSL in
 * rowflow-reactive-query builds these, and core renders them for a dialect.
 *
 * @since 0.1
 */
public sealed interface Expression {

    /**
     * A mapped property of an entity in the query.
     *
     * @param table the table reference the property belongs to (by alias)
     * @param propertyPath the property path, such as {@code title} or {@code address.city}
     */
    record Column(TableRef table, String propertyPath) implements Expression {
        /** Checks the arguments. */
        public Column {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(propertyPath, "propertyPath");
        }
    }

    /**
     * A value sent as a bind parameter, never inlined. When compared with a {@link Column} it is
     * converted the way that column stores values (so an ordinal enum compares as its ordinal).
     *
     * @param value the Java value; {@code null} renders as {@code NULL}
     */
    record Value(@Nullable Object value) implements Expression {
    }

    /**
     * A portable scalar function.
     *
     * @param function the function
     * @param arguments its arguments
     */
    record Function(SqlFunction function, List<Expression> arguments) implements Expression {
        /** Copies the arguments. */
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Binary arithmetic.
     *
     * @param operator the operator
     * @param left left operand
     * @param right right operand
     */
    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {
    }

    /**
     * An aggregate over the rows of a group.
     *
     * @param function the aggregate
     * @param argument what is aggregated; {@code null} only for {@code COUNT(*)}
     * @param distinct whether only distinct values count
     */
    record Aggregate(AggregateFunction function, @Nullable Expression argument, boolean distinct) implements Expression {
    }

    /**
     * A subquery returning one value (one row, one column).
     *
     * @param query the subquery
     */
    record Subquery(SelectStatement<?> query) implements Expression {
    }

    /** Portable scalar functions. */
    enum SqlFunction {
        /** Lower-cases text. */
        LOWER,
        /** Upper-cases text. */
        UPPER,
        /** Length of text in characters. */
        LENGTH,
        /** Concatenation of text. */
        CONCAT,
        /** The first non-null argument. */
        COALESCE,
        /** Absolute value. */
        ABS
    }

    /** Arithmetic operators. */
    enum ArithmeticOperator {
        /** {@code +} */
        PLUS("+"),
        /** {@code -} */
        MINUS("-"),
        /** {@code *} */
        TIMES("*"),
        /** {@code /} */
        DIVIDE("/");

        private final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL operator. */
        public String symbol() {
            return symbol;
        }
    }

    /** Aggregate functions. */
    enum AggregateFunction {
        /** Number of rows or non-null values. */
        COUNT,
        /** Sum. */
        SUM,
        /** Average. */
        AVG,
        /** Minimum. */
        MIN,
        /** Maximum. */
        MAX
    }
}
