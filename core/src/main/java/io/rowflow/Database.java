package io.rowflow;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.dialect.Dialect;
import io.rowflow.mapping.EntityModel;
import io.rowflow.sql.DataChange;
import io.rowflow.sql.Fetchable;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.Selectable;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The entry point to Rowflow: entity CRUD, raw SQL, schema generation and reactive transactions
 * over one R2DBC {@link ConnectionFactory}.
 *
 * <p>Every method returns a cold publisher: nothing happens until subscription, and each
 * subscription runs the operation again. Outside a transaction each operation acquires its own
 * connection when subscribed and releases it on completion, error and cancellation. Inside
 * {@link #inTransaction(Function)} (or a publisher passed through {@link #transactional(Flux)})
 * every operation joins the transaction's connection through the Reactor {@code Context};
 * operations started concurrently there are queued, one statement at a time.
 *
 * <p>Errors arrive through {@code onError} as {@link RowflowException}s: {@link DataAccessException}
 * and its subtypes for database failures (with the SQL, never the bound values),
 * {@link OptimisticLockException}, {@link NonUniqueResultException}. Arguments that cannot work
 * (an unmapped class, an update without id) fail at the call with {@link MappingException} or
 * {@link QueryException}. A {@code null} argument (an entity, an entity class, an id, an element of
 * {@code ids}) is a programming error: the call throws {@link NullPointerException} at once, before
 * anything is sent, its message naming the operation, the argument and the entity class, such as
 * {@code findById: the id of com.example.Book must not be null}. A {@code Database} is thread-safe;
 * create one per connection factory.
 *
 * <p>A database made by {@link #connect(String)} owns the connection factory (a pool, with an
 * {@code r2dbc:pool:} URL) it created and disposes it on {@link #close()}; a database over a
 * factory the application passed in leaves that factory alone, since its owner may still use it.
 *
 * @since 0.1
 */
public interface Database extends AutoCloseable {

    /**
     * A database over an R2DBC URL such as {@code r2dbc:pool:postgresql://user@localhost/db} or
     * {@code r2dbc:h2:mem:///demo}. The database owns the connection factory it creates from the
     * URL: {@link #close()} disposes it (closing a pool's connections).
     */
    static Database connect(String r2dbcUrl) {
        Objects.requireNonNull(r2dbcUrl, "r2dbcUrl");
        return builder(ConnectionFactories.get(r2dbcUrl)).owningConnectionFactory().build();
    }

    /**
     * A database over a connection factory (use a pool, such as r2dbc-pool, in services), with
     * defaults. The factory stays the caller's: {@link #close()} does not dispose it.
     */
    static Database create(ConnectionFactory connectionFactory) {
        return builder(connectionFactory).build();
    }

    /** A builder to set the dialect, naming strategy, converters and batch sizes. */
    static DatabaseBuilder builder(ConnectionFactory connectionFactory) {
        return new DatabaseBuilder(connectionFactory);
    }

    /** The dialect in use, detected from the connection factory's metadata unless set explicitly. */
    Dialect dialect();

    /** The connection factory operations acquire connections from. */
    ConnectionFactory connectionFactory();

    /** The mapping model of an entity class; throws {@link MappingException} if it cannot be mapped. */
    <T> EntityModel<T> model(Class<T> entityType);

    // ---- writing ----

    /**
     * Inserts one entity. Emits the inserted entity: with its generated id and initial version set
     * (a mutable entity is updated in place and emitted; a record is emitted as a new instance).
     *
     * <p>Like every operation here the {@code Mono} is cold: each subscription inserts again, from
     * the entity as it is at that moment. With a generated id, a record is unchanged by the first
     * insert, so a second subscription inserts a second row with a new id; a mutable entity carries
     * the id the first subscription set, so a second subscription inserts that id again and fails
     * with {@link DuplicateKeyException} (as does any entity whose id you assign). Subscribe once;
     * {@code cache()} the {@code Mono} to share its one result, and do not {@code retry()} an
     * insert that may have succeeded.
     */
    <T> Mono<T> insert(T entity);

    /**
     * Inserts many entities of one class with multi-row statements of up to
     * {@link DatabaseBuilder#insertChunkSize(int)} rows (fewer when the dialect's bind-parameter
     * limit requires), all in one transaction (or the current one). Emits the inserted entities
     * in input order, with generated ids set. Cancelling the returned {@code Flux} (with
     * {@code next()}, {@code take(n)}...) rolls the whole batch back; use {@code then()} or
     * {@code collectList()} to wait for it.
     */
    <T> Flux<T> insertAll(Iterable<? extends T> entities);

    /**
     * Inserts a stream of entities chunk by chunk with bounded memory; see {@link #insertAll(Iterable)}.
     */
    <T> Flux<T> insertAll(Publisher<? extends T> entities);

    /**
     * Updates every column of an entity by id and emits the entity as stored. With a
     * {@link io.rowflow.annotation.Version} the update only matches the version read and
     * increments it; if no row matches, emits {@link OptimisticLockException}.
     */
    <T> Mono<T> update(T entity);

    /**
     * Inserts the entity, or overwrites the row with the same id if there is one, in one
     * statement ({@code ON CONFLICT}, {@code ON DUPLICATE KEY UPDATE} or {@code MERGE}, by
     * dialect). Emits the row as stored. The version, if any, is incremented on overwrite without
     * being checked. An entity with a {@code null} generated id is simply inserted. A dialect
     * without upsert emits a {@link QueryException} caused by the dialect's {@link UnsupportedOperationException}.
     */
    <T> Mono<T> upsert(T entity);

    /**
     * Updates many entities by key with one statement per chunk (PostgreSQL binds one array per
     * column, so a chunk holds at least 10,000 rows; other databases bind rows of values within their
     * bind-parameter limit), all in one transaction (or the current one). With a
     * {@link io.rowflow.annotation.Version} each row is matched on the version read and gets the next
     * one; if any entity matched no row, emits an {@link OptimisticLockException} whose
     * {@link OptimisticLockException#staleKeys()} names them, and nothing of the batch is kept. Emits
     * the entities as stored, in input order. Entities with callbacks, loaded cascading relationships,
     * a tenant or a soft-delete column are updated one by one, as {@link #update} does. The same key
     * twice in one chunk is refused with a {@link QueryException}.
     *
     * @since 0.2
     */
    <T> Flux<T> updateAll(Iterable<? extends T> entities);

    /** Updates a stream of entities chunk by chunk; see {@link #updateAll(Iterable)}. */
    <T> Flux<T> updateAll(Publisher<? extends T> entities);

    /**
     * Deletes many entities by key (and version) with one statement per chunk, like
     * {@link #updateAll(Iterable)}, all in one transaction (or the current one); emits the number of
     * rows deleted. Versioned entities whose version no longer matches (or whose row is gone) fail the
     * batch with an {@link OptimisticLockException} naming them; unversioned entities without a row are
     * simply not counted. Entities with callbacks, cascading relationships, a tenant or a soft-delete
     * column are deleted one by one, as {@link #delete} does.
     *
     * @since 0.2
     */
    <T> Mono<Long> deleteAll(Iterable<? extends T> entities);

    /** Deletes a stream of entities chunk by chunk; see {@link #deleteAll(Iterable)}. */
    <T> Mono<Long> deleteAll(Publisher<? extends T> entities);

    /**
     * Deletes the entity's row by id. Emits {@code true} when a row was deleted, {@code false}
     * when none had the id. A versioned entity is deleted only if its version still matches;
     * otherwise (changed or already deleted by someone else) emits {@link OptimisticLockException}.
     */
    <T> Mono<Boolean> delete(T entity);

    /**
     * Deletes the row with this id; emits whether a row was deleted.
     *
     * @throws NullPointerException if {@code entityType} or {@code id} is {@code null}
     */
    Mono<Boolean> deleteById(Class<?> entityType, Object id);

    // ---- reading ----

    /**
     * Emits the entity with this id, or completes empty. Outside a transaction concurrent lookups
     * of one entity are coalesced into batched statements under load (see {@link Coalescing}).
     *
     * @throws NullPointerException if {@code entityType} or {@code id} is {@code null}
     */
    <T> Mono<T> findById(Class<T> entityType, Object id);

    /**
     * Emits the entities with these ids that exist, in the order of the ids (duplicates once).
     *
     * @throws NullPointerException if {@code entityType} or {@code ids} is {@code null} or contains {@code null}
     */
    <T> Flux<T> findAllById(Class<T> entityType, Iterable<?> ids);

    /** The coalescing settings this database was built with. */
    Coalescing coalescing();

    /**
     * Parents per batch when loading relationships for queries and calls that set no batch size of
     * their own: {@link DatabaseBuilder#relationBatchSize(int)}, 256 unless set.
     *
     * @since 0.1
     */
    int relationBatchSize();

    /** Counters of coalescing (lookups and relationship loads) since this database was created. */
    CoalescingStatistics coalescingStatistics();

    /** Streams every row of the entity's table, with backpressure; cancel to stop early. */
    <T> Flux<T> findAll(Class<T> entityType);

    /**
     * Emits the entity with this id with the given relationships loaded ({@code FetchPlan.of("books")}
     * or a DSL path such as {@code AUTHOR.books}), or completes empty. Outside a transaction both
     * the lookup and the relationships' follow-up queries are coalesced with those of concurrent
     * requests under load (see {@link Coalescing}). With a single parent there is nothing to
     * batch: each relationship costs one follow-up query (per chunk of keys of a nested level).
     */
    <T> Mono<T> findById(Class<T> entityType, Object id, Fetchable... relationships);

    /**
     * Streams every row of the entity's table with the given relationships loaded: one follow-up
     * query per relationship and batch of parents ({@link DatabaseBuilder#relationBatchSize(int)},
     * 256 unless set), parents in table order.
     */
    <T> Flux<T> findAll(Class<T> entityType, Fetchable... relationships);

    /**
     * {@link #findAll(Class, Fetchable...)} with options for this call, such as
     * {@code LoadOptions.batchesOf(1_000)} to load 1,000 parents' relationships per follow-up query.
     *
     * @since 0.1
     */
    <T> Flux<T> findAll(Class<T> entityType, LoadOptions options, Fetchable... relationships);

    /**
     * Loads relationships into entities obtained another way (all of one class), in batches of
     * {@link DatabaseBuilder#relationBatchSize(int)} (256 unless set): emits them in the same order
     * with the relationships set (records as new instances).
     */
    <T> Flux<T> load(Publisher<T> entities, Fetchable... relationships);

    /**
     * {@link #load(Publisher, Fetchable...)} with options for this call, such as
     * {@code LoadOptions.batchesOf(1_000)}.
     *
     * @since 0.1
     */
    <T> Flux<T> load(Publisher<T> entities, LoadOptions options, Fetchable... relationships);

    /** Emits the number of rows in the entity's table. */
    Mono<Long> count(Class<?> entityType);

    /**
     * Emits whether a row with this id exists.
     *
     * @throws NullPointerException if {@code entityType} or {@code id} is {@code null}
     */
    Mono<Boolean> existsById(Class<?> entityType, Object id);

    // ---- queries ----

    /**
     * Streams the rows of a query built with the query DSL (or a {@link SelectStatement}), with
     * backpressure. Errors with {@link QueryException} before any SQL is sent when the query
     * cannot be rendered.
     */
    <T> Flux<T> fetch(Selectable<T> query);

    /**
     * Emits the query's only row, completes empty without rows, errors with
     * {@link NonUniqueResultException} on more. A query of whole entities filtered only by
     * equality on the id or a unique column is a lookup, coalesced like {@code findById}.
     */
    <T> Mono<T> fetchOne(Selectable<T> query);

    /**
     * Emits the query's first row or completes empty; asks the database for one row only. A
     * query filtered only by equality on the id or a unique column is coalesced like {@code findById}.
     */
    <T> Mono<T> fetchFirst(Selectable<T> query);

    /** Emits how many rows the query returns, counted by the database. */
    Mono<Long> count(Selectable<?> query);

    /** Emits whether the query returns any row, asking the database for at most one. */
    Mono<Boolean> exists(Selectable<?> query);

    /** Runs an update or delete built with the query DSL; emits the number of affected rows. */
    Mono<Long> execute(DataChange statement);

    /** The SQL text a query renders to on this database, with bind markers in place of values. */
    String toSql(Selectable<?> query);

    /**
     * Starts a hand-written SQL statement with named parameters ({@code :name}), the escape hatch
     * for what the rest of the API does not cover. Values are always bound, never inlined.
     * Raw SQL is sent as written: global filters, soft delete and the tenant discriminator are
     * not added to it.
     */
    SqlQuery sql(String sql);

    /**
     * The same database seen without global filters and soft delete (an admin view): its reads
     * see filtered and soft-deleted rows, its {@code delete} of a soft-delete entity deletes the
     * row. The tenant discriminator still applies. It shares connections, transactions and
     * coalescing with this database; coalesced reads of the two views never share a statement.
     *
     * @since 0.2
     */
    Database unfiltered();

    /** Schema generation from the entity models: for tests, demos and quick starts. */
    Schema schema();

    // ---- lifecycle ----

    /**
     * Disposes the connection factory this database created itself ({@link #connect(String)}):
     * emits nothing and completes once the factory (a pool and its connections) is closed, or at
     * once when the factory was handed in, which is never touched. Only the first subscription
     * closes; later ones complete at once. Operations started afterwards fail like those on a closed pool.
     *
     * @since 0.1
     */
    Mono<Void> closeReactive();

    /**
     * {@link #closeReactive()}, waiting for it: for {@code try}-with-resources, shutdown hooks and
     * frameworks' destroy callbacks. Do not call it on a non-blocking thread.
     *
     * @since 0.1
     */
    @Override
    void close();

    // ---- transactions ----

    /**
     * Runs the publisher returned by {@code work} in a transaction: commits when it completes,
     * rolls back when it errors or is cancelled. Inside an enclosing transaction of this database
     * the work runs in a savepoint instead, rolled back alone on error. A statement that fails
     * inside dooms the scope even if the error is handled: it then rolls back and emits
     * {@link TransactionRollbackException}.
     */
    <T> Flux<T> inTransaction(Function<Transaction, ? extends Publisher<T>> work);

    /** {@link #inTransaction(Function)} with an isolation level or read-only flag. */
    <T> Flux<T> inTransaction(TransactionOptions options, Function<Transaction, ? extends Publisher<T>> work);

    /** Runs a flux in a transaction: {@code flux.as(db::transactional)}. */
    <T> Flux<T> transactional(Flux<T> flux);

    /** Runs a mono in a transaction: {@code mono.as(db::transactional)}. */
    <T> Mono<T> transactional(Mono<T> mono);
}
