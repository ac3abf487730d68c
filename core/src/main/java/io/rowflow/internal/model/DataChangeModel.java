package io.rowflow.internal.model;

import io.rowflow.QueryException;
import io.rowflow.sql.Assignment;
import io.rowflow.sql.DataChangeStatement;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The representation of a {@link DataChangeStatement}, created only by its {@link Builder}.
 *
 * @param kind update or delete
 * @param target the changed table
 * @param assignments the new values of an update (empty for a delete)
 * @param where the row filter, or {@code null} with {@code all}
 * @param all whether every row is changed when there is no filter
 */
public record DataChangeModel(Kind kind, TableRef target, List<Assignment> assignments, @Nullable Predicate where,
                              boolean all) implements DataChangeStatement {

    /** What the statement does. */
    public enum Kind {
        /** {@code UPDATE}. */
        UPDATE,
        /** {@code DELETE}. */
        DELETE
    }

    /** Checks and copies. */
    public DataChangeModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        assignments = List.copyOf(assignments);
    }

    /** A builder of an update. */
    public static Builder update(TableRef target) {
        return new Builder(Kind.UPDATE, Objects.requireNonNull(target, "target"));
    }

    /** A builder of a delete. */
    public static Builder delete(TableRef target) {
        return new Builder(Kind.DELETE, Objects.requireNonNull(target, "target"));
    }

    /** The representation of a statement, or a {@link QueryException} for one not built by Rowflow. */
    public static DataChangeModel of(DataChangeStatement statement) {
        if (statement instanceof DataChangeModel model) {
            return model;
        }
        throw new QueryException("A DataChangeStatement must be built with DataChangeStatement.update/delete(...) "
                + "or the query DSL, not " + statement.getClass().getName());
    }

    @Override
    public Builder toBuilder() {
        Builder builder = new Builder(kind, target);
        builder.assignments.addAll(assignments);
        builder.where = where;
        builder.all = all;
        return builder;
    }

    /** The builder of a {@link DataChangeModel}. */
    public static final class Builder implements DataChangeStatement.Builder {

        private final Kind kind;
        private final TableRef target;
        private final List<Assignment> assignments = new ArrayList<>();
        private @Nullable Predicate where;
        private boolean all;

        private Builder(Kind kind, TableRef target) {
            this.kind = kind;
            this.target = target;
        }

        @Override
        public Builder set(String propertyPath, Expression value) {
            if (kind != Kind.UPDATE) {
                throw new IllegalStateException("A delete sets no values");
            }
            assignments.add(new Assignment(Objects.requireNonNull(propertyPath, "propertyPath"),
                    Objects.requireNonNull(value, "value")));
            return this;
        }

        @Override
        public Builder where(@Nullable Predicate filter) {
            this.where = filter;
            return this;
        }

        @Override
        public Builder and(Predicate condition) {
            Objects.requireNonNull(condition, "condition");
            this.where = where == null ? condition : new Predicate.And(List.of(where, condition));
            return this;
        }

        @Override
        public Builder all(boolean everyRow) {
            this.all = everyRow;
            return this;
        }

        @Override
        public DataChangeModel build() {
            return new DataChangeModel(kind, target, assignments, where, all);
        }
    }
}
