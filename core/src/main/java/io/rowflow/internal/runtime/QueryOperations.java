package io.rowflow.internal.runtime;

import io.rowflow.NonUniqueResultException;
import io.rowflow.QueryException;
import io.rowflow.internal.execution.Executor;
import io.rowflow.callback.Lifecycle;
import io.rowflow.internal.callback.Callbacks;
import io.rowflow.internal.callback.EntityLifecycle;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.query.QueryRenderer;
import io.rowflow.internal.query.RenderedSelect;
import io.rowflow.internal.relation.ParentWindows;
import io.rowflow.internal.relation.RelationLoader;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.observe.OperationKind;
import io.rowflow.sql.DataChange;
import io.rowflow.internal.model.DataChangeModel;
import io.rowflow.sql.QueryOptions;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Projection;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.sql.Selectable;
import io.rowflow.sql.TableRef;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs queries of the query model: renders on subscription (so rendering errors arrive through
 * {@code onError}, before any SQL is sent) and executes through the shared executor.
 */
final class QueryOperations {

    private final QueryRenderer renderer;
    private final Executor executor;
    private final EntityModels models;
    private final RelationLoader relations;
    private final TransactionManager transactions;
    private final CoalescedLookups lookups;
    private final int defaultFetchSize;
    private final int relationBatchSize;
    private final boolean cursors;
    private final Callbacks callbacks;

    QueryOperations(QueryRenderer renderer, Executor executor, EntityModels models, RelationLoader relations,
                    TransactionManager transactions, CoalescedLookups lookups, int defaultFetchSize,
                    int relationBatchSize, boolean cursors, Callbacks callbacks) {
        this.callbacks = callbacks;
        this.cursors = cursors;
        this.lookups = lookups;
        this.defaultFetchSize = defaultFetchSize;
        this.relationBatchSize = relationBatchSize;
        this.renderer = renderer;
        this.executor = executor;
        this.models = models;
        this.relations = relations;
        this.transactions = transactions;
    }

    <T> Flux<T> fetch(Selectable<T> query) {
        Objects.requireNonNull(query, "query");
        return Flux.defer(() -> rows(SelectModel.of(query.toStatement()), query.options()));
    }

    /**
     * The rows of a statement, with its relationships loaded when it has a fetch plan. Inside a
     * transaction a result that may be large is read in windows ({@link #windows}), so memory stays
     * bounded and the transaction's other statements can run between windows.
     */
    private <T> Flux<T> rows(SelectModel<T> statement, QueryOptions options) {
        List<FetchPlan> plans = options.fetchPlans();
        if (plans.isEmpty()) {
            return Flux.deferContextual(context -> transactions.route(context,
                    scope -> fitsOneWindow(statement, options) ? run(statement, options.fetchSize())
                            : windows(statement, entityModel(statement), windowSize(options), grownWindowSize(options))
                                    .concatMapIterable(Function.identity(), 1),
                    () -> run(statement, options.fetchSize())));
        }
        if (!(statement.projection() instanceof Projection.Entity<T> entity)) {
            throw new QueryException("with(...) loads relationships of entities; select whole entities to use it");
        }
        DefaultEntityModel<T> model = models.entity(entity.entityType());
        relations.check(model, plans);
        int batch = options.batchSize() > 0 ? options.batchSize() : relationBatchSize;
        return Flux.deferContextual(context -> transactions.route(context,
                scope -> windows(statement, model, batch, batch)
                        .concatMap(window -> relations.load(model, window, plans), 0)
                        .concatMapIterable(Function.identity()),
                () -> fitsOneBatch(statement, batch) && !relations.coalescesFollowUps(context)
                        ? onOneConnection(statement, model, plans)
                        : relations.attach(run(statement, options.fetchSize() > 0 ? options.fetchSize() : batch), model,
                                plans, batch)));
    }

    /** Parents limited to one batch (a lookup, a page) are read whole before their follow-ups run. */
    private static boolean fitsOneBatch(SelectModel<?> statement, int batch) {
        return statement.limit() != null && statement.limit() <= batch;
    }

