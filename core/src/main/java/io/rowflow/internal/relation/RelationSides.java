package io.rowflow.internal.relation;

import io.rowflow.QueryException;
import io.rowflow.Ref;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedRelation;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What loading and cascading writes both need to know about a relationship: which property of the
 * target owns the link of an inverse side, and the property value that holds a list of related
 * entities.
 */
public final class RelationSides {

    private RelationSides() {
    }

    /** The target's {@code @ManyToOne}/{@code @OneToOne} property an inverse to-many or to-one side is mapped by. */
    public static MappedRelation backReference(MappedRelation relation, DefaultEntityModel<?> target) {
        MappedRelation owning = target.relation(relation.mappedBy());
        if (owning == null || owning.foreignKey() == null || !owning.targetType().getName().equals(relation.owner())) {
            throw new QueryException(relation.describe() + " is mappedBy \"" + relation.mappedBy() + "\", but "
                    + target.type().getName() + " has no @ManyToOne/@OneToOne property of that name referencing "
                    + relation.owner());
        }
        return owning;
    }

    /** The owning {@code @ManyToMany} of the target, for the inverse side of a many-to-many. */
    public static MappedRelation owningManyToMany(MappedRelation relation, DefaultEntityModel<?> target) {
        MappedRelation owning = target.relation(relation.mappedBy());
        if (owning == null || owning.joinTable() == null) {
            throw new QueryException(relation.describe() + " is mappedBy \"" + relation.mappedBy() + "\", but "
                    + target.type().getName() + " has no owning @ManyToMany property of that name");
        }
        return owning;
    }

    /** The property value for related entities: a collection of the relationship's type, or a loaded {@code Ref} (null when none). */
    public static Object value(MappedRelation relation, List<Object> related, DefaultEntityModel<Object> target) {
        if (relation.toOne()) {
            if (related.isEmpty()) {
                return null;
            }
            Object only = related.get(0);
            return Ref.loaded(target.idOf(only), only);
        }
        return relation.setType() ? new LinkedHashSet<>(related) : List.copyOf(related);
    }
}
