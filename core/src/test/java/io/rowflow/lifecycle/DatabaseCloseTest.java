package io.rowflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.Database;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Closing a database disposes the pool it created from a URL, and never a factory it was given. */
class DatabaseCloseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void closeDisposesThePoolCreatedFromAUrl() {
        Database db = Database.connect("r2dbc:pool:" + TestDatabases.h2Url().substring("r2dbc:".length()));
        ConnectionPool pool = (ConnectionPool) db.connectionFactory();
        db.sql("select 1").mapTo(Integer.class).fetchOne().as(StepVerifier::create).expectNext(1).verifyComplete();

        db.close();

        assertThat(pool.isDisposed()).isTrue();
    }

    @Test
    void closeReactiveDisposesThePoolOnceAndCompletesLaterCallsAtOnce() {
        Database db = Database.connect("r2dbc:pool:" + TestDatabases.postgresUrl().substring("r2dbc:".length()));
        ConnectionPool pool = (ConnectionPool) db.connectionFactory();
        db.sql("select 1").mapTo(Integer.class).fetchOne().as(StepVerifier::create).expectNext(1).verifyComplete();

        db.closeReactive().as(StepVerifier::create).verifyComplete();
        db.closeReactive().as(StepVerifier::create).verifyComplete();

        assertThat(pool.isDisposed()).isTrue();
    }

    @Test
    void closeLeavesAGivenPoolUsable() {
        ConnectionPool pool = TestDatabases.pooled(TestDatabases.h2(), 2);
        try (Database db = Database.create(pool)) {
            db.sql("select 1").mapTo(Integer.class).fetchOne().block(TIMEOUT);
        }

        assertThat(pool.isDisposed()).isFalse();
        try (Database again = Database.create(pool)) {
            again.sql("select 2").mapTo(Integer.class).fetchOne().as(StepVerifier::create).expectNext(2).verifyComplete();
        } finally {
            pool.dispose();
        }
    }

    @Test
    void closeOfAPlainUrlDatabaseCompletes() {
        Database db = Database.connect(TestDatabases.h2Url());

        db.closeReactive().as(StepVerifier::create).verifyComplete();
    }
}