    /**
     * The parents, then their follow-up queries, on one connection, as hand-written code sends
     * them: one acquisition instead of one per statement. Only when the follow-ups are not
     * coalesced, which would send them on other connections anyway.
     */
    private <T> Flux<T> onOneConnection(SelectModel<T> statement, DefaultEntityModel<T> model, List<FetchPlan> plans) {
        RenderedSelect<T> rendered = renderer.select(statement);
        return executor.onOneConnection(shape(OperationKind.QUERY, statement), rendered.statement().sql(),
                run(statement, rendered, 0).collectList()
                        .flatMap(parents -> relations.load(model, parents, plans))
                        .flatMapIterable(Function.identity()));
    }

    /**
     * A statement's rows in windows of {@code size} inside a transaction: one mechanism for
     * streamed queries and for the parents of fetch plans ({@link ParentWindows}).
     */
    private <T> Flux<List<T>> windows(SelectModel<T> statement, @Nullable DefaultEntityModel<T> model, int size,
                                      int maxSize) {
        return ParentWindows.read(statement, model, size, cursors,
                window -> run(window, 0).collectList(),
                whole -> {
                    RenderedSelect<T> rendered = renderer.select(whole);
                    EntityLifecycle<T> lifecycle = lifecycle(whole);
                    Flux<List<T>> read = executor.windows(shape(OperationKind.QUERY, whole), rendered.statement(), size,
                            maxSize, rendered.mapper().get());
                    return lifecycle.has(Lifecycle.AFTER_LOAD)
                            ? read.concatMap(rows -> lifecycle.applyAll(Lifecycle.AFTER_LOAD, rows)) : read;
                });
    }

    private <T> @Nullable DefaultEntityModel<T> entityModel(SelectModel<T> statement) {
        return statement.projection() instanceof Projection.Entity<T> entity ? models.entity(entity.entityType()) : null;
    }

    private int windowSize(QueryOptions options) {
        int fetchSize = options.fetchSize() > 0 ? options.fetchSize() : defaultFetchSize;
        return fetchSize > 0 ? fetchSize : QueryOptions.DEFAULT_BATCH_SIZE;
    }

    /**
     * How large a streamed query's cursor windows may grow: to {@link Executor#GROWN_WINDOW} rows
     * when neither the query nor the database sets a fetch size, else the fetch size.
     */
    private int grownWindowSize(QueryOptions options) {
        return options.fetchSize() > 0 || defaultFetchSize > 0 ? windowSize(options)
                : Math.max(windowSize(options), Executor.GROWN_WINDOW);
    }

    /** A statement limited to at most one window's rows needs no windows. */
    private boolean fitsOneWindow(SelectModel<?> statement, QueryOptions options) {
        return statement.limit() != null && statement.limit() <= windowSize(options);
    }

