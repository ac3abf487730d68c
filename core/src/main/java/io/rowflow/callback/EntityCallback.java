package io.rowflow.callback;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A reactive function Rowflow applies to an entity at one moment of its {@link Lifecycle},
 * registered with {@link io.rowflow.DatabaseBuilder#callback(Class, Lifecycle, EntityCallback)}.
 *
 * <p>It emits the entity to go on with: the same instance (a mutable entity may be changed in
 * place), a changed copy (how immutable records are changed), or nothing to keep the entity as it
 * was. The copy must be of the same class. An error, thrown or emitted, arrives as the operation's
 * {@code onError}; from a before-callback nothing is written, and inside a transaction the
 * transaction rolls back like after any failed statement. A callback runs in the subscriber's
 * Reactor context ({@code context}), so it can read the current user, tenant or trace.
 *
 * <pre>{@code
 * EntityCallback<Book> slug = (book, context) -> Mono.just(book.withSlug(Slugs.of(book.title())));
 * }</pre>
 *
 * <p>Callbacks should not block; a callback may run statements of its own (they join the current
 * transaction), at the cost of a round trip per entity.
 *
 * @param <T> the entity type
 * @since 0.2
 */
@FunctionalInterface
public interface EntityCallback<T> {

    /**
     * Applies the callback.
     *
     * @param entity the entity about to be written, just written or just loaded
     * @param context the Reactor context of the operation's subscriber
     * @return the entity to go on with, or an empty {@code Mono} to keep {@code entity}
     */
    Mono<T> apply(T entity, ContextView context);
}
