package io.rowflow.query;

import io.rowflow.sql.TableRef;

/**
 * A to-many relationship of an entity ({@code @OneToMany} or {@code @ManyToMany}): load it with
 * {@code with(AUTHOR.books)}, nested with {@code with(AUTHOR.books.then(BOOK.reviews))}, with
 * criteria with {@code with(AUTHOR.books.where(BOOK.year.gt(2000)).orderBy(BOOK.year.desc()).limit(3))}.
 *
 * @param <T> the related entity type
 * @since 0.1
 */
public final class CollectionPath<T> extends RelationPath<T> {

    CollectionPath(TableRef table, String name, Class<T> targetType) {
        super(table, name, targetType);
    }

    /**
     * Loads only the related entities matching the condition (paths of the related entity, under
     * any one alias).
     *
     * @since 0.3
     */
    public RelationPlan<T> where(Condition condition) {
        return new RelationPlan<T>(toFetchPlan()).where(condition);
    }

    /**
     * Loads the related entities in this order; their key breaks ties.
     *
     * @since 0.3
     */
    public RelationPlan<T> orderBy(Order... keys) {
        return new RelationPlan<T>(toFetchPlan()).orderBy(keys);
    }

    /**
     * Loads at most this many related entities per parent (in key order unless ordered).
     *
     * @since 0.3
     */
    public RelationPlan<T> limit(long perParent) {
        return new RelationPlan<T>(toFetchPlan()).limit(perParent);
    }
}
