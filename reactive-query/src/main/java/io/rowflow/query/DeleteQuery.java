package io.rowflow.query;

import io.rowflow.sql.DataChange;
import io.rowflow.sql.DataChangeStatement;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@code DELETE} under construction: {@code delete(BOOK).where(BOOK.year.lt(1900))}.
 * Without {@code where} it must end with {@link #all()}; run it with {@code db.execute(query)}.
 *
 * @since 0.1
 */
public final class DeleteQuery implements DataChange {

    private final TableRef target;
    private final @Nullable Predicate where;
    private final boolean all;

    DeleteQuery(TableRef target, @Nullable Predicate where, boolean all) {
        this.target = target;
        this.where = where;
        this.all = all;
    }

    /** Deletes only the rows matching the condition; a second call adds it with {@code AND}. */
    public DeleteQuery where(Condition condition) {
        Predicate added = condition.toPredicate();
        return new DeleteQuery(target, where == null ? added : new Predicate.And(List.of(where, added)), all);
    }

    /** Deletes every row: required when there is no {@code where}. */
    public DeleteQuery all() {
        return new DeleteQuery(target, where, true);
    }

    @Override
    public DataChangeStatement toStatement() {
        return DataChangeStatement.delete(target).where(where).all(all).build();
    }
}
