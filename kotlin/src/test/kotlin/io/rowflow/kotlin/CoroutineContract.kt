package io.rowflow.kotlin

import io.r2dbc.pool.ConnectionPool
import io.r2dbc.spi.ConnectionFactory
import io.rowflow.Database
import io.rowflow.NonUniqueResultException
import io.rowflow.query.Queries.select
import io.rowflow.query.Queries.update
import java.time.Duration
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.count
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.reactor.awaitSingle
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.RepeatedTest
import org.junit.jupiter.api.Test
import io.rowflow.test.Await
import io.rowflow.test.TestDatabases

/**
 * The coroutine view on one database: suspending CRUD on a data class, flows, the infix DSL with
 * the kapt-generated metamodel, and transactions carried in the coroutine context — committed,
 * rolled back on an exception and on cancellation, with the pool idle afterwards.
 */
abstract class CoroutineContract {

    private lateinit var pool: ConnectionPool
    private lateinit var db: CoroutineDatabase

    /** The real database under test, unpooled. */
    protected abstract fun connectionFactory(): ConnectionFactory

    @BeforeEach
    fun createTable() {
        pool = TestDatabases.pooled(connectionFactory(), 4)
        val database = Database.create(pool)
        database.schema().dropIfExists(Shelf::class.java).then(database.schema().create(Shelf::class.java))
            .block(TIMEOUT)
        db = database.coroutines()
    }

    @AfterEach
    fun closePool() {
        awaitPoolIdle()
        pool.dispose()
    }

    private fun acquired(): Int = pool.metrics.orElseThrow().acquiredSize()

    private fun awaitPoolIdle() = Await.until("the pool is idle", TIMEOUT) { acquired() == 0 }

    private fun test(block: suspend CoroutineScope.() -> Unit) = runBlocking { withTimeout(TIMEOUT.toMillis()) { block() } }

    @Test
    fun dataClassesAreInsertedFoundUpdatedAndDeleted() = test {
        val stored = db.insert(Shelf(label = "Poetry"))
        assertThat(stored.id).isNotNull()

        assertThat(db.findById<Shelf>(stored.id!!)).isEqualTo(stored)
        assertThat(db.findById<Shelf>(stored.id!! + 1000)).isNull()

        val moved = db.update(stored.copy(position = 3, note = "by the window"))
        assertThat(moved.note).isEqualTo("by the window")
        assertThat(db.findById<Shelf>(stored.id!!)).isEqualTo(moved)
        assertThat(db.count<Shelf>()).isEqualTo(1)
        assertThat(db.existsById<Shelf>(stored.id!!)).isTrue()

        assertThat(db.deleteById<Shelf>(stored.id!!)).isTrue()
        assertThat(db.deleteById<Shelf>(stored.id!!)).isFalse()
        assertThat(db.count<Shelf>()).isZero()
    }

    @Test
    fun nullablePropertiesAreNullColumnsAndNullComparisonsAreIsNull() = test {
        db.insertAll(listOf(Shelf(label = "a"), Shelf(label = "b", note = "noted"), Shelf(label = "c"))).toList()

        val unnoted = db.fetch(select(SHELF).where(SHELF.note eq null).orderBy(SHELF.label.asc())).toList()
        assertThat(unnoted.map { it.label }).containsExactly("a", "c")
        assertThat(unnoted.map { it.note }).containsOnlyNulls()

        val noted = db.fetchOne(select(SHELF).where(SHELF.note ne null))
        assertThat(noted.note).isEqualTo("noted")
    }

    @Test
    fun infixConditionsQueryAndUpdate() = test {
        db.insertAll((1..20).map { Shelf(label = "shelf %02d".format(it), position = it) }).toList()

        val middle = db.fetch(select(SHELF).where((SHELF.position between 5..8) and (SHELF.label startsWith "shelf"))
            .orderBy(SHELF.position.desc())).map { it.position }.toList()
        assertThat(middle).containsExactly(8, 7, 6, 5)
        assertThat(db.count(select(SHELF).where((SHELF.position lt 3) or (SHELF.position ge 19)))).isEqualTo(4)
        assertThat(db.fetchFirst(select(SHELF).where(SHELF.position gt 20))).isNull()
        assertThat(db.exists(select(SHELF).where(SHELF.label eq "shelf 07"))).isTrue()
        assertThatThrownBy { runBlocking { db.fetchOne(select(SHELF).where(SHELF.position le 2)) } }
            .isInstanceOf(NonUniqueResultException::class.java)

        val moved = db.execute(update(SHELF).set(SHELF.note, "moved").where(SHELF.position isIn listOf(1, 2, 3)))
        assertThat(moved).isEqualTo(3)
        assertThat(db.sql("select count(*) from kt_shelf where note = :note").bind("note", "moved")
            .mapTo(Long::class.javaObjectType).awaitOne()).isEqualTo(3)
    }

