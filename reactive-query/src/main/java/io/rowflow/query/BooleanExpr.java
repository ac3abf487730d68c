package io.rowflow.query;

import io.rowflow.sql.Expression;

/**
 * A boolean expression, such as a boolean column.
 *
 * @since 0.1
 */
public class BooleanExpr extends Expr<Boolean> {

    /** Wraps a query-model node. */
    protected BooleanExpr(Expression node) {
        super(node, Boolean.class);
    }

    /** {@code this = TRUE}. */
    public Condition isTrue() {
        return eq(Boolean.TRUE);
    }

    /** {@code this = FALSE}. */
    public Condition isFalse() {
        return eq(Boolean.FALSE);
    }
}
