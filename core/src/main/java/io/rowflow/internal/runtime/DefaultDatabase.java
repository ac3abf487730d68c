package io.rowflow.internal.runtime;

import io.rowflow.Coalescing;
import io.rowflow.CoalescingStatistics;
import io.rowflow.ConnectionProvider;
import io.rowflow.Database;
import io.rowflow.LoadOptions;
import io.rowflow.Schema;
import io.rowflow.SqlQuery;
import io.rowflow.Transaction;
import io.rowflow.TransactionOptions;
import io.rowflow.convert.Converter;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.filter.EntityFilters;
import io.rowflow.internal.filter.FilterSettings;
import io.rowflow.internal.filter.GuardedWrites;
import io.rowflow.internal.execution.Listeners;
import io.rowflow.internal.execution.StatementRunner;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.query.KeyPredicates;
import io.rowflow.internal.query.KeyedReads;
import io.rowflow.internal.query.QueryRenderer;
import io.rowflow.internal.query.TableConditions;
import io.rowflow.internal.schema.CatalogReader;
import io.rowflow.internal.schema.DdlGenerator;
import io.rowflow.internal.schema.SchemaValidator;
import io.rowflow.internal.sql.NamedParameters;
import io.rowflow.internal.tx.TransactionManager;
import io.rowflow.mapping.EntityModel;
import io.rowflow.observe.OperationListener;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.coalesce.Coalescers;
import io.rowflow.internal.relation.KeyQueries;
import io.rowflow.internal.relation.RelationLoader;
import io.rowflow.sql.DataChange;
import io.rowflow.sql.Expression;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Fetchable;
import io.rowflow.sql.Predicate;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.sql.TableRef;
import java.util.List;
import io.rowflow.sql.QueryOptions;
import io.rowflow.sql.Selectable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link Database} implementation: wires the models, converters, executor and transaction
 * manager of one connection factory and delegates each operation to the class doing that job.
 */
public final class DefaultDatabase implements Database {

    private final ConnectionFactory connectionFactory;
    private final Dialect dialect;
    private final ConverterRegistry converters;
    private final EntityModels models;
    private final TransactionManager transactions;
    private final Executor executor;
    private final EntityOperations operations;
    private final BatchInsert batchInsert;
    private final Schema schema;
    private final QueryOperations queries;
    private final RelationLoader relations;
    private final CascadeWriter cascades;
    private final BatchWrites batchWrites;
    private final CoalescedLookups lookups;
    private final Coalescers coalescers;
    private final int relationBatchSize;
    private final FactoryDisposal disposal;
    private final io.rowflow.internal.callback.Callbacks callbacks;

    private final Shared shared;
    private final EntityFilters filters;
    private volatile @org.jspecify.annotations.Nullable DefaultDatabase unfiltered;

    /** What the views of one database ({@link #unfiltered()}) share: connections, models, transactions, settings. */
    private record Shared(ConnectionFactory connectionFactory, FactoryDisposal disposal, Dialect dialect,
                          ConverterRegistry converters, EntityModels models, TransactionManager transactions,
                          Executor executor, Schema schema, Coalescing coalescing, int relationBatchSize,
                          int defaultFetchSize, int insertChunkSize, Map<String, io.rowflow.mapping.IdGenerator<?>> idGenerators,
                          io.rowflow.internal.callback.Callbacks callbacks) {
    }

    /** Creates the database; use {@link Database#builder(ConnectionFactory)} instead. */
    public DefaultDatabase(ConnectionFactory connectionFactory, Dialect dialect, NamingStrategy naming,
                           Map<Class<?>, Converter<?, ?>> converters, int insertChunkSize,
                           ConnectionProvider connectionProvider, int defaultFetchSize, Coalescing coalescing,
                           int relationBatchSize, boolean ownsConnectionFactory,
                           List<io.rowflow.mapping.EntityMapping<?>> mappings, List<OperationListener> listeners,
                           TableConditions conditions, Map<String, io.rowflow.mapping.IdGenerator<?>> idGenerators,
                           io.rowflow.internal.callback.CallbackSettings callbackSettings, FilterSettings filterSettings) {
        this(shared(connectionFactory, dialect, naming, converters, insertChunkSize, connectionProvider, defaultFetchSize,
                        coalescing, relationBatchSize, ownsConnectionFactory, mappings, listeners, idGenerators,
                        callbackSettings),
                new EntityFilters(filterSettings, true, conditions));
    }

