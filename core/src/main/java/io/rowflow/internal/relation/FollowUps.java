package io.rowflow.internal.relation;

import io.rowflow.Coalescing;
import io.rowflow.internal.coalesce.Coalescers;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.model.FetchPlanModel;
import io.rowflow.internal.query.LinkTable;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The follow-up queries of relationship loading, coalesced where {@link Coalescers#route} allows:
 * the same relationship loaded for different parents by concurrent requests is gathered into one
 * query when that relationship's in-flight limit is reached. Each request still gets exactly the
 * rows of its own keys. A fetch plan's criteria are part of the coalescing key: only follow-ups
 * with equal criteria share a statement. A coalesced statement is described as coalesced, with the relationship of
 * the request that created its coalescer (relationships sharing a coalescer load the same rows).
 */
final class FollowUps {

    private final KeyQueries queries;
    private final Coalescers coalescers;

    FollowUps(KeyQueries queries, Coalescers coalescers) {
        this.queries = queries;
        this.coalescers = coalescers;
    }

    /** Whether follow-ups subscribed with this context may be gathered with other requests'. */
    boolean coalesced(ContextView context) {
        return coalescers.settings().enabled() && !Coalescing.isBypassed(context);
    }

    /** Entities of {@code model} whose {@code key} columns hold one of the (distinct, non-null) key values. */
    <T> Mono<List<T>> byKeys(OperationShape operation, DefaultEntityModel<T> model, EntityKey key, List<Object> keys,
                             FetchPlanModel.Criteria criteria) {
        if (keys.isEmpty()) {
            return Mono.just(List.of());
        }
        Object identity = criteria.any() ? List.of(key.columns(), criteria) : key.columns();
        return coalescers.routeOne(() -> queries.byKeys(operation, model, key, keys, criteria).collectList(),
                context -> coalescers.<Object, T>coalescer(Coalescers.Kind.RELATION_LOAD, identity, context,
                                (batch, coalesced) -> queries.byKeys(coalesced ? operation.asCoalesced() : operation, model,
                                        key, batch, criteria),
                                row -> model.keyValue(row, key),
                                model.shareable() ? null : model::copy)
                        .fetch(keys));
    }

    /** Targets linked to the (distinct) owner keys through a link table, each with the owner key of its link. */
    <T> Mono<List<KeyQueries.Linked<T>>> linked(OperationShape operation, DefaultEntityModel<T> target, LinkTable link,
                                                EntityKey ownerKey, List<Object> keys, FetchPlanModel.Criteria criteria) {
        if (keys.isEmpty()) {
            return Mono.just(List.of());
        }
        return coalescers.routeOne(() -> queries.linked(operation, target, link, ownerKey, keys, criteria).collectList(),
                context -> coalescers.<Object, KeyQueries.Linked<T>>coalescer(Coalescers.Kind.RELATION_LOAD,
                                List.of(target.type(), link.name(), link.ownerColumn(), link.targetColumn(), criteria), context,
                                (batch, coalesced) -> queries.linked(coalesced ? operation.asCoalesced() : operation, target,
                                        link, ownerKey, batch, criteria),
                                KeyQueries.Linked::ownerKey,
                                target.shareable() ? null : found -> new KeyQueries.Linked<>(found.ownerKey(), target.copy(found.target())))
                        .fetch(keys));
    }
}
