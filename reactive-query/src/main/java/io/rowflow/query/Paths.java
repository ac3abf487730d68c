package io.rowflow.query;

import io.rowflow.mapping.NamingStrategy;
import java.util.Objects;

/**
 * Hand-written paths, for code that cannot run the annotation processor and for classes mapped in
 * code ({@link io.rowflow.mapping.EntityMapping}), which have no generated metamodel:
 * {@code EntityPath<Book> book = Paths.of(Book.class); book.string("title").startsWith("The")}.
 * Prefer the generated metamodel: a renamed field then breaks the build instead of the query. A
 * class that is neither annotated with {@code @Table} nor mapped on the database fails with a
 * {@link io.rowflow.MappingException} when a query using it runs.
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
        return new EntityPath<>(entityType, alias);
    }
}