    @Test
    fun tenThousandRowsStreamAsAFlowAndAnEarlyStopReleasesTheConnection() = test {
        assertThat(db.insertAll((1..ROWS).map { Shelf(label = "s$it", position = it) }).count()).isEqualTo(ROWS)

        assertThat(db.findAll<Shelf>().count()).isEqualTo(ROWS)
        assertThat(db.fetch(select(SHELF).orderBy(SHELF.position.asc()).fetchSize(500)).take(3).map { it.position }
            .toList()).containsExactly(1, 2, 3)
        awaitPoolIdle()
    }

    @Test
    fun aTransactionCommitsWhenTheBlockReturns() = test {
        val result = db.inTransaction { transaction ->
            assertThat(transaction.isNested).isFalse()
            insert(Shelf(label = "one"))
            insert(Shelf(label = "two"))
            count<Shelf>()
        }
        assertThat(result).isEqualTo(2)
        assertThat(db.count<Shelf>()).isEqualTo(2)
    }

    @Test
    fun aTransactionRollsBackWhenTheBlockThrowsAndRethrows() = test {
        assertThatThrownBy {
            runBlocking {
                db.inTransaction {
                    insert(Shelf(label = "kept only inside"))
                    // the Reactor API awaited inside the block joins the transaction too
                    database.insert(Shelf(label = "through the Mono")).awaitSingle()
                    assertThat(count<Shelf>()).isEqualTo(2)
                    throw IllegalStateException("boom")
                }
            }
        }.isInstanceOf(IllegalStateException::class.java).hasMessage("boom")
        assertThat(db.count<Shelf>()).isZero()
    }

    @Test
    fun aNestedTransactionRollsBackItsSavepointAlone() = test {
        db.inTransaction {
            insert(Shelf(label = "outer"))
            runCatching { inTransaction { nested -> assertThat(nested.isNested).isTrue(); insert(Shelf(label = "inner")); error("inner") } }
            insert(Shelf(label = "outer again"))
        }
        assertThat(db.findAll<Shelf>().map { it.label }.toList()).containsExactlyInAnyOrder("outer", "outer again")
    }

    @RepeatedTest(3)
    fun cancellingTheCoroutineRollsBackAndReleasesTheConnection() = test {
        val inserted = CompletableDeferred<Long>()
        val blockCancelled = CompletableDeferred<Boolean>()
        val job = launch {
            db.inTransaction {
                inserted.complete(insert(Shelf(label = "never committed")).id!!)
                try {
                    awaitCancellation()
                } finally {
                    blockCancelled.complete(true)
                }
            }
        }
        val id = inserted.await()
        assertThat(acquired()).isEqualTo(1)

        job.cancelAndJoin()

        assertThat(blockCancelled.await()).isTrue()
        awaitPoolIdle()
        assertThat(db.findById<Shelf>(id)).isNull()
        assertThat(db.count<Shelf>()).isZero()
    }

    @RepeatedTest(3)
    fun cancellingWhileStatementsRunRollsBackEveryOne() = test {
        val started = CompletableDeferred<Unit>()
        // Another thread: H2 answers synchronously, so on this one the loop would never let the test run.
        val work = launch(Dispatchers.Default) {
            db.inTransaction {
                for (i in 1..ROWS) {
                    insert(Shelf(label = "row $i"))
                    if (i == 10) started.complete(Unit)
                }
            }
        }
        started.await()
        work.cancelAndJoin()

        awaitPoolIdle()
        assertThat(db.count<Shelf>()).isZero()
    }

    @Test
    fun aTransactionalFlowCommitsOnCompletionAndRollsBackWhenTheCollectorStopsEarly() = test {
        val all = db.transactionalFlow { flow { (1..5).forEach { emit(insert(Shelf(label = "f$it"))) } } }
        assertThat(all.count()).isEqualTo(5)
        assertThat(db.count<Shelf>()).isEqualTo(5)

        val first = db.transactionalFlow { flow { (6..10).forEach { emit(insert(Shelf(label = "f$it"))) } } }.take(1).toList()
        assertThat(first).hasSize(1)
        awaitPoolIdle()
        assertThat(db.count<Shelf>()).isEqualTo(5)
    }

    @Test
    fun aTransactionalFlowThatFailsRollsBackWhatItInserted() = test {
        val failing = db.transactionalFlow {
            flow {
                emit(insert(Shelf(label = "inserted, then rolled back")))
                error("the flow fails")
            }
        }
        assertThatThrownBy { runBlocking { failing.toList() } }.hasMessage("the flow fails")
        assertThat(db.count<Shelf>()).isZero()
    }

    companion object {
        private val TIMEOUT: Duration = Duration.ofSeconds(60)
        private const val ROWS = 10_000
        private val SHELF = Shelf_.SHELF
    }
}
