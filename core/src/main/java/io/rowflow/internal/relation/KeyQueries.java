package io.rowflow.internal.relation;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.callback.Lifecycle;
import io.rowflow.internal.callback.Callbacks;
import io.rowflow.internal.callback.EntityLifecycle;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.model.FetchPlanModel;
import io.rowflow.internal.query.KeyedReads;
import io.rowflow.internal.query.LinkTable;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The follow-up queries of relationship loading and of lookups by many keys: the rows of an entity
 * whose columns match any of a set of keys, and the targets of a many-to-many with the owner key
 * of each link. Each statement is a query-model read rendered by the one SQL writer
 * ({@link KeyedReads}): {@code = ANY($1)} with arrays of at most {@link Dialect#arrayChunkSize()}
 * keys where the dialect binds arrays, {@code IN (...)} lists of at most
 * {@link Dialect#inListChunkSize()} values elsewhere. Each statement's rows come sorted by the
 * target's key; all rows of one key are in one statement, so loaded collections have a stable
 * order. Each statement is described by the operation it is given (a lookup, a relationship
 * follow-up, coalesced or not).
 */
public final class KeyQueries {

    private final Dialect dialect;
    private final KeyedReads reads;
    private final Executor executor;
    private final Callbacks callbacks;

    /** Creates the follow-up query runner of a database; loaded entities go through their after-load callbacks. */
    public KeyQueries(Dialect dialect, KeyedReads reads, Executor executor, Callbacks callbacks) {
        this.dialect = dialect;
        this.reads = reads;
        this.executor = executor;
        this.callbacks = callbacks;
    }

    /**
     * Entities of {@code model} whose {@code key} columns hold one of the key values: {@code key} is
     * the model's own key, a unique column, or a foreign key. Rows come ordered by the model's key.
     */
    public <T> Flux<T> byKeys(OperationShape operation, DefaultEntityModel<T> model, EntityKey key, List<Object> keys) {
        return byKeys(operation, model, key, keys, FetchPlanModel.Criteria.NONE);
    }

    /** The entities whose {@code key} columns hold one of the key values and that meet a fetch plan's criteria. */
    <T> Flux<T> byKeys(OperationShape operation, DefaultEntityModel<T> model, EntityKey key, List<Object> keys,
                       FetchPlanModel.Criteria criteria) {
        return callbacks.of(model).applyAll(Lifecycle.AFTER_LOAD, Flux.fromIterable(chunks(keys, key.columns().size()))
                .concatMap(chunk -> executor.query(operation, reads.byKeys(model, key, chunk, criteria), 0,
                        EntityRowMapper.byPosition(model))));
    }

    /** Targets linked to the owner keys through a link table, each with the owner key of its link. */
    <T> Flux<Linked<T>> linked(OperationShape operation, DefaultEntityModel<T> target, LinkTable link, EntityKey ownerKey,
                               List<Object> keys, FetchPlanModel.Criteria criteria) {
        int ownerPosition = target.mappedColumns().size();
        MappedColumn ownerColumn = ownerKey.column();
        EntityLifecycle<T> lifecycle = callbacks.of(target);
        Flux<Linked<T>> rows = linkedRows(operation, target, link, ownerKey, keys, ownerPosition, ownerColumn, criteria);
        if (!lifecycle.has(Lifecycle.AFTER_LOAD)) {
            return rows;
        }
        return Flux.deferContextual(context -> rows.concatMap(linked -> lifecycle
                .apply(Lifecycle.AFTER_LOAD, linked.target(), context)
                .map(loaded -> new Linked<>(linked.ownerKey(), loaded))));
    }

    private <T> Flux<Linked<T>> linkedRows(OperationShape operation, DefaultEntityModel<T> target, LinkTable link,
                                           EntityKey ownerKey, List<Object> keys, int ownerPosition,
                                           MappedColumn ownerColumn, FetchPlanModel.Criteria criteria) {
        return Flux.fromIterable(chunks(keys, 1)).concatMap(chunk -> {
            EntityRowMapper<T> mapper = EntityRowMapper.byPosition(target);
            return executor.query(operation, reads.linked(target, link, ownerKey, chunk, criteria), 0,
                    (row, metadata) -> new Linked<>(EntityRowMapper.read(row, ownerPosition, ownerColumn),
                            mapper.apply(row, metadata)));
        });
    }

    /** A target entity and the owner key of the link that led to it. */
    record Linked<T>(Object ownerKey, T target) {
    }

    /**
     * The keys in chunks, so that no statement binds an unbounded number of keys (a nested level
     * gathers a whole batch's child keys): arrays (one per key column) of at most the dialect's
     * array chunk size, or {@code IN} lists of at most its list chunk size in values.
     */
    private List<List<Object>> chunks(List<Object> keys, int columnsPerKey) {
        int size = Math.max(1, dialect.supports(Feature.ARRAY_PARAMETERS) ? dialect.arrayChunkSize()
                : dialect.inListChunkSize() / columnsPerKey);
        if (keys.size() <= size) {
            return List.of(keys);
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += size) {
            chunks.add(keys.subList(start, Math.min(keys.size(), start + size)));
        }
        return chunks;
    }
}
