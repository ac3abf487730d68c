package io.rowflow.kotlin

import io.r2dbc.spi.ConnectionFactory
import io.rowflow.test.TestDatabases

/** The coroutine suite on embedded H2. */
class H2CoroutineTest : CoroutineContract() {
    override fun connectionFactory(): ConnectionFactory = TestDatabases.h2()
}

/** The coroutine suite on the real PostgreSQL server, in a schema of its own. */
class PostgresCoroutineTest : CoroutineContract() {
    override fun connectionFactory(): ConnectionFactory = TestDatabases.postgres(javaClass)
}

/** The coroutine suite on the real MariaDB server, in a database of its own. */
class MariaDbCoroutineTest : CoroutineContract() {
    override fun connectionFactory(): ConnectionFactory = TestDatabases.mariadb(javaClass)
}