    private static Shared shared(ConnectionFactory connectionFactory, Dialect dialect, NamingStrategy naming,
                                 Map<Class<?>, Converter<?, ?>> converters, int insertChunkSize,
                                 ConnectionProvider connectionProvider, int defaultFetchSize, Coalescing coalescing,
                                 int relationBatchSize, boolean ownsConnectionFactory,
                                 List<io.rowflow.mapping.EntityMapping<?>> mappings, List<OperationListener> listeners,
                                 Map<String, io.rowflow.mapping.IdGenerator<?>> idGenerators,
                                 io.rowflow.internal.callback.CallbackSettings callbackSettings) {
        ConverterRegistry registry = new ConverterRegistry(converters, dialect);
        EntityModels models = new EntityModels(naming, registry, List.copyOf(mappings));
        Listeners reporting = new Listeners(listeners, dialect.name());
        TransactionManager transactions = new TransactionManager(connectionFactory, connectionProvider, reporting);
        Executor executor = new Executor(connectionFactory, connectionProvider, transactions,
                new StatementRunner(dialect, reporting), dialect, reporting);
        Schema schema = new DefaultSchema(new DdlGenerator(models, dialect), executor,
                new SchemaValidator(models, dialect, new CatalogReader(executor, dialect)));
        return new Shared(connectionFactory, new FactoryDisposal(connectionFactory, ownsConnectionFactory), dialect,
                registry, models, transactions, executor, schema, coalescing, relationBatchSize, defaultFetchSize,
                insertChunkSize, idGenerators, new io.rowflow.internal.callback.Callbacks(callbackSettings));
    }

    /** A view of the shared database seen through these filters. */
    private DefaultDatabase(Shared shared, EntityFilters filters) {
        this.shared = shared;
        this.filters = filters;
        this.connectionFactory = shared.connectionFactory();
        this.relationBatchSize = shared.relationBatchSize();
        this.disposal = shared.disposal();
        this.dialect = shared.dialect();
        this.converters = shared.converters();
        this.models = shared.models();
        this.transactions = shared.transactions();
        this.executor = shared.executor();
        this.schema = shared.schema();
        this.callbacks = shared.callbacks();
        this.coalescers = new Coalescers(shared.coalescing(), transactions, filters::partition);
        EntityContext entities = new EntityContext(models, dialect, callbacks);
        QueryRenderer renderer = new QueryRenderer(dialect, models, converters, filters);
        KeyedReads reads = new KeyedReads(renderer);
        KeyGenerators keys = new KeyGenerators(entities, executor, shared.idGenerators());
        this.operations = new EntityOperations(entities, reads, executor, keys, new GuardedWrites(filters, dialect));
        this.batchInsert = new BatchInsert(entities, executor, transactions, dialect, shared.insertChunkSize(), keys,
                new CopyInserts(dialect));
        KeyQueries keyQueries = new KeyQueries(dialect, reads, executor, entities.callbacks());
        this.relations = new RelationLoader(models, keyQueries, coalescers);
        this.lookups = new CoalescedLookups(coalescers, entities, operations, keyQueries, dialect);
        this.cascades = new CascadeWriter(entities, operations, batchInsert, executor, transactions, dialect, renderer,
                keyQueries, filters);
        this.batchWrites = new BatchWrites(entities, executor, transactions, dialect, shared.insertChunkSize(), cascades,
                filters, keyQueries);
        this.queries = new QueryOperations(renderer, executor, models, relations, transactions, lookups,
                shared.defaultFetchSize(), relationBatchSize, dialect.supports(io.rowflow.dialect.Feature.CURSORS),
                entities.callbacks());
    }

    /** The entity with the context's tenant filled, or refused when it names another tenant. */
    @SuppressWarnings("unchecked")
    private <T> T forTenant(T entity, reactor.util.context.ContextView context, String operation) {
        return filters.forTenant((DefaultEntityModel<T>) models.entity(entity.getClass()), entity, context, operation);
    }

