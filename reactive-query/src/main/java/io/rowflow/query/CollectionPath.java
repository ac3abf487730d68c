package io.rowflow.query;

import io.rowflow.sql.TableRef;

/**
 * A to-many relationship of an entity ({@code @OneToMany} or {@code @ManyToMany}): load it with
 * {@code with(AUTHOR.books)}, nested with {@code with(AUTHOR.books.then(BOOK.reviews))}.
 *
 * @param <T> the related entity type
 * @since 0.1
 */
public final class CollectionPath<T> extends RelationPath<T> {

    CollectionPath(TableRef table, String name, Class<T> targetType) {
        super(table, name, targetType);
    }
}
