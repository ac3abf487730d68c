package io.rowflow.sql;

import java.util.List;

/**
 * A condition of the query model, used in {@code WHERE}, {@code HAVING} and join conditions.
 *
 * @since 0.1
 */
public sealed interface Predicate {

    /**
     * {@code left <op> right}.
     *
     * @param left left operand
     * @param operator the comparison
     * @param right right operand
     */
    record Comparison(Expression left, ComparisonOperator operator, Expression right) implements Predicate {
    }

    /**
     * {@code expression [NOT] IN (values...)}; an empty list is always false ({@code NOT IN}: true).
     *
     * @param expression the tested expression
     * @param values the candidate values
     * @param negated {@code NOT IN}
     */
    record InList(Expression expression, List<Expression> values, boolean negated) implements Predicate {
        /** Copies the values. */
        public InList {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code expression [NOT] IN (subquery)}.
     *
     * @param expression the tested expression
     * @param query a one-column subquery
     * @param negated {@code NOT IN}
     */
    record InSubquery(Expression expression, SelectStatement<?> query, boolean negated) implements Predicate {
    }

    /**
     * {@code expression BETWEEN low AND high} (inclusive).
     *
     * @param expression the tested expression
     * @param low lower bound
     * @param high upper bound
     */
    record Between(Expression expression, Expression low, Expression high) implements Predicate {
    }

    /**
     * {@code expression LIKE pattern}, with {@code !} as the escape character. Whether a plain
     * {@code LIKE} distinguishes case depends on the database (see
     * {@link io.rowflow.dialect.Feature#CASE_SENSITIVE_LIKE}); with {@code ignoreCase} it never
     * does: {@code ILIKE} where the dialect has it, {@code LOWER(expression) LIKE LOWER(pattern)} elsewhere.
     *
     * @param expression the tested text
     * @param pattern the pattern, already escaped where user input must match literally
     * @param ignoreCase match regardless of case on every database
     */
    record Like(Expression expression, Expression pattern, boolean ignoreCase) implements Predicate {

        /** A {@code LIKE} with the database's own case sensitivity. */
        public Like(Expression expression, Expression pattern) {
            this(expression, pattern, false);
        }
    }

    /**
     * {@code expression IS [NOT] NULL}.
     *
     * @param expression the tested expression
     * @param negated {@code IS NOT NULL}
     */
    record IsNull(Expression expression, boolean negated) implements Predicate {
    }

    /**
     * All of the predicates.
     *
     * @param predicates the operands
     */
    record And(List<Predicate> predicates) implements Predicate {
        /** Copies the operands. */
        public And {
            predicates = List.copyOf(predicates);
        }
    }

    /**
     * Any of the predicates.
     *
     * @param predicates the operands
     */
    record Or(List<Predicate> predicates) implements Predicate {
        /** Copies the operands. */
        public Or {
            predicates = List.copyOf(predicates);
        }
    }

    /**
     * The negation of a predicate.
     *
     * @param predicate the operand
     */
    record Not(Predicate predicate) implements Predicate {
    }

    /**
     * {@code [NOT] EXISTS (subquery)}.
     *
     * @param query the subquery
     * @param negated {@code NOT EXISTS}
     */
    record Exists(SelectStatement<?> query, boolean negated) implements Predicate {
    }

    /**
     * The to-one relationship {@code relation} of {@code owner} references the row of {@code target}:
     * each foreign-key column equals the target's key column, as the mapping model declares them (one
     * column, or all columns of a composite key).
     *
     * @param owner the table holding the foreign key
     * @param relation the name of the {@code @ManyToOne}/{@code @OneToOne} property
     * @param target the referenced entity's appearance in the query
     * @since 0.2
     */
    record References(TableRef owner, String relation, TableRef target) implements Predicate {
    }

    /** The escape character of {@link Like} patterns. */
    char LIKE_ESCAPE = '!';

    /** Escapes {@code %}, {@code _} and the escape character so user text matches literally in a {@link Like} pattern. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Comparison operators. */
    enum ComparisonOperator {
        /** {@code =} */
        EQ("="),
        /** {@code <>} */
        NE("<>"),
        /** {@code <} */
        LT("<"),
        /** {@code <=} */
        LE("<="),
        /** {@code >} */
        GT(">"),
        /** {@code >=} */
        GE(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL operator. */
        public String symbol() {
            return symbol;
        }
    }
}
