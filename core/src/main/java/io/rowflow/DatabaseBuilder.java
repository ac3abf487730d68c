package io.rowflow;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.convert.Converter;
import io.rowflow.dialect.Dialect;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.mapping.IdGenerator;
import io.rowflow.internal.runtime.DefaultDatabase;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.observe.OperationListener;
import io.rowflow.sql.QueryOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link Database}. Obtain one from {@link Database#builder(ConnectionFactory)}.
 *
 * @since 0.1
 */
public final class DatabaseBuilder {

    private final ConnectionFactory connectionFactory;
    private @Nullable Dialect dialect;
    private NamingStrategy namingStrategy = NamingStrategy.SNAKE_CASE;
    private final Map<Class<?>, Converter<?, ?>> converters = new LinkedHashMap<>();
    private final List<Dialect> extraDialects = new ArrayList<>();
    private int insertChunkSize = 1_000;
    private int relationBatchSize = QueryOptions.DEFAULT_BATCH_SIZE;
    private ConnectionProvider connectionProvider = ConnectionProvider.DEFAULT;
    private int defaultFetchSize;
    private Coalescing coalescing = Coalescing.defaults();
    private boolean ownsConnectionFactory;
    private final List<EntityMapping<?>> mappings = new ArrayList<>();
    private final List<OperationListener> listeners = new ArrayList<>();
    private io.rowflow.internal.query.TableConditions tableConditions = io.rowflow.internal.query.TableConditions.NONE;
    private final Map<String, IdGenerator<?>> idGenerators = new LinkedHashMap<>();
    private final io.rowflow.internal.filter.FilterSettings filterSettings = new io.rowflow.internal.filter.FilterSettings();

    DatabaseBuilder(ConnectionFactory connectionFactory) {
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    }

    /** Uses this dialect instead of detecting one from the connection factory's metadata. */
    public DatabaseBuilder dialect(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        return this;
    }

    /** Makes a dialect available to detection, tried before the built-in ones. */
    public DatabaseBuilder registerDialect(Dialect dialect) {
        extraDialects.add(Objects.requireNonNull(dialect, "dialect"));
        return this;
    }

    /** Derives table and column names with this strategy; snake_case by default. */
    public DatabaseBuilder namingStrategy(NamingStrategy namingStrategy) {
        this.namingStrategy = Objects.requireNonNull(namingStrategy, "namingStrategy");
        return this;
    }

    /**
     * Registers a converter for its Java type; it wins over built-in conversions. Its
     * {@link Converter#databaseType() database type} must be one the driver binds (such as
     * {@code String}, {@code Long}, {@code BigDecimal}, {@code byte[]}, {@code LocalDate}) or one
     * Rowflow converts further (such as {@code Instant}).
     *
     * @throws MappingException if the converter's database type is {@code Object} (which says
     *     nothing about how to store the value); a database type the dialect cannot store at all
     *     is reported the same way by {@link #build()}
     */
    public DatabaseBuilder converter(Converter<?, ?> converter) {
        Objects.requireNonNull(converter, "converter");
        if (converter.javaType() == null || converter.databaseType() == null) {
            throw new MappingException("Converter " + converter + " returns null from javaType() or databaseType()");
        }
        if (converter.databaseType() == Object.class) {
            throw new MappingException("Converter " + converter + " for " + converter.javaType().getName()
                    + " declares java.lang.Object as its databaseType(), which does not say how to store the value: "
                    + "declare the type toDatabase() really returns, one the driver binds "
                    + "(String, Long, Integer, BigDecimal, byte[], LocalDate...)");
        }
        converters.put(converter.javaType(), converter);
        return this;
    }

    /**
     * How operations outside Rowflow transactions obtain connections; by default each creates one
     * and closes it afterwards. Integrations (the Spring starter) use this to join their transactions.
     */
    public DatabaseBuilder connectionProvider(ConnectionProvider provider) {
        this.connectionProvider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /**
     * Rows the driver fetches per round trip when streaming {@code findAll} and queries that set no
     * fetch size of their own; {@code 0} (the default) lets the driver stream the whole result,
     * which is fastest. With a fetch size, cancelling a large stream stops the server after the
     * current batch, instead of the driver reading and discarding the rest of the result.
     */
    public DatabaseBuilder defaultFetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("defaultFetchSize must not be negative: " + rows);
        }
        this.defaultFetchSize = rows;
        return this;
    }

    /** How concurrent {@code findById} lookups are coalesced; {@link Coalescing#defaults()} unless set. */
    public DatabaseBuilder coalescing(Coalescing settings) {
        this.coalescing = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Adds a listener that sees every statement (and every outermost transaction) with the
     * operation it serves and the subscriber's Reactor context, for tracing, metrics or logging.
     * Several may be added; they are called in the order added when a statement starts and in
     * reverse order when it ends. Without listeners Rowflow does no per-statement reporting work.
     * See {@link OperationListener}; Micrometer Observation is one such listener
     * ({@code io.rowflow.observe.micrometer.RowflowObservation}).
     *
     * @since 0.2
     */
    public DatabaseBuilder listener(OperationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Maps a class in code instead of by annotations (for classes you cannot annotate): the
     * mapping replaces the class's annotations. Register the value objects such an entity embeds
     * as well, unless their annotations (or the defaults) suit. See {@link EntityMapping}.
     *
     * @since 0.2
     */
    public DatabaseBuilder mapping(EntityMapping<?> mapping) {
        Objects.requireNonNull(mapping, "mapping");
        mappings.add(mapping);
        return this;
    }

    /**
     * Registers a key generator under a name, for keys declared
     * {@code @GeneratedValue(strategy = GenerationType.GENERATOR, generator = name)} or mapped with
     * {@code IdGeneration.generator(name)}. A later registration under the same name replaces it.
     *
     * @since 0.2
     */
    public DatabaseBuilder idGenerator(String name, IdGenerator<?> generator) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(generator, "generator");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an IdGenerator needs a name");
        }
        idGenerators.put(name, generator);
        return this;
    }

    /**
     * The most rows one multi-row {@code VALUES} insert statement carries; 1,000 by default. Where
     * the dialect binds columns as arrays (PostgreSQL's {@code unnest}) a statement carries at
     * least 10,000 rows.
     */
    public DatabaseBuilder insertChunkSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("insertChunkSize must be positive: " + rows);
        }
        this.insertChunkSize = rows;
        return this;
    }

    /**
     * Parents per batch when loading relationships, for queries, {@code findAll} and {@code load}
     * calls that set no batch size of their own (a query's {@code batchSize(...)} and
     * {@link LoadOptions} win); 256 by default. Each relationship of a fetch plan costs one
     * follow-up statement per batch (and per chunk of keys), so 1,000 authors with their books
     * take 2 statements with batches of 1,000 and 5 with the default.
     *
     * @throws IllegalArgumentException unless {@code parents} is positive
     * @since 0.1
     */
    public DatabaseBuilder relationBatchSize(int parents) {
        if (parents < 1) {
            throw new IllegalArgumentException("relationBatchSize must be positive: " + parents);
        }
        this.relationBatchSize = parents;
        return this;
    }

    // ---- lifecycle callbacks and auditing ----

    private final List<io.rowflow.internal.callback.CallbackSettings.Registration> callbacks = new ArrayList<>();
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private io.rowflow.callback.@Nullable AuditorProvider auditor;

    /**
     * Registers a lifecycle callback for entities of a type (and its subclasses; {@code Object.class}
     * for every entity). Callbacks of one event run in the order registered, after the built-in
     * auditing; each gets what the previous one emitted. Without callbacks and audit columns the
     * operations do no callback work. See {@link io.rowflow.callback.Lifecycle} for where each event applies.
     *
     * @since 0.2
     */
    public <T> DatabaseBuilder callback(Class<T> type, io.rowflow.callback.Lifecycle event,
                                        io.rowflow.callback.EntityCallback<T> callback) {
        callbacks.add(new io.rowflow.internal.callback.CallbackSettings.Registration(
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(event, "event"),
                Objects.requireNonNull(callback, "callback")));
        return this;
    }

    /**
     * The clock {@code @CreatedAt}, {@code @UpdatedAt} and {@code @SoftDelete} timestamps read; the system
     * clock in UTC by default.
     * Its zone is the zone of {@code LocalDateTime} and {@code OffsetDateTime} audit values.
     *
     * @since 0.2
     */
    public DatabaseBuilder clock(java.time.Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        filterSettings.clock(clock);
        return this;
    }

    /**
     * Where {@code @CreatedBy} and {@code @UpdatedBy} come from: the current auditor, read from the
     * subscriber's Reactor context. Without one those properties are left as they are.
     *
     * @since 0.2
     */
    public DatabaseBuilder auditor(io.rowflow.callback.AuditorProvider auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        return this;
    }

    private io.rowflow.internal.callback.CallbackSettings callbackSettings() {
        return new io.rowflow.internal.callback.CallbackSettings(callbacks, clock, auditor);
    }

    /**
     * Creates the database. Throws {@link RowflowException} if no dialect was set and none matches
     * the connection factory's metadata, and {@link MappingException} if a registered converter's
     * database type is one the dialect cannot store.
     */
    public Database build() {
        Dialect chosen = dialect != null ? dialect : detect();
        if (connectionProvider instanceof TenantConnections routing) {
            filterSettings.partitionBy(routing::tenantOrNull);
        }
        return new DefaultDatabase(connectionFactory, chosen, namingStrategy, converters, insertChunkSize,
                connectionProvider, defaultFetchSize, coalescing, relationBatchSize, ownsConnectionFactory, mappings,
                listeners, tableConditions, idGenerators, callbackSettings(), filterSettings);
    }

    // ---- global filters, soft delete and tenancy ----

    /**
     * Adds a global filter to every read of an entity type: queries, lookups, counts, existence
     * checks, relationship loads and coalesced batches, wherever its table appears. The function
     * gets the table's appearance and returns a condition on it built from the query model
     * ({@code new Expression.Column(table, "property")}, values as {@code Expression.Value}, bound):
     * identifiers come only from the mapping, never SQL text. {@link Database#unfiltered()} skips it.
     *
     * @since 0.2
     */
    public <T> DatabaseBuilder filter(Class<T> entityType, java.util.function.Function<io.rowflow.sql.TableRef,
            io.rowflow.sql.Predicate> filter) {
        filterSettings.filter(entityType, filter);
        return this;
    }

    /**
     * Takes the current tenant of entities with a {@link io.rowflow.annotation.TenantId} from the
     * subscriber's Reactor {@code Context} with this function ({@code null} when there is none: the
     * operation then fails with {@link TenantException}). Called per statement; keep it cheap.
     *
     * @since 0.2
     */
    public DatabaseBuilder tenant(java.util.function.Function<reactor.util.context.ContextView, ? extends @Nullable Object> resolver) {
        filterSettings.tenant(resolver);
        return this;
    }

    /**
     * Adds conditions to every read of the entities they name (internal: the hook global filters and
     * tenancy will use; no public API yet).
     */
    DatabaseBuilder tableConditions(io.rowflow.internal.query.TableConditions conditions) {
        this.tableConditions = Objects.requireNonNull(conditions, "conditions");
        return this;
    }

    /** Makes the database close the connection factory on {@link Database#close()}: it created the factory itself. */
    DatabaseBuilder owningConnectionFactory() {
        this.ownsConnectionFactory = true;
        return this;
    }

    private Dialect detect() {
        String product = connectionFactory.getMetadata().getName();
        List<Dialect> candidates = new ArrayList<>(extraDialects);
        candidates.addAll(Dialect.builtIns());
        return candidates.stream().filter(d -> d.matches(product)).findFirst()
                .orElseThrow(() -> new RowflowException("No Rowflow dialect matches database '" + product
                        + "'; pass one with Database.builder(factory).dialect(...)"));
    }
}
