/**
 * Kotlin coroutine access to Rowflow: [CoroutineDatabase] (from [Database.coroutines]) runs the
 * operations of a [Database] as `suspend` functions and [Flow]s, carries transactions through the
 * coroutine context, and adds reified lookups; `QueryOperators.kt` adds infix query operators.
 */
package io.rowflow.kotlin

import io.rowflow.Database
import io.rowflow.RowQuery
import io.rowflow.SqlQuery
import io.rowflow.Transaction
import io.rowflow.TransactionOptions
import io.rowflow.sql.DataChange
import io.rowflow.sql.Fetchable
import io.rowflow.sql.Selectable
import kotlin.coroutines.coroutineContext
import kotlin.reflect.KClass
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.reactive.asFlow
import kotlinx.coroutines.reactor.asFlux
import kotlinx.coroutines.reactor.awaitSingle
import kotlinx.coroutines.reactor.awaitSingleOrNull
import kotlinx.coroutines.reactor.mono

/**
 * The coroutine view of a [Database]: the same operations, connections and transactions, as
 * `suspend` functions for single results and cold [Flow]s for streams.
 *
 * A suspending call subscribes to the database's publisher and resumes with its result; a [Flow]
 * subscribes when collected and requests rows as the collector takes them (backpressure). Both
 * pass the coroutine's [kotlinx.coroutines.reactor.ReactorContext] to the subscription, so every
 * call made inside [inTransaction] joins its transaction, and so does code running in a Reactor
 * pipeline that carries a Rowflow transaction in its `Context`. Cancelling the coroutine cancels
 * the subscription: the connection is released, and a transaction rolls back. Errors are the
 * database's [io.rowflow.RowflowException]s, thrown from the suspending call or the collection.
 *
 * Absent results are `null` ([findById], [fetchFirst]) rather than empty publishers. An instance
 * holds nothing but its database and is as thread-safe as the database.
 *
 * @property database the database whose operations this view runs
 * @since 0.1
 */
class CoroutineDatabase internal constructor(val database: Database) {

    // ---- writes ----

    /** Inserts [entity] and returns it as stored (generated values filled in). */
    suspend fun <T : Any> insert(entity: T): T = database.insert(entity).awaitSingle()

    /** Inserts every entity in as few statements as the dialect allows; emits them as stored, in order. */
    fun <T : Any> insertAll(entities: Iterable<T>): Flow<T> = database.insertAll(entities).asFlow()

    /** Updates [entity] by its key and returns it as stored (a new version, if versioned). */
    suspend fun <T : Any> update(entity: T): T = database.update(entity).awaitSingle()

    /** Inserts [entity], or updates the row with its key; returns it as stored. */
    suspend fun <T : Any> upsert(entity: T): T = database.upsert(entity).awaitSingle()

    /** Deletes [entity] by its key; `true` when a row was deleted. */
    suspend fun delete(entity: Any): Boolean = database.delete(entity).awaitSingle()

    /** Deletes the entity of [type] with key [id]; `true` when a row was deleted. */
    suspend fun deleteById(type: KClass<*>, id: Any): Boolean = database.deleteById(type.java, id).awaitSingle()

    /** Deletes the entity of type [T] with key [id]: `deleteById<Book>(7)`. */
    suspend inline fun <reified T : Any> deleteById(id: Any): Boolean = deleteById(T::class, id)

    // ---- reads by key and whole tables ----

    /** The entity of [type] with key [id] and the [relationships] asked for, or `null` when there is none. */
    suspend fun <T : Any> findById(type: KClass<T>, id: Any, vararg relationships: Fetchable): T? =
        database.findById(type.java, id, *relationships).awaitSingleOrNull()

    /** The entity of type [T] with key [id], or `null`: `findById<Book>(7)`. */
    suspend inline fun <reified T : Any> findById(id: Any, vararg relationships: Fetchable): T? =
        findById(T::class, id, *relationships)

    /** Every entity of [type], with the [relationships] asked for, streamed. */
    fun <T : Any> findAll(type: KClass<T>, vararg relationships: Fetchable): Flow<T> =
        database.findAll(type.java, *relationships).asFlow()

    /** Every entity of type [T], streamed: `findAll<Book>()`. */
    inline fun <reified T : Any> findAll(vararg relationships: Fetchable): Flow<T> = findAll(T::class, *relationships)

    /** The number of rows of [type]'s table. */
    suspend fun count(type: KClass<*>): Long = database.count(type.java).awaitSingle()

