package io.rowflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.QueryTimeoutException;
import io.rowflow.fixtures.Author;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * PostgreSQL failures that need the real server to happen: timeouts and aborted transactions.
 * Read-only transactions are covered by the transaction suite.
 */
class PostgresErrorsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private Database db;

    @BeforeEach
    void createTables() {
        db = Database.create(TestDatabases.postgres(getClass()));
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(TIMEOUT);
    }

    @Test
    void statementTimeoutSurfacesAsTransientQueryTimeout() {
        var work = db.inTransaction(tx -> db.sql("set local statement_timeout = 100").execute()
                .then(db.sql("select pg_sleep(5)").map(row -> 1).fetchFirst()));

        StepVerifier.create(work)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(QueryTimeoutException.class);
                    QueryTimeoutException timeout = (QueryTimeoutException) e;
                    assertThat(timeout.sqlState()).isEqualTo("57014");
                    assertThat(timeout.isTransient()).isTrue();
                    assertThat(timeout.sql()).isEqualTo("select pg_sleep(5)");
                })
                .verify(TIMEOUT);
    }

    @Test
    void failedStatementDoomsTheTransactionAndLaterStatementsFailWithoutReachingTheServer() {
        var work = db.inTransaction(tx -> db.sql("select * from no_such_table").map(row -> 1).fetch()
                .onErrorResume(DataAccessException.class, e -> reactor.core.publisher.Flux.empty())
                .then(db.count(Author.class)));

        StepVerifier.create(work)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.rowflow.TransactionRollbackException.class)
                        .cause().isInstanceOf(DataAccessException.class)
                        .extracting(cause -> ((DataAccessException) cause).sqlState()).isEqualTo("42P01"))
                .verify(TIMEOUT);
    }
}