    <T> Mono<T> fetchOne(Selectable<T> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> lookupOr(SelectModel.of(query.toStatement()), query.options(), this::one));
    }

    <T> Mono<T> fetchFirst(Selectable<T> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> lookupOr(SelectModel.of(query.toStatement()), query.options(),
                (statement, options) -> rows(limited(statement, 1), options).reduce((first, none) -> first)));
    }

    /**
     * A query filtered only by a unique key goes through the lookup coalescer (its relationships
     * loaded afterwards); any other runs as {@code plain}.
     */
    private <T> Mono<T> lookupOr(SelectModel<T> statement, QueryOptions options,
                                 BiFunction<SelectModel<T>, QueryOptions, Mono<T>> plain) {
        UniqueKeyFilter<T> key = UniqueKeyFilter.of(statement, models);
        if (key == null || !lookups.coalescable(key.key())) {
            return plain.apply(statement, options);
        }
        DefaultEntityModel<T> model = key.model();
        List<FetchPlan> plans = options.fetchPlans();
        relations.check(model, plans);
        if (!plans.isEmpty()) {
            return Mono.deferContextual(context -> relations.coalescesFollowUps(context)
                    ? coalescedLookup(statement, options, key, plain) : plain.apply(statement, options));
        }
        return coalescedLookup(statement, options, key, plain);
    }

    /**
     * The lookup through the coalescer, its relationships loaded afterwards (a lookup whose
     * follow-ups are not coalesced runs as a plain query instead, which sends them on its connection).
     */
    private <T> Mono<T> coalescedLookup(SelectModel<T> statement, QueryOptions options, UniqueKeyFilter<T> key,
                                        BiFunction<SelectModel<T>, QueryOptions, Mono<T>> plain) {
        DefaultEntityModel<T> model = key.model();
        List<FetchPlan> plans = options.fetchPlans();
        QueryOptions bare = options.withFetchPlans(List.of()).withBatchSize(0);
        Mono<T> found = lookups.findByKey(model, key.key(), key.value(), () -> plain.apply(statement, bare));
        return plans.isEmpty() ? found
                : found.flatMap(row -> relations.load(model, List.of(row), plans)).map(loaded -> loaded.get(0));
    }

    /** At most one row, or a {@link NonUniqueResultException}. */
    private <T> Mono<T> one(SelectModel<T> query, QueryOptions options) {
        SelectModel<T> statement = limited(query, 2);
        return rows(statement, options).collectList().flatMap(rows -> rows.size() > 1
                ? Mono.error(new NonUniqueResultException("Expected at most one row but got more from: "
                        + renderer.select(statement).statement().sql()))
                : Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0)));
    }

    Mono<Long> count(Selectable<?> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> {
            SelectModel<?> statement = SelectModel.of(query.toStatement());
            return executor.query(shape(OperationKind.COUNT, statement), renderer.count(statement), 0,
                    (row, metadata) -> row.get(0, Long.class)).single();
        });
    }

    Mono<Boolean> exists(Selectable<?> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> {
            SelectModel<?> statement = SelectModel.of(query.toStatement());
            return executor.query(shape(OperationKind.EXISTS, statement), renderer.exists(statement), 0,
                    (row, metadata) -> Boolean.TRUE).count().map(rows -> rows > 0);
        });
    }

    Mono<Long> execute(DataChange statement) {
        Objects.requireNonNull(statement, "statement");
        return Mono.defer(() -> {
            DataChangeModel change = DataChangeModel.of(statement.toStatement());
            PreparedSql sql = renderer.dataChange(change);
            return executor.update(shape(change), sql);
        });
    }

    String toSql(Selectable<?> query) {
        return renderer.select(SelectModel.of(query.toStatement())).statement().sql();
    }

    /** The rows of a statement in one execution, {@code fetchSize} rows per round trip (0: the database's default). */
    private <T> Flux<T> run(SelectModel<T> statement, int rowsPerFetch) {
        return run(statement, renderer.select(statement), rowsPerFetch);
    }

    private <T> Flux<T> run(SelectModel<T> statement, RenderedSelect<T> rendered, int rowsPerFetch) {
        int fetchSize = rowsPerFetch > 0 ? rowsPerFetch : defaultFetchSize;
        return lifecycle(statement).applyAll(Lifecycle.AFTER_LOAD, executor.query(shape(OperationKind.QUERY, statement),
                rendered.statement(), fetchSize, rendered.mapper().get()));
    }

    /** The callbacks of the entity a statement selects; none for a projection to anything else. */
    private <T> EntityLifecycle<T> lifecycle(SelectModel<T> statement) {
        DefaultEntityModel<T> model = entityModel(statement);
        return model == null ? EntityLifecycle.none() : callbacks.of(model);
    }

    /** The operation of a select: its kind, on the entity of its {@code FROM} table (none for a select without one). */
    private static OperationShape shape(OperationKind kind, SelectModel<?> statement) {
        TableRef from = statement.from();
        return OperationShape.of(kind, from == null ? null : from.entityType());
    }

    /** The operation of a data change of the query DSL. */
    private static OperationShape shape(DataChangeModel change) {
        return OperationShape.of(change.kind() == DataChangeModel.Kind.UPDATE ? OperationKind.UPDATE
                : OperationKind.DELETE, change.target().entityType());
    }

    /** The statement with a row limit, unless it already has a smaller one. */
    private static <T> SelectModel<T> limited(SelectModel<T> statement, long rows) {
        return statement.limit() != null && statement.limit() <= rows ? statement : statement.withLimit(rows);
    }
}
