package io.rowflow.internal.callback;

import io.rowflow.QueryException;
import io.rowflow.callback.EntityCallback;
import io.rowflow.callback.Lifecycle;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The callbacks of one entity type, per {@link Lifecycle} event, in the order they run (auditing
 * first, then the registered callbacks in registration order).
 *
 * @param <T> the entity type
 */
public final class EntityLifecycle<T> {

    private static final EntityLifecycle<Object> NONE = new EntityLifecycle<>(Object.class, List.of());

    private final Class<T> type;
    private final List<List<EntityCallback<T>>> byEvent;
    private final boolean empty;

    EntityLifecycle(Class<T> type, List<List<EntityCallback<T>>> byEvent) {
        this.type = type;
        this.byEvent = byEvent;
        this.empty = byEvent.stream().allMatch(List::isEmpty);
    }

    /** The lifecycle without callbacks. */
    @SuppressWarnings("unchecked")
    public static <T> EntityLifecycle<T> none() {
        return (EntityLifecycle<T>) NONE;
    }

    /** Whether no callback runs at any event: the operations then take their plain path. */
    public boolean isEmpty() {
        return empty;
    }

    /** Whether a callback runs at this event. */
    public boolean has(Lifecycle event) {
        return !empty && !byEvent.get(event.ordinal()).isEmpty();
    }

    /**
     * The entity after the callbacks of an event, each applied to what the previous one emitted;
     * an empty result keeps the entity, a result of another class is a {@link QueryException}.
     */
    public Mono<T> apply(Lifecycle event, T entity, ContextView context) {
        List<EntityCallback<T>> callbacks = empty ? List.of() : byEvent.get(event.ordinal());
        if (callbacks.isEmpty()) {
            return Mono.just(entity);
        }
        Mono<T> result = Mono.just(entity);
        for (EntityCallback<T> callback : callbacks) {
            result = result.flatMap(current -> Mono.defer(() -> Objects.requireNonNullElse(
                            callback.apply(current, context), Mono.<T>empty()))
                    .defaultIfEmpty(current)
                    .map(changed -> checked(event, callback, changed)));
        }
        return result;
    }

    /** The entities of a stream, each after the callbacks of an event; the stream itself when there are none. */
    public Flux<T> applyAll(Lifecycle event, Flux<T> entities) {
        if (!has(event)) {
            return entities;
        }
        return Flux.deferContextual(context -> entities.concatMap(entity -> apply(event, entity, context)));
    }

    /** The entities of a list, each after the callbacks of an event, in order. */
    public Mono<List<T>> applyAll(Lifecycle event, List<T> entities) {
        if (!has(event)) {
            return Mono.just(entities);
        }
        return Flux.deferContextual(context -> Flux.fromIterable(entities).concatMap(entity -> apply(event, entity, context)))
                .collectList();
    }

    private T checked(Lifecycle event, EntityCallback<T> callback, Object changed) {
        if (changed.getClass() != type && !type.isInstance(changed)) {
            throw new QueryException("The " + event + " callback " + callback + " for " + type.getName()
                    + " emitted a " + changed.getClass().getName() + "; a callback emits an entity of the class it got");
        }
        return type.cast(changed);
    }
}
