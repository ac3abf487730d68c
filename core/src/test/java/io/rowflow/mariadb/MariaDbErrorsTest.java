package io.rowflow.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.QueryTimeoutException;
import io.rowflow.TransactionRollbackException;
import io.rowflow.fixtures.Author;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * MariaDB failures that need the real server to happen: statement timeouts, and a failed
 * statement, which MariaDB (unlike PostgreSQL) would let the transaction survive. Read-only
 * transactions are covered by the transaction suite.
 */
class MariaDbErrorsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private Database db;

    @BeforeEach
    void createTables() {
        db = Database.create(TestDatabases.mariadb(getClass()));
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(TIMEOUT);
    }

    @Test
    void statementTimeoutSurfacesAsQueryTimeout() {
        String sql = "SET STATEMENT max_statement_time = 0.1 FOR select sleep(5)";

        StepVerifier.create(db.sql(sql).map(row -> 1).fetchFirst())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(QueryTimeoutException.class);
                    QueryTimeoutException timeout = (QueryTimeoutException) e;
                    assertThat(timeout.sqlState()).isEqualTo("70100");
                    assertThat(timeout.sql()).isEqualTo(sql);
                })
                .verify(TIMEOUT);
    }

    @Test
    void failedStatementDoomsTheTransactionAndItsEarlierWorkIsRolledBack() {
        var work = db.inTransaction(tx -> db.insert(Author.named("written before the failure"))
                .thenMany(db.sql("select * from no_such_table").map(row -> 1).fetch()
                        .onErrorResume(DataAccessException.class, e -> Flux.empty()))
                .then(db.count(Author.class)));

        StepVerifier.create(work)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransactionRollbackException.class)
                        .cause().isInstanceOf(DataAccessException.class)
                        .extracting(cause -> ((DataAccessException) cause).sqlState()).isEqualTo("42S02"))
                .verify(TIMEOUT);
        assertThat(db.count(Author.class).block(TIMEOUT)).as("MariaDB would have committed it").isZero();
    }
}
