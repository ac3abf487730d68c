package io.rowflow.mapping;

import io.rowflow.annotation.CascadeType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one relationship property is mapped, as the relationship annotations or an
 * {@link EntityMapping} describe it.
 *
 * @param kind the kind of relationship
 * @param owning whether this side holds the foreign key or the link table
 * @param mappedBy the target's owning property, for an inverse side
 * @param joinColumns the foreign-key column names of an owning to-one side, one per key column of
 *                    the target in its key order; empty for the default names
 * @param joinColumnsNullable whether the foreign-key columns accept {@code NULL} (for DDL)
 * @param joinTable the link table of an owning many-to-many, or {@code null}
 * @param joinTableColumn the link table's column referencing this entity
 * @param inverseJoinTableColumn the link table's column referencing the target
 * @param cascade the writes that cascade along the relationship
 * @since 0.2
 */
public record RelationMapping(RelationModel.Kind kind, boolean owning, @Nullable String mappedBy,
                              List<String> joinColumns, boolean joinColumnsNullable, @Nullable String joinTable,
                              @Nullable String joinTableColumn, @Nullable String inverseJoinTableColumn,
                              Set<CascadeType> cascade) {

    /** Checks and copies. */
    public RelationMapping {
        Objects.requireNonNull(kind, "kind");
        joinColumns = List.copyOf(joinColumns);
        cascade = Set.copyOf(cascade);
    }

    /** Whether this side's table holds a foreign key for the relationship. */
    public boolean ownsForeignKey() {
        return owning && (kind == RelationModel.Kind.MANY_TO_ONE || kind == RelationModel.Kind.ONE_TO_ONE);
    }
}
