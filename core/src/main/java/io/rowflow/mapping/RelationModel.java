package io.rowflow.mapping;

import io.rowflow.annotation.CascadeType;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One relationship of an entity, as mapped by {@code @ManyToOne}, {@code @OneToOne},
 * {@code @OneToMany} or {@code @ManyToMany}.
 *
 * @since 0.1
 */
public interface RelationModel {

    /** The kinds of relationship. */
    enum Kind {
        /** Many of these reference one target through a foreign key here. */
        MANY_TO_ONE,
        /** One of these matches one target; the owning side holds the foreign key. */
        ONE_TO_ONE,
        /** One of these has many targets whose foreign key references it. */
        ONE_TO_MANY,
        /** Many of these link to many targets through a link table. */
        MANY_TO_MANY
    }

    /** The property name. */
    String name();

    /** The kind of relationship. */
    Kind kind();

    /** The related entity class. */
    Class<?> targetType();

    /** Whether this side holds the link: the foreign key, or the {@code @JoinTable} of a many-to-many. */
    boolean owning();

    /** The target's property on the owning side, for an inverse side; {@code null} on the owning side. */
    @Nullable String mappedBy();

    /**
     * The foreign-key column of an owning to-one relationship to an entity with a one-column key,
     * {@code null} otherwise (see {@link #joinColumns()} for composite keys).
     */
    @Nullable ColumnModel joinColumn();

    /**
     * The foreign-key columns of an owning to-one relationship, in the target's key order (several
     * for a target with a composite key); empty for other relationships.
     *
     * @since 0.2
     */
    java.util.List<ColumnModel> joinColumns();

    /** The writes that cascade along this relationship. */
    Set<CascadeType> cascade();
}
