package io.rowflow;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Creates and drops tables from entity models, for tests, demos and quick starts. Real
 * deployments should manage their schema with migrations; {@link #ddl(Class[])} prints the
 * statements to start from.
 *
 * @since 0.1
 */
public interface Schema {

    /**
     * Creates the tables, in the order given (referenced tables first), then the link tables of
     * their owning many-to-many relationships.
     */
    Mono<Void> create(Class<?>... entityTypes);

    /** Creates the tables that do not exist yet. */
    Mono<Void> createIfNotExists(Class<?>... entityTypes);

    /** Drops the link tables, then the tables in reverse order of the arguments (so pass them in creation order). */
    Mono<Void> drop(Class<?>... entityTypes);

    /** Drops the tables that exist, in reverse order of the arguments. */
    Mono<Void> dropIfExists(Class<?>... entityTypes);

    /** The {@code CREATE TABLE} statements for the entities, without running them. */
    List<String> ddl(Class<?>... entityTypes);

    /**
     * Checks the live schema against the entities' mappings, reading the database's catalog
     * ({@code information_schema}) with ordinary statements. Completes empty when everything
     * matches; otherwise emits one {@link SchemaValidationException} listing every problem: a
     * missing table or column, a column type the property's Java type cannot be stored in (enums
     * and declared types such as PostgreSQL enums included), a primitive or non-null property on a
     * nullable column, a primary key other than the mapped key columns, a missing link table of a
     * many-to-many relationship. Columns the mapping does not use are not problems. An entity that
     * cannot be mapped fails at the call with {@link MappingException}. Cancelling stops reading.
     *
     * @since 0.1
     */
    Mono<Void> validate(Class<?>... entityTypes);
}
