package io.rowflow.query;

import io.rowflow.annotation.Table;
import io.rowflow.mapping.NamingStrategy;
import java.util.Objects;

/**
 * Hand-written paths, for code that cannot run the annotation processor:
 * {@code EntityPath<Book> book = Paths.of(Book.class); book.string("title").startsWith("The")}.
 * Prefer the generated metamodel: a renamed field then breaks the build instead of the query.
 *
 * @since 0.1
 */
public final class Paths {

    private Paths() {
    }

    /** The paths of an entity under its default alias (its snake_case simple name). */
    public static <T> EntityPath<T> of(Class<T> entityType) {
        return of(entityType, NamingStrategy.toSnakeCase(Objects.requireNonNull(entityType, "entityType").getSimpleName()));
    }

    /** The paths of an entity under an alias. */
    public static <T> EntityPath<T> of(Class<T> entityType, String alias) {
        Objects.requireNonNull(entityType, "entityType");
        if (!entityType.isAnnotationPresent(Table.class)) {
            throw new io.rowflow.MappingException(entityType.getName() + " is not an entity: annotate it with @Table");
        }
        return new EntityPath<>(entityType, alias);
    }
}