    @Override
    public Database unfiltered() {
        if (!filters.global()) {
            return this;
        }
        DefaultDatabase view = unfiltered;
        if (view == null) {
            synchronized (this) {
                view = unfiltered;
                if (view == null) {
                    view = new DefaultDatabase(shared, filters.unfiltered());
                    unfiltered = view;
                }
            }
        }
        return view;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public <T> EntityModel<T> model(Class<T> entityType) {
        return models.entity(Arguments.entityType(entityType, "model"));
    }

    @Override
    public <T> Mono<T> insert(T entity) {
        return cascades.insert(Arguments.entity(entity, "insert"));
    }

    @Override
    public <T> Flux<T> insertAll(Iterable<? extends T> entities) {
        return cascades.insertAll(Flux.fromIterable(Arguments.entity(entities, "insertAll")));
    }

    @Override
    public <T> Flux<T> insertAll(Publisher<? extends T> entities) {
        return cascades.insertAll(Arguments.entity(entities, "insertAll"));
    }

    @Override
    public <T> Mono<T> update(T entity) {
        return cascades.update(Arguments.entity(entity, "update"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Mono<T> upsert(T entity) {
        T checked = Arguments.entity(entity, "upsert");
        if (filters.tenantColumn(models.entity(checked.getClass())) == null) {
            return operations.upsert(checked);
        }
        return Mono.deferContextual(context -> {
            T tenanted = forTenant(checked, context, "upsert");
            if (((DefaultEntityModel<Object>) models.entity((Class<Object>) tenanted.getClass())).idOf(tenanted) == null) {
                return operations.insert(tenanted);
            }
            return operations.update(tenanted).onErrorResume(io.rowflow.OptimisticLockException.class,
                    absent -> operations.insert(tenanted));
        });
    }

    @Override
    public <T> Flux<T> updateAll(Iterable<? extends T> entities) {
        return batchWrites.updateAll(Flux.fromIterable(Arguments.entity(entities, "updateAll")));
    }

    @Override
    public <T> Flux<T> updateAll(Publisher<? extends T> entities) {
        return batchWrites.updateAll(Arguments.entity(entities, "updateAll"));
    }

    @Override
    public <T> Mono<Long> deleteAll(Iterable<? extends T> entities) {
        return batchWrites.deleteAll(Flux.fromIterable(Arguments.entity(entities, "deleteAll")));
    }

    @Override
    public <T> Mono<Long> deleteAll(Publisher<? extends T> entities) {
        return batchWrites.deleteAll(Arguments.entity(entities, "deleteAll"));
    }

    @Override
    public <T> Mono<Boolean> delete(T entity) {
        return cascades.delete(Arguments.entity(entity, "delete"));
    }

    @Override
    public Mono<Boolean> deleteById(Class<?> entityType, Object id) {
        Class<?> type = Arguments.entityType(entityType, "deleteById");
        return operations.deleteById(type, Arguments.id(id, type, "deleteById"));
    }

    @Override
    public <T> Mono<T> findById(Class<T> entityType, Object id) {
        Class<T> type = Arguments.entityType(entityType, "findById");
        return lookups.findById(type, Arguments.id(id, type, "findById"));
    }

    @Override
    public <T> Flux<T> findAllById(Class<T> entityType, Iterable<?> ids) {
        Class<T> type = Arguments.entityType(entityType, "findAllById");
        return lookups.findAllById(type, Arguments.ids(ids, type, "findAllById"));
    }

    @Override
    public Coalescing coalescing() {
        return coalescers.settings();
    }

    @Override
    public int relationBatchSize() {
        return relationBatchSize;
    }

    @Override
    public CoalescingStatistics coalescingStatistics() {
        return coalescers.statistics();
    }

    @Override
    public <T> Mono<T> findById(Class<T> entityType, Object id, Fetchable... relationships) {
        Arguments.id(id, Arguments.entityType(entityType, "findById"), "findById");
        if (relationships.length == 0) {
            return findById(entityType, id);
        }
        DefaultEntityModel<T> model = models.entity(entityType);
        TableRef table = new TableRef(entityType, "entity");
        SelectModel<T> statement = SelectModel.of(table, entityType)
                .withWhere(KeyPredicates.equalTo(table, model.key(), model.keyArgument(id)));
        return queries.fetchFirst(statement.withOptions(QueryOptions.defaults().with(relationships)));
    }

    @Override
    public <T> Flux<T> findAll(Class<T> entityType) {
        models.entity(Arguments.entityType(entityType, "findAll"));
        return queries.fetch(SelectModel.of(new TableRef(entityType, "entity"), entityType));
    }

    @Override
    public <T> Flux<T> findAll(Class<T> entityType, Fetchable... relationships) {
        return findAll(entityType, LoadOptions.defaults(), relationships);
    }

    @Override
    public <T> Flux<T> findAll(Class<T> entityType, LoadOptions options, Fetchable... relationships) {
        Objects.requireNonNull(options, "options");
        if (relationships.length == 0) {
            return findAll(entityType);
        }
        models.entity(Arguments.entityType(entityType, "findAll"));
        return queries.fetch(SelectModel.of(new TableRef(entityType, "entity"), entityType)
                .withOptions(QueryOptions.defaults().with(relationships).withBatchSize(options.batchSize())));
    }

    @Override
    public <T> Flux<T> load(Publisher<T> entities, Fetchable... relationships) {
        return load(entities, LoadOptions.defaults(), relationships);
    }

    @Override
    public <T> Flux<T> load(Publisher<T> entities, LoadOptions options, Fetchable... relationships) {
        Objects.requireNonNull(entities, "entities");
        int batchSize = Objects.requireNonNull(options, "options").batchSize() > 0 ? options.batchSize() : relationBatchSize;
        List<FetchPlan> plans = FetchPlan.all(relationships);
        return Flux.<T>from(entities).switchOnFirst((first, all) -> {
            if (!first.hasValue() || plans.isEmpty()) {
                return all;
            }
            @SuppressWarnings("unchecked")
            DefaultEntityModel<T> model = (DefaultEntityModel<T>) models.entity(first.get().getClass());
            return relations.attach(all, model, plans, batchSize);
        });
    }

    @Override
    public Mono<Long> count(Class<?> entityType) {
        return operations.count(Arguments.entityType(entityType, "count"));
    }

    @Override
    public Mono<Boolean> existsById(Class<?> entityType, Object id) {
        Class<?> type = Arguments.entityType(entityType, "existsById");
        return operations.existsById(type, Arguments.id(id, type, "existsById"));
    }

    @Override
    public <T> Flux<T> fetch(Selectable<T> query) {
        return queries.fetch(query);
    }

    @Override
    public <T> Mono<T> fetchOne(Selectable<T> query) {
        return queries.fetchOne(query);
    }

    @Override
    public <T> Mono<T> fetchFirst(Selectable<T> query) {
        return queries.fetchFirst(query);
    }

    @Override
    public Mono<Long> count(Selectable<?> query) {
        return queries.count(query);
    }

    @Override
    public Mono<Boolean> exists(Selectable<?> query) {
        return queries.exists(query);
    }

    @Override
    public Mono<Long> execute(DataChange statement) {
        return queries.execute(statement);
    }

    @Override
    public String toSql(Selectable<?> query) {
        return queries.toSql(query);
    }

    @Override
    public SqlQuery sql(String sql) {
        NamedParameters parameters = NamedParameters.parse(Objects.requireNonNull(sql, "sql"), dialect);
        return DefaultSqlQuery.of(parameters, executor, converters, models, callbacks);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public <T> Flux<T> inTransaction(Function<Transaction, ? extends Publisher<T>> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    @Override
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Transaction, ? extends Publisher<T>> work) {
        return transactions.inTransaction(Objects.requireNonNull(options, "options"), Objects.requireNonNull(work, "work"));
    }

    @Override
    public <T> Flux<T> transactional(Flux<T> flux) {
        Objects.requireNonNull(flux, "flux");
        return inTransaction(tx -> flux);
    }

    @Override
    public <T> Mono<T> transactional(Mono<T> mono) {
        Objects.requireNonNull(mono, "mono");
        return inTransaction(tx -> mono).singleOrEmpty();
    }

    @Override
    public Mono<Void> closeReactive() {
        return disposal.close();
    }

    @Override
    public void close() {
        closeReactive().block();
    }

    @Override
    public String toString() {
        return "Database[" + dialect.name() + "]";
    }
}
