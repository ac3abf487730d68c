package io.rowflow.query;

import io.rowflow.sql.Join;
import io.rowflow.sql.TableRef;

/**
 * A join waiting for its condition: {@code .join(BOOK).on(BOOK.authorId.eq(AUTHOR.id))}.
 *
 * @param <T> the row type of the query
 * @since 0.1
 */
public final class JoinStep<T> {

    private final SelectQuery<T> query;
    private final Join.JoinType type;
    private final TableRef table;

    JoinStep(SelectQuery<T> query, Join.JoinType type, TableRef table) {
        this.query = query;
        this.type = type;
        this.table = table;
    }

    /** Completes the join with its condition. */
    public SelectQuery<T> on(Condition condition) {
        return query.withJoin(new Join(type, table, condition.toPredicate()));
    }
}