    /** The number of rows of [T]'s table: `count<Book>()`. */
    suspend inline fun <reified T : Any> count(): Long = count(T::class)

    /** Whether an entity of [type] with key [id] exists. */
    suspend fun existsById(type: KClass<*>, id: Any): Boolean = database.existsById(type.java, id).awaitSingle()

    /** Whether an entity of type [T] with key [id] exists: `existsById<Book>(7)`. */
    suspend inline fun <reified T : Any> existsById(id: Any): Boolean = existsById(T::class, id)

    // ---- queries ----

    /** Every row of [query], streamed. */
    fun <T : Any> fetch(query: Selectable<T>): Flow<T> = database.fetch(query).asFlow()

    /** The one row of [query]; throws [io.rowflow.NonUniqueResultException] for none or several. */
    suspend fun <T : Any> fetchOne(query: Selectable<T>): T = database.fetchOne(query).awaitSingle()

    /** The first row of [query], or `null` when it has none. */
    suspend fun <T : Any> fetchFirst(query: Selectable<T>): T? = database.fetchFirst(query).awaitSingleOrNull()

    /** The number of rows [query] selects. */
    suspend fun count(query: Selectable<*>): Long = database.count(query).awaitSingle()

    /** Whether [query] selects any row. */
    suspend fun exists(query: Selectable<*>): Boolean = database.exists(query).awaitSingle()

    /** Runs an update or delete statement; returns the rows it changed. */
    suspend fun execute(statement: DataChange): Long = database.execute(statement).awaitSingle()

    /** Hand-written SQL with named parameters; run it with [awaitExecute], [flow], [awaitOne] or [awaitFirst]. */
    fun sql(sql: String): SqlQuery = database.sql(sql)

    // ---- transactions ----

    /**
     * Runs [block] in a transaction and returns its result: commits when the block returns, rolls
     * back when it throws (rethrowing the exception) and when the calling coroutine is cancelled
     * (then the connection is released too). Every call of this database made inside the block —
     * through this view, or through [database] in a Reactor pipeline awaited there — joins the
     * transaction, which travels in the coroutine context as Reactor `Context`. Inside an enclosing
     * transaction the block runs in a savepoint. Concurrent children launched inside share the one
     * connection, one statement at a time.
     */
    suspend fun <R> inTransaction(
        options: TransactionOptions = TransactionOptions.defaults(),
        block: suspend CoroutineDatabase.(Transaction) -> R,
    ): R {
        val context = coroutineContext.minusKey(Job)
        val result = database.inTransaction<Any>(options) { transaction -> mono<Any>(context) { block(transaction) } }
            .singleOrEmpty()
            .awaitSingleOrNull()
        @Suppress("UNCHECKED_CAST")
        return result as R
    }

    /**
     * A flow that runs in a transaction when collected: [block] builds the flow from the
     * transaction; the transaction commits when the flow completes, rolls back when it fails and
     * when the collector stops early or is cancelled. Calls made while the flow is produced join it.
     * Elements are handed over one at a time (no buffer between producer and collector), so the
     * producer never runs ahead of the collector and commits work the collector did not wait for.
     */
    fun <T : Any> transactionalFlow(
        options: TransactionOptions = TransactionOptions.defaults(),
        block: CoroutineDatabase.(Transaction) -> Flow<T>,
    ): Flow<T> = database.inTransaction(options) { transaction -> block(transaction).asFlux() }
        .asFlow()
        .buffer(Channel.RENDEZVOUS)

    override fun toString(): String = "CoroutineDatabase($database)"
}

/** The coroutine view of this database: `suspend` functions and [Flow]s over the same connections and transactions. */
fun Database.coroutines(): CoroutineDatabase = CoroutineDatabase(this)

/** Runs the statement; returns the rows it changed. */
suspend fun SqlQuery.awaitExecute(): Long = execute().awaitSingle()

/** Every row, streamed. */
fun <T : Any> RowQuery<T>.flow(): Flow<T> = fetch().asFlow()

/** The one row; throws [io.rowflow.NonUniqueResultException] for none or several. */
suspend fun <T : Any> RowQuery<T>.awaitOne(): T = fetchOne().awaitSingle()

/** The first row, or `null` when there is none. */
suspend fun <T : Any> RowQuery<T>.awaitFirst(): T? = fetchFirst().awaitSingleOrNull()
