package io.rowflow.internal.mapping;

import io.rowflow.annotation.CascadeType;
import io.rowflow.mapping.RelationModel;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A relationship of a built entity model: what {@link RelationModel} tells users, plus its place
 * among the entity's relation values and how to read a target entity's id.
 *
 * @param name the property name
 * @param kind the kind of relationship
 * @param targetType the related entity class
 * @param owning whether this side holds the foreign key or the link table
 * @param mappedBy the target's owning property, for an inverse side
 * @param joinColumn the foreign-key column of an owning to-one relationship to a one-column key
 * @param foreignKey the foreign-key columns of an owning to-one relationship, whose values are the
 *                   target's key values
 * @param joinTable the link table of an owning many-to-many
 * @param cascade the cascading writes
 * @param setType whether the property is a {@code Set} (else a {@code List} or a {@code Ref})
 * @param index the position among the entity's relation values
 * @param targetId reads the id of a target entity instance
 * @param owner the owning class name, for messages
 */
public record MappedRelation(String name, Kind kind, Class<?> targetType, boolean owning, @Nullable String mappedBy,
                             @Nullable MappedColumn joinColumn, @Nullable EntityKey foreignKey,
                             @Nullable JoinTableModel joinTable,
                             Set<CascadeType> cascade, boolean setType, int index,
                             Function<Object, Object> targetId, String owner) implements RelationModel {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public java.util.List<io.rowflow.mapping.ColumnModel> joinColumns() {
        return foreignKey == null ? java.util.List.of() : (java.util.List) foreignKey.columns();
    }

    /** Whether this relationship holds one target ({@code Ref}) rather than a collection. */
    public boolean toOne() {
        return kind == Kind.MANY_TO_ONE || kind == Kind.ONE_TO_ONE;
    }

    /** Whether writes of this kind cascade. */
    public boolean cascades(CascadeType type) {
        return cascade.contains(type) || cascade.contains(CascadeType.ALL);
    }

    /** {@code Owner.property}, for messages. */
    public String describe() {
        return owner + "." + name;
    }

    /**
     * The link table of an owning many-to-many.
     *
     * @param name the table name
     * @param joinColumn the column referencing the owner
     * @param inverseColumn the column referencing the target
     */
    public record JoinTableModel(String name, String joinColumn, String inverseColumn) {
    }
}
