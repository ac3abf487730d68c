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
}
